// Backlog ("Find migration items"): reads an Alma Analytics CSV export of physical items
// (Barcode, Process Type, Internal Note 1, Internal Note 3, ... columns), reads each row's notes
// with NoteParser, plans it with Planner, and groups the rows by legacy status and planned
// steps, so a library sees its whole backlog and chooses what goes to the desk, to follow-up or
// to a bulk job.
#pragma once

#include "legacy/NoteParser.h"
#include "planning/Plan.h"
#include "planning/Planner.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <map>
#include <utility>
#include <vector>

namespace migdesk {

// Where a group is best handled.
enum class BacklogRoute {
    Job,          // every step is Mark Missing with the "job" strategy: a bulk job
    Batch,        // every step is safe to apply automatically (batch or desk auto-apply)
    Staff,        // a decision, a guided loan action, a withdrawal or a review
    Desk,         // nothing to do until the item is in hand (deferred / listed)
    NotMigration, // the process type is not Technical - Migration: nothing to do
};
QString
backlogRouteName(BacklogRoute route); // "job" | "batch" | "staff" | "desk" | "not_migration"
QString backlogRouteLabel(BacklogRoute route); // translated
// A column heading reduced to its letters and digits, lower case, to find a column whatever its
// spelling: "Internal Note 1", "internal_note_1", "INTERNAL NOTE1" -> "internalnote1".
QString backlogHeaderKey(const QString &header);

struct BacklogGroup {
    QStringList statusIds; // in note order, e.g. {"DAMAGED", "MISSING"}
    QStringList steps;     // planned step names, e.g. {"SET_CONDITION", "MARK_MISSING"}
    BacklogRoute route = BacklogRoute::Staff;
    QString explanation;  // the planner's sentence for the first row of the group
    QStringList barcodes; // in file order

    QString statusKey() const { return statusIds.join(QLatin1Char('+')); }
    QString stepKey() const { return steps.join(QLatin1Char('+')); }
};

struct BacklogProblem {
    int line = 0;   // 1-based record number in the file (the header is line 1)
    QString text;   // the barcode or the raw row
    QString reason; // translated
};

struct Backlog {
    WorkMode mode = WorkMode::Followup;
    int rows = 0;                         // data rows read
    int migrationRows = 0;                // rows whose process type is Technical - Migration
    std::vector<BacklogGroup> groups;     // largest first, then by status key
    std::vector<BacklogProblem> problems; // rows skipped (no barcode, duplicates)
    QStringList warnings; // e.g. "no Process Type column: every row read as a migration item"
    QString error;        // the file could not be read as an Analytics export

    bool ok() const { return error.isEmpty(); }
    // The barcodes of every group routed to `route`, in group order.
    QStringList barcodesFor(BacklogRoute route) const;
    // The barcodes of every group whose steps include `step` (e.g. "MARK_MISSING").
    QStringList barcodesWithStep(const QString &step) const;
    nlohmann::json toJson() const;
};

class BacklogReader;

// Where the export's columns are (-1: absent), found from its header.
struct BacklogColumns {
    int barcode = -1;
    int processType = -1;
    int note1 = -1;
    int note2 = -1;
    int note3 = -1;
    int title = -1;
    int callNumber = -1;
    int condition = -1;
};

// Groups the rows of one export as they come (the CSV reader and the Analytics report reader
// share it, so both give the same groups for the same rows). The reader must outlive it.
class BacklogBuilder {
public:
    BacklogBuilder(const BacklogReader &reader, WorkMode mode);
    // The header row; false (and the backlog's error set) when its columns cannot be used.
    bool setHeader(const QStringList &header);
    // One data row, numbered like a file record (the header is line 1).
    void addRow(const QStringList &row);
    void addWarning(const QString &warning) { m_backlog.warnings << warning; }
    void setError(const QString &error) { m_backlog.error = error; }
    bool hasHeader() const { return m_hasHeader; }
    // The groups, largest first; the builder is spent.
    Backlog finish();

private:
    const BacklogReader &m_reader;
    Backlog m_backlog;
    BacklogColumns m_columns;
    std::map<std::pair<QString, QString>, std::size_t> m_index; // (status, steps) -> group
    // What the plan depends on (process type, notes, condition) -> group: rows repeat the same
    // notes, and planning is most of a row's cost. Bounded: cleared when it grows too large.
    QHash<QString, std::size_t> m_planCache;
    QSet<QString> m_seen;
    int m_line = 1;
    bool m_hasHeader = false;
};

class BacklogReader {
public:
    explicit BacklogReader(Planner planner = Planner(), NoteParser parser = NoteParser());

    Backlog read(const QByteArray &csvData, WorkMode mode) const;
    Backlog readFile(const QString &path, WorkMode mode) const;

    // Alma Analytics' labels or codes of a process type ("Technical - Migration", "TECHNICAL",
    // "Missing", "") to Alma's code ("TECHNICAL", "MISSING", "").
    static QString processTypeCode(const QString &text);

    BacklogBuilder builder(WorkMode mode) const { return BacklogBuilder(*this, mode); }
    const NoteParser &noteParser() const { return m_parser; }

private:
    friend class BacklogBuilder;
    Planner m_planner;
    NoteParser m_parser;
};

} // namespace migdesk
