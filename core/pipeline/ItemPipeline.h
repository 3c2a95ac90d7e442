// ItemPipeline: one item from barcode to verified outcome, the same for the desk, the batch and
// recovery at start. It looks the item up, settles writes an earlier run sent and never heard
// back from (the restart verdict, settleWrites), reads the loans only when the plan depends on
// them, plans, journals the lookup, and then, when its front end says so, executes the steps or
// verifies a guided step through the Executor. Front ends keep only what differs: the desk its
// queue, staff gating and presentation; the batch its concurrency and report.
//
// One pipeline runs its own calls strictly in order; different items' pipelines overlap freely
// (the client's rate limiter and send queue pace them).
#pragma once

#include "journal/Journal.h"
#include "legacy/NoteParser.h"
#include "model/ApiError.h"
#include "model/Item.h"
#include "model/Loan.h"
#include "model/Outcome.h"
#include "pipeline/Executor.h"
#include "planning/Plan.h"

#include <QDateTime>
#include <QObject>

#include <vector>

namespace migdesk {

class AlmaClient;
class Planner;

// What every pipeline of one front end shares. The planner and parser are read when a lookup
// finishes, so a settings change reaches the next item without touching one already planned.
struct PipelineServices {
    AlmaClient *client = nullptr;
    Executor *executor = nullptr;
    Journal *journal = nullptr; // may be null (a desk without a journal)
    const Planner *planner = nullptr;
    const NoteParser *parser = nullptr;
};

class ItemPipeline : public QObject {
    Q_OBJECT
public:
    enum class Stage { Idle, LookingUp, ReadingLoans, Planned, Applying, Verifying };
    // How the lookup ended.
    enum class Lookup {
        Pending,  // not finished yet
        Planned,  // read and planned: the front end applies or waits for staff
        NotFound, // Alma has no item with this barcode
        Failed,   // the lookup (or the loans) failed: error() says how (ErrorPolicy decides)
        Settled,  // an earlier run's writes explain what Alma shows: settledOutcome() is final
    };

    // `openWrites`: the writes an earlier run journaled for this intent (resume, restart); they
    // are settled from the fresh read before anything is planned.
    ItemPipeline(const PipelineServices &services, QString barcode, qint64 intentId, WorkMode mode,
                 std::vector<JournalWrite> earlierWrites = {}, QObject *parent = nullptr);

    void start(); // the lookup; emits lookedUp() once
    // Runs the steps through the Executor; emits executed(). `justRead`: the lookup was a moment
    // ago, so the Executor may skip its stale-check re-read.
    void execute(const std::vector<Step> &steps, bool justRead);
    // Re-reads the item after a guided step done in Alma; emits executed().
    void verifyLoanAction(StepType guide);
    // Records the lookup and the (possibly adjusted) plan in the journal.
    void journalPlan();
    // Takes an item read elsewhere (a record restored from the journal) as the one staff saw,
    // for a later execute() or verifyLoanAction() without a lookup of its own.
    void adoptItem(const Item &item, const QDateTime &readAt);

    const QString &barcode() const { return m_barcode; }
    qint64 intentId() const { return m_intentId; }
    Stage stage() const { return m_stage; }
    Lookup lookup() const { return m_lookup; }
    const ApiError &error() const { return m_error; }
    bool hasItem() const { return m_hasItem; }
    const Item &item() const { return m_item; }
    const QDateTime &readAt() const { return m_readAt; }
    const NoteReading &reading() const { return m_reading; }
    Plan &plan() { return m_plan; }
    const Plan &plan() const { return m_plan; }
    const std::vector<Loan> &activeLoans() const { return m_activeLoans; }
    // Settled: the outcome and message of the restart verdict, and the steps the earlier writes
    // stand for (a scan-in is a return, a delete a withdrawal).
    Outcome settledOutcome() const { return m_settledOutcome; }
    const QString &settledMessage() const { return m_settledMessage; }
    std::vector<Step> settledSteps() const;
    // True when earlier writes were found applied (resume: Alma already shows some of it).
    bool anyEarlierWriteApplied() const { return m_earlierApplied; }
    int calls() const { return m_calls; } // Alma calls made by this pipeline, writes included
    const ExecutionResult &result() const { return m_result; }
    // The earlier run's writes, until a lookup settled them.
    const std::vector<JournalWrite> &earlierWrites() const { return m_earlierWrites; }

Q_SIGNALS:
    void stageChanged();
    void lookedUp();
    void executed();

private:
    void onItem(const class ItemReply *reply);
    void plan(const std::vector<Loan> *loans);
    void setStage(Stage stage);
    void endLookup(Lookup lookup);
    void whenExecuted(ExecutionJob *job);

    PipelineServices m_services;
    QString m_barcode;
    qint64 m_intentId;
    WorkMode m_mode;
    std::vector<JournalWrite> m_earlierWrites;
    Stage m_stage = Stage::Idle;
    Lookup m_lookup = Lookup::Pending;
    ApiError m_error;
    bool m_hasItem = false;
    Item m_item;
    QDateTime m_readAt;
    NoteReading m_reading;
    Plan m_plan;
    std::vector<Loan> m_activeLoans;
    Outcome m_settledOutcome = Outcome::Pending;
    QString m_settledMessage;
    bool m_earlierApplied = false;
    int m_calls = 0;
    ExecutionResult m_result;
};

} // namespace migdesk
