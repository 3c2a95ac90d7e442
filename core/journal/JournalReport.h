// JournalReport: what the journal says, for people. One CSV row per item (who, when, the legacy
// status, the planned steps, the outcome and every field MigDesk changed, before and after), and
// the supervisor's summary: per operator and day, items done, needing staff, in error, and the
// pace in items per hour.
#pragma once

#include "journal/Journal.h"

#include <QDate>
#include <QString>

#include <vector>

namespace migdesk {

struct FieldDiff {
    QString field; // Alma's name: physical_condition, internal_note_1, ...
    QString before;
    QString after;
};

// The fields MigDesk may change that differ between `before` and `after`, in a fixed order.
std::vector<FieldDiff> changedFields(const Item &before, const Item &after);
// What an intent changed in Alma: from the first write's image before to the last item Alma
// returned (empty when no write returned the item).
std::vector<FieldDiff> intentChanges(const JournalIntent &intent);
// "physical_condition: (empty) → Damaged; internal_note_3: …" for a CSV cell or a dialog.
QString describeChanges(const std::vector<FieldDiff> &changes);
// The planned step kinds of an intent ("SET_CONDITION RETURN"), from its plan JSON.
QString plannedSteps(const JournalIntent &intent);

// One row per item intent (bulk job bookkeeping rows left out), oldest first, as UTF-8 CSV text.
QString journalExportCsv(const std::vector<JournalIntent> &intents);

struct OperatorDay {
    QString operatorName; // empty: records from before the operator was recorded
    QDate day;            // local date of the scan
    int items = 0;        // finished items
    int done = 0;         // done or sent to transit/hold
    int needsStaff = 0;
    int errors = 0;   // error or not found
    double hours = 0; // first scan to last finish, at least one minute
    double itemsPerHour() const { return hours > 0 ? items / hours : 0; }
};

// Per operator and day, sorted by day then operator.
std::vector<OperatorDay> operatorDays(const std::vector<JournalIntent> &intents);
QString operatorDaysCsv(const std::vector<OperatorDay> &days);

} // namespace migdesk
