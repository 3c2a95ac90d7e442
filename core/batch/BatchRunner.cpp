// The batch run (see BatchRunner.h).
#include "batch/BatchRunner.h"

#include "alma/AlmaClient.h"
#include "batch/BarcodeInput.h"
#include "journal/Journal.h"
#include "model/ErrorPolicy.h"
#include "model/ItemCompare.h"
#include "pipeline/ItemPipeline.h"
#include "planning/StepCatalogue.h"

#include <QTimer>

#include <map>
#include <utility>

namespace migdesk {

namespace {

QString errorCodeOf(const ApiError &error)
{
    if (!error.isError())
        return {};
    return error.code.isEmpty() ? errorKindName(error.kind) : error.code;
}

} // namespace

struct BatchRunner::Task {
    int index = 0;
    ItemPipeline *pipeline = nullptr;
    ApiError error; // why it stopped, when it did
};

BatchRunner::BatchRunner(AlmaClient *client, Journal *journal, Planner planner,
                         BatchOptions options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_planner(std::move(planner))
    , m_options(std::move(options))
    , m_executor(new Executor(client, journal, m_options.executor, this))
{}

BatchRunner::~BatchRunner() = default;

PipelineServices BatchRunner::services()
{
    PipelineServices s;
    s.client = m_client;
    s.executor = m_executor;
    s.journal = m_journal;
    s.planner = &m_planner;
    s.parser = &m_parser;
    return s;
}

bool BatchRunner::anyFailed() const
{
    for (const auto &row : m_rows) {
        if (!row.isSuccess())
            return true;
    }
    return false;
}

Result<Empty> BatchRunner::prepare(const QStringList &barcodes)
{
    const QString digest = barcodeListDigest(barcodes);
    const auto latest = m_journal->latestRun();
    const size_t n = static_cast<size_t>(barcodes.size());
    m_rows.assign(n, {});
    m_done.assign(n, false);
    m_reuseIntent.assign(n, 0);
    m_openWrites.assign(n, {});
    m_attempts.assign(n, 0);
    for (size_t i = 0; i < n; ++i)
        m_rows[i].barcode = barcodes.at(static_cast<qsizetype>(i));

    if (!m_options.resume || !latest) {
        if (latest && !latest->finished && !latest->dryRun)
            return Result<Empty>::fail(ApiError::make(
                ErrorKind::Validation,
                tr("The journal %1 holds an interrupted run. Continue it with --resume, or use "
                   "another --journal.")
                    .arg(m_journal->path())));
        m_runId =
            m_journal->beginRun(digest, workModeName(m_options.mode), m_options.executor.dryRun);
        return Result<Empty>::ok({});
    }
    if (latest->inputDigest != digest)
        return Result<Empty>::fail(ApiError::make(
            ErrorKind::Validation, tr("The journal's last run was for another barcode list; "
                                      "--resume needs the same file.")));
    m_runId = latest->id;
    std::map<QString, size_t> indexOf;
    for (size_t i = 0; i < n; ++i)
        indexOf[m_rows[i].barcode] = i;
    JournalQuery query;
    query.runId = m_runId;
    for (const JournalIntent &intent : m_journal->intents(query)) {
        const auto it = indexOf.find(intent.barcode);
        if (it == indexOf.end())
            continue;
        const size_t i = it->second;
        if (!intent.isUnfinished()) {
            const nlohmann::json detail =
                nlohmann::json::parse(intent.detailJson.toStdString(), nullptr, false);
            BatchRow row = batchRowFromJson(detail);
            row.barcode = intent.barcode;
            row.operatorName = intent.operatorName;
            row.outcome = *intent.outcome;
            if (row.message.isEmpty())
                row.message = intent.message;
            m_rows[i] = row;
            m_done[i] = true;
            m_reuseIntent[i] = 0;
            m_openWrites[i].clear();
            ++m_resumed;
            continue;
        }
        // Unfinished: continue with this intent; its open writes are settled first.
        m_done[i] = false;
        m_reuseIntent[i] = intent.id;
        // Its writes are settled by the item's pipeline from the fresh read (the restart
        // verdict), before anything is planned.
        m_openWrites[i] = intent.writes;
    }
    return Result<Empty>::ok({});
}

void BatchRunner::start()
{
    m_started = true;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_done[i])
            ++m_finished;
        else
            m_queue.push_back(static_cast<int>(i));
    }
    QTimer::singleShot(0, this, [this] { pump(); });
}

