// The batch run (see BatchRunner.h).
#include "batch/BatchRunner.h"

#include "alma/AlmaClient.h"
#include "batch/BarcodeInput.h"
#include "desk/ExecutionRun.h"
#include "journal/Journal.h"

#include <QTimer>

#include <map>

namespace migdesk {

namespace {

QString errorCodeOf(const ApiError &error)
{
    if (!error.isError())
        return {};
    return error.code.isEmpty() ? errorKindName(error.kind) : error.code;
}

// Steps that a batch never applies by itself.
bool needsStaffStep(StepType type)
{
    return type == StepType::Decide || type == StepType::GuideLost ||
           type == StepType::GuideClaimedReturned || type == StepType::NeedsReview;
}

} // namespace

struct BatchRunner::Task {
    int index = 0;
    QString barcode;
    qint64 intentId = 0;
    Item item;
    bool hasItem = false;
    QDateTime readAt;
    NoteReading reading;
    Plan plan;
    int calls = 0;
    int settled = 0; // resume: writes found sent before the interruption
    ApiError error;  // why it stopped, when it did
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
    m_priorWrites.assign(n, 0);
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
        m_openWrites[i].clear();
        m_priorWrites[i] = 0;
        for (const auto &write : intent.writes) {
            if (write.isOpen())
                m_openWrites[i].emplace_back(write.id, write.beforeJson);
            else if (write.status == QLatin1String("ok") ||
                     write.status == QLatin1String("verified_ok"))
                ++m_priorWrites[i];
        }
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
        auto *task = new Task;
        task->index = index;
        task->barcode = m_rows[static_cast<size_t>(index)].barcode;
        const qint64 reuse = m_reuseIntent[static_cast<size_t>(index)];
        task->intentId = reuse ? reuse
                               : m_journal->recordIntent(task->barcode, QStringLiteral("batch"),
                                                         workModeName(m_options.mode), m_runId);
        ++m_inFlight;
        lookUp(task);
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
    BatchRow row;
    row.barcode = task->barcode;
    row.calls = task->calls;
    if (task->hasItem) {
        row.title = task->item.title;
        row.callNumber = task->item.callNumber;
        row.beforeProcessType = task->item.processType.value;
        row.beforeCondition = task->item.physicalCondition.value;
        row.afterProcessType = row.beforeProcessType;
        row.afterCondition = row.beforeCondition;
        row.statusIds = task->reading.ids();
        row.plannedSteps = task->plan.stepNames();
    }
    return row;
}

void BatchRunner::lookUp(Task *task)
{
    task->calls += 2; // the barcode redirect and the item
    ItemReply *reply = m_client->itemByBarcode(task->barcode);
    connect(reply, &AlmaReply::finished, this, [this, task, reply] {
        if (!reply->isOk()) {
            BatchRow row = baseRow(task);
            const ApiError &error = reply->error();
            task->error = error;
            row.errorCode = errorCodeOf(error);
            row.errorMessage = error.message;
            if (error.code == QLatin1String("401689")) {
                row.outcome = Outcome::NotFound;
                row.message = tr("No item with this barcode in Alma.");
            } else if (isTransientError(error)) {
                row.outcome = Outcome::Pending;
                row.message = tr("Alma could not be reached for the lookup; nothing was written. "
                                 "Run again with --resume.");
            } else {
                row.outcome = Outcome::Error;
                row.message = tr("The lookup failed: %1").arg(error.message);
            }
            return finishTask(task, row);
        }
        task->item = reply->item();
        task->hasItem = true;
        task->readAt = QDateTime::currentDateTimeUtc();
        settleOpenWrites(task);
    });
}

void BatchRunner::settleOpenWrites(Task *task)
{
    // A write sent before the interruption: the fresh lookup is Alma's word on it. The item
    // differs from the write's before-image: it happened (or someone changed it: the re-plan
    // below starts from what Alma shows either way, so nothing is applied twice).
    auto &open = m_openWrites[static_cast<size_t>(task->index)];
    for (const auto &[writeId, beforeJson] : open) {
        const auto before = parseItem(beforeJson);
        const bool changed =
            !before.isOk() || !firstShownDifference(before.value(), task->item).isEmpty();
        m_journal->endWrite(
            writeId, changed ? QStringLiteral("verified_ok") : QStringLiteral("verified_not"),
            changed ? QStringLiteral("resume: the item changed since the write")
                    : QStringLiteral("resume: the item is unchanged"),
            task->item);
        if (changed)
            ++task->settled;
    }
    open.clear();
    task->settled += m_priorWrites[static_cast<size_t>(task->index)];
    task->reading = m_parser.parse(task->item);
    PlanContext context;
    context.mode = m_options.mode;
    task->plan = m_planner.plan(task->item, task->reading, context);
    // A loan check costs a call: only when an active loan would change the plan.
    if (!m_planner.needsLoan(task->item, task->reading, m_options.mode))
        return planAndApply(task, nullptr);
    task->calls += 1;
    LoansReply *reply = m_client->itemLoans(task->item);
    connect(reply, &AlmaReply::finished, this, [this, task, reply] {
        if (!reply->isOk()) {
            BatchRow row = baseRow(task);
            task->error = reply->error();
            row.outcome = isTransientError(reply->error()) ? Outcome::Pending : Outcome::Error;
            row.errorCode = errorCodeOf(reply->error());
            row.errorMessage = reply->error().message;
            row.message = tr("The item's loans could not be read; nothing was written.");
            return finishTask(task, row);
        }
        planAndApply(task, &reply->loans());
    });
}

void BatchRunner::planAndApply(Task *task, const std::vector<Loan> *loans)
{
    if (loans) {
        PlanContext context;
        context.mode = m_options.mode;
        for (const auto &loan : *loans) {
            if (loan.isActive())
                context.activeLoans.push_back(loan);
        }
        task->plan = m_planner.plan(task->item, task->reading, context);
    }
    m_journal->recordLookup(task->intentId, task->item, task->reading.ids(),
                            QString::fromStdString(planToJson(task->plan).dump()));
    apply(task);
}

void BatchRunner::apply(Task *task)
{
    BatchRow row = baseRow(task);
    const Plan &plan = task->plan;
    bool anyAction = false;
    for (const auto &step : plan.steps) {
        if (needsStaffStep(step.type)) {
            row.outcome = Outcome::NeedsStaff;
            row.message = plan.explanation;
            return finishTask(task, row);
        }
        if (step.type == StepType::Withdraw && !m_options.allowWithdraw) {
            row.outcome = Outcome::NeedsStaff;
            row.message = tr("Withdraw needs confirmation (run with --allow-withdraw). %1")
                              .arg(plan.explanation);
            return finishTask(task, row);
        }
        if (!isExecutableStep(step.type)) {
            row.outcome = Outcome::NeedsStaff;
            row.message = plan.explanation;
            return finishTask(task, row);
        }
        if (step.type != StepType::Nothing && step.type != StepType::Defer)
            anyAction = true;
    }
    if (!anyAction) {
        row.outcome = task->settled == 0            ? Outcome::Skipped
                      : isTransitOrHold(task->item) ? Outcome::TransitOrHold
                                                    : Outcome::Done;
        row.message = task->settled > 0
                          ? tr("Resumed: Alma already shows the change (verified by a re-read).")
                          : plan.explanation;
        return finishTask(task, row);
    }
    ExecutionJob *job = m_executor->execute(task->intentId, task->item, plan.steps, task->readAt);
    connect(job, &ExecutionJob::finished, this, [this, task, job] {
        const ExecutionResult &result = job->result();
        task->error = result.error;
        BatchRow row = baseRow(task);
        row.calls += result.calls;
        row.outcome = result.outcome;
        row.message = result.message;
        if (task->settled > 0 && result.outcome == Outcome::Done)
            row.message = tr("Resumed after an interruption; %1").arg(result.message);
        row.almaSentence = result.almaSentence;
        row.errorCode = errorCodeOf(result.error);
        row.errorMessage = result.error.isError() ? result.error.message : QString();
        if (result.hasAfter) {
            row.afterProcessType = result.after.processType.value;
            row.afterCondition = result.after.physicalCondition.value;
        }
        finishTask(task, row);
    });
}

void BatchRunner::finishTask(Task *task, BatchRow row)
{
    // A 429 that outlasted the client's retries refused the call without applying it: the item
    // goes back in the queue (same intent; it is re-read and re-planned, so nothing repeats).
    const size_t slot = static_cast<size_t>(task->index);
    if (row.outcome == Outcome::Pending && task->error.kind == ErrorKind::RateLimited &&
        m_attempts[slot] < kMaxRateLimitedAttempts) {
        ++m_attempts[slot];
        m_reuseIntent[slot] = task->intentId;
        const int index = task->index;
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
    m_journal->setIntentDetail(task->intentId, QString::fromStdString(batchRowToJson(row).dump()));
    m_journal->finishIntent(task->intentId, row.outcome, row.message);
    const int index = task->index;
    m_rows[static_cast<size_t>(index)] = std::move(row);
    m_done[static_cast<size_t>(index)] = true;
    delete task;
    --m_inFlight;
    ++m_finished;
    Q_EMIT rowFinished(index);
    pump();
}

} // namespace migdesk
