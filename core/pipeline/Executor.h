// Executor: applies the executable steps of a plan to one item through AlmaClient, journaling
// every write before it is sent and its outcome after, and reporting only what Alma confirmed
// (its reply or a re-read). An ExecutionJob is one run; it finishes exactly once.
//
// Rules it keeps:
// - A write whose reply was lost (Ambiguous/Timeout/Network after sending) is never resent: the
//   item is re-read and Alma's state decides ("unknown" -> "verified_ok"/"verified_not"); when
//   the re-read cannot tell, the item stays Pending.
// - Stale check before a PUT (and a DELETE): the item is re-read and the write refused
//   (ErrorKind::Stale) when modification_date or a shown field changed. The re-read is skipped
//   only when the caller says the item it passes was read from Alma less than
//   `ExecutorSettings::freshWindowMs` ago (execute(..., readAt)): then the lookup that just
//   happened is the check, so Damaged + Return costs exactly PUT + POST after the lookup.
//   Without `readAt` (e.g. an item shown to staff who decide later) the re-read always happens.
// - Field steps already satisfied (condition already set, note already there, item already in
//   place for RETURN) cost no call: a resumed run never writes the same change twice.
// - The Executor records writes only; the caller records the lookup and finishes the intent.
#pragma once

#include "model/ApiError.h"
#include "model/Item.h"
#include "model/Outcome.h"
#include "planning/Plan.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <vector>

namespace migdesk {

class AlmaClient;
class Journal;
struct FieldChange;

struct ExecutorSettings {
    QString library;
    QString circDesk;
    QString conditionCode = QStringLiteral("DAMAGED");
    QString missingStrategy = QStringLiteral("put");
    QString withdrawHoldings = QStringLiteral("retain");
    QString withdrawBib = QStringLiteral("retain");
    bool dryRun = false;
    int freshWindowMs = 10000; // see the header comment: the stale-check re-read policy
    // The resolution stamp (planning/Stamp.h): a note field (empty: off), its template and the
    // operator it names. Added after a plan that writes; it rides in the plan's PUT if any.
    QString stampField;
    QString stampTemplate;
    QString operatorName;
};

struct StepResult {
    StepType type = StepType::Nothing;
    Outcome outcome = Outcome::Pending;
    ApiError error;
    QString almaSentence;
    int calls = 0; // Alma calls this step made (writes and reads)
};

struct ExecutionResult {
    Outcome outcome = Outcome::Pending;
    Item before;
    Item after;
    bool hasAfter = false;
    QString almaSentence; // additional_info of the last action
    QString message;      // staff-readable
    ApiError error;
    std::vector<StepResult> steps;
    int calls = 0; // Alma calls made by this job
};

class ExecutionJob : public QObject {
    Q_OBJECT
public:
    const ExecutionResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void progress(int step, int total);
    void finished();

protected:
    explicit ExecutionJob(QObject *parent)
        : QObject(parent)
    {}
    void finish(); // emits finished() once, then deletes itself later
    ExecutionResult m_result;

private:
    bool m_finished = false;
};

class Executor : public QObject {
    Q_OBJECT
public:
    Executor(AlmaClient *client, Journal *journal /* may be null */, ExecutorSettings settings,
             QObject *parent = nullptr);

    // Runs the executable steps in order (SET_CONDITION, SET_FULFILLMENT_NOTE, RETURN,
    // WORK_ORDER, MARK_MISSING, WITHDRAW, ADD_TO_SHELF_LIST; NOTHING/DEFER are skipped; any
    // other step ends the job with NeedsStaff). `readAt`: when `shown` was read from Alma
    // (invalid: unknown, re-read before any PUT).
    ExecutionJob *execute(qint64 intentId, const Item &shown, const std::vector<Step> &steps,
                          const QDateTime &readAt = {});
    // Re-reads the item: Done only if LOST_LOAN / CLAIM_RETURNED_LOAN is seen; else NeedsStaff
    // with what Alma still shows.
    ExecutionJob *verifyLoanAction(qint64 intentId, const Item &shown, StepType guide);
    // Restores the fields of `change.before` (condition, notes) after checking that the item
    // still is as the change left it (else ErrorKind::Stale). Journals an undo write.
    ExecutionJob *undo(qint64 intentId, const FieldChange &change);

    void setSettings(const ExecutorSettings &settings) { m_settings = settings; }
    const ExecutorSettings &settings() const { return m_settings; }
    AlmaClient *client() const { return m_client; }
    Journal *journal() const { return m_journal; }

private:
    AlmaClient *m_client;
    Journal *m_journal;
    ExecutorSettings m_settings;
};

// True when a step type is one execute() can run.
bool isExecutableStep(StepType type);

} // namespace migdesk