void BatchRunner::pump()
{
    const int limit = std::max(1, m_options.maxInFlight);
    while (m_inFlight < limit && !m_queue.empty()) {
        const int index = m_queue.front();
        m_queue.pop_front();
        const size_t slot = static_cast<size_t>(index);
        const QString &barcode = m_rows[slot].barcode;
        const qint64 reuse = m_reuseIntent[slot];
        const qint64 intentId =
            reuse ? reuse
                  : m_journal->recordIntent(barcode, QStringLiteral("batch"),
                                            workModeName(m_options.mode), m_runId);
        auto *task = new Task;
        task->index = index;
        task->pipeline = new ItemPipeline(services(), barcode, intentId, m_options.mode,
                                          std::exchange(m_openWrites[slot], {}), this);
        connect(task->pipeline, &ItemPipeline::lookedUp, this, [this, task] { onLookedUp(task); });
        ++m_inFlight;
        task->pipeline->start();
    }
    if (m_inFlight == 0 && m_queue.empty() && m_waiting == 0) {
        bool allSettled = true;
        for (const auto &row : m_rows)
            allSettled = allSettled && row.outcome != Outcome::Pending;
        if (allSettled)
            m_journal->finishRun(m_runId);
        Q_EMIT finished();
    }
}

BatchRow BatchRunner::baseRow(const Task *task) const
{
    const ItemPipeline *p = task->pipeline;
    BatchRow row;
    row.barcode = p->barcode();
    row.calls = p->calls();
    row.operatorName = m_journal ? m_journal->operatorName() : QString();
    if (p->hasItem()) {
        const Item &item = p->item();
        row.title = item.title;
        row.callNumber = item.callNumber;
        row.beforeProcessType = item.processType.value;
        row.beforeCondition = item.physicalCondition.value;
        row.afterProcessType = row.beforeProcessType;
        row.afterCondition = row.beforeCondition;
        row.statusIds = p->reading().ids();
        row.plannedSteps = p->plan().stepNames();
    }
    return row;
}

void BatchRunner::onLookedUp(Task *task)
{
    ItemPipeline *p = task->pipeline;
    BatchRow row = baseRow(task);
    switch (p->lookup()) {
    case ItemPipeline::Lookup::Pending:
        return;
    case ItemPipeline::Lookup::NotFound:
        task->error = p->error();
        row.errorCode = errorCodeOf(p->error());
        row.errorMessage = p->error().message;
        row.outcome = Outcome::NotFound;
        row.message = tr("No item with this barcode in Alma.");
        return finishTask(task, row);
    case ItemPipeline::Lookup::Failed: {
        const ApiError &error = p->error();
        task->error = error;
        row.errorCode = errorCodeOf(error);
        row.errorMessage = error.message;
        if (!p->hasItem()) {
            row.outcome = isTransientError(error) ? Outcome::Pending : Outcome::Error;
            row.message = isTransientError(error)
                              ? tr("Alma could not be reached for the lookup; nothing was "
                                   "written. Run again with --resume.")
                              : tr("The lookup failed: %1").arg(error.message);
        } else {
            row.outcome = isTransientError(error) ? Outcome::Pending : Outcome::Error;
            row.message = tr("The item's loans could not be read; nothing was written.");
        }
        return finishTask(task, row);
    }
    case ItemPipeline::Lookup::Settled:
        // The restart verdict: what Alma shows is explained by writes sent before.
        row.outcome = p->settledOutcome();
        row.message = p->settledMessage();
        if (p->hasItem()) {
            row.afterProcessType = p->item().processType.value;
            row.afterCondition = p->item().physicalCondition.value;
        }
        return finishTask(task, row);
    case ItemPipeline::Lookup::Planned:
        p->journalPlan();
        return apply(task);
    }
}

void BatchRunner::apply(Task *task)
{
    ItemPipeline *p = task->pipeline;
    BatchRow row = baseRow(task);
    const Plan &plan = p->plan();
    bool anyAction = false;
    for (const auto &step : plan.steps) {
        const StepKind &kind = stepKind(step.type);
        // A batch applies nothing that waits for staff (a choice, a review, a guided step).
        if (!kind.executable) {
            row.outcome = Outcome::NeedsStaff;
            row.message = plan.explanation;
            return finishTask(task, row);
        }
        // A return that would close an active loan waits for staff at the desk.
        if (step.confirmLoan) {
            row.outcome = Outcome::NeedsStaff;
            row.message = tr("The return would close an active loan: staff confirm it at the "
                             "desk. %1")
                              .arg(plan.explanation);
            return finishTask(task, row);
        }
        if (kind.gate == Awaiting::WithdrawConfirmation && !m_options.allowWithdraw) {
            row.outcome = Outcome::NeedsStaff;
            row.message = tr("Withdraw needs confirmation (run with --allow-withdraw). %1")
                              .arg(plan.explanation);
            return finishTask(task, row);
        }
        anyAction = anyAction || !kind.noOp;
    }
    const bool resumed = p->anyEarlierWriteApplied();
    if (!anyAction) {
        row.outcome = !resumed                     ? Outcome::Skipped
                      : isTransitOrHold(p->item()) ? Outcome::TransitOrHold
                                                   : Outcome::Done;
        row.message = resumed
                          ? tr("Resumed: Alma already shows the change (verified by a re-read).")
                          : plan.explanation;
        return finishTask(task, row);
    }
    connect(p, &ItemPipeline::executed, this, [this, task, resumed] {
        const ExecutionResult &result = task->pipeline->result();
        task->error = result.error;
        BatchRow done = baseRow(task);
        done.outcome = result.outcome;
        done.message = result.message;
        if (resumed && result.outcome == Outcome::Done)
            done.message = tr("Resumed after an interruption; %1").arg(result.message);
        done.almaSentence = result.almaSentence;
        done.errorCode = errorCodeOf(result.error);
        done.errorMessage = result.error.isError() ? result.error.message : QString();
        if (result.hasAfter) {
            done.afterProcessType = result.after.processType.value;
            done.afterCondition = result.after.physicalCondition.value;
        }
        finishTask(task, done);
    });
    p->execute(plan.steps, true);
}

void BatchRunner::finishTask(Task *task, BatchRow row)
{
    // A 429 that outlasted the client's retries refused the call without applying it: the item
    // goes back in the queue (same intent; it is re-read and re-planned, so nothing repeats).
    const size_t slot = static_cast<size_t>(task->index);
    if (row.outcome == Outcome::Pending && task->error.kind == ErrorKind::RateLimited &&
        m_attempts[slot] < kMaxRateLimitedAttempts) {
        ++m_attempts[slot];
        m_reuseIntent[slot] = task->pipeline->intentId();
        const int index = task->index;
        task->pipeline->deleteLater();
        delete task;
        --m_inFlight;
        ++m_waiting;
        QTimer::singleShot(500 * m_attempts[slot], this, [this, index] {
            --m_waiting;
            m_queue.push_front(index);
            pump();
        });
        return;
    }
    const qint64 intentId = task->pipeline->intentId();
    m_journal->setIntentDetail(intentId, QString::fromStdString(batchRowToJson(row).dump()));
    m_journal->finishIntent(intentId, row.outcome, row.message);
    const int index = task->index;
    m_rows[static_cast<size_t>(index)] = std::move(row);
    m_done[static_cast<size_t>(index)] = true;
    task->pipeline->deleteLater();
    delete task;
    --m_inFlight;
    ++m_finished;
    Q_EMIT rowFinished(index);
    pump();
}

} // namespace migdesk
