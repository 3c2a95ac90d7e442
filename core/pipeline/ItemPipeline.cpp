// One item from barcode to verified outcome (see ItemPipeline.h).
#include "pipeline/ItemPipeline.h"

#include "alma/AlmaClient.h"
#include "model/ErrorPolicy.h"
#include "pipeline/Recovery.h"
#include "planning/Planner.h"

#include <QTimer>

namespace migdesk {

namespace {

// Calls `done` once the reply finished: at once when it already has (refused before sending;
// its deleteLater is pending, so it is alive now but maybe not on the next turn).
template <typename Reply, typename Done>
void whenReplyFinished(Reply *reply, QObject *context, Done done)
{
    if (reply->isFinished()) {
        done();
        return;
    }
    QObject::connect(reply, &AlmaReply::finished, context, done);
}

} // namespace

ItemPipeline::ItemPipeline(const PipelineServices &services, QString barcode, qint64 intentId,
                           WorkMode mode, std::vector<JournalWrite> earlierWrites, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_barcode(std::move(barcode))
    , m_intentId(intentId)
    , m_mode(mode)
    , m_earlierWrites(std::move(earlierWrites))
{}

void ItemPipeline::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged();
}

void ItemPipeline::endLookup(Lookup lookup)
{
    m_lookup = lookup;
    setStage(lookup == Lookup::Planned ? Stage::Planned : Stage::Idle);
    Q_EMIT lookedUp();
}

void ItemPipeline::start()
{
    m_lookup = Lookup::Pending;
    m_error = {};
    setStage(Stage::LookingUp);
    m_calls += 2; // the barcode redirect and the item
    ItemReply *reply = m_services.client->itemByBarcode(m_barcode);
    whenReplyFinished(reply, this, [this, reply] { onItem(reply); });
}

void ItemPipeline::onItem(const ItemReply *reply)
{
    if (!reply->isOk()) {
        m_error = reply->error();
        if (m_error.code == almacode::NoItemForBarcode) {
            // Gone since an earlier run sent a delete: that delete is what Alma shows.
            if (settleWritesGone(m_services.journal, m_earlierWrites)) {
                m_settledOutcome = Outcome::Done;
                m_settledMessage = tr("Verified after a restart: Alma no longer has the item.");
                m_earlierApplied = true;
                return endLookup(Lookup::Settled);
            }
            return endLookup(Lookup::NotFound);
        }
        return endLookup(Lookup::Failed);
    }
    m_item = reply->item();
    m_hasItem = true;
    m_readAt = QDateTime::currentDateTimeUtc();
    m_reading = m_services.parser->parse(m_item);

    if (!m_earlierWrites.empty()) {
        for (const JournalWrite &write : m_earlierWrites) {
            m_earlierApplied = m_earlierApplied || write.status == QLatin1String("ok") ||
                               write.status == QLatin1String("verified_ok");
        }
        const WriteVerdict verdict = settleWrites(m_services.journal, m_earlierWrites, m_item);
        m_earlierApplied = m_earlierApplied || verdict.kind != WriteVerdict::Kind::Redo;
        if (verdict.kind != WriteVerdict::Kind::Redo) {
            m_settledOutcome = verdict.outcome;
            m_settledMessage = verdict.message;
            return endLookup(Lookup::Settled);
        }
    }

    // Ask Alma for loans only when the plan depends on them.
    const Planner &planner = *m_services.planner;
    if (!planner.needsLoan(m_item, m_reading, m_mode))
        return plan(nullptr);
    setStage(Stage::ReadingLoans);
    m_calls += 1;
    LoansReply *loans = m_services.client->itemLoans(m_item);
    whenReplyFinished(loans, this, [this, loans] {
        if (!loans->isOk()) {
            m_error = loans->error();
            return endLookup(Lookup::Failed);
        }
        plan(&loans->loans());
    });
}

void ItemPipeline::plan(const std::vector<Loan> *loans)
{
    PlanContext context;
    context.mode = m_mode;
    if (loans) {
        for (const Loan &loan : *loans) {
            if (loan.isActive())
                context.activeLoans.push_back(loan);
        }
    }
    m_activeLoans = context.activeLoans;
    m_plan = m_services.planner->plan(m_item, m_reading, context);
    endLookup(Lookup::Planned);
}

void ItemPipeline::journalPlan()
{
    if (m_services.journal && m_intentId && m_hasItem) {
        m_services.journal->recordLookup(m_intentId, m_item, m_reading.ids(),
                                         QString::fromStdString(planToJson(m_plan).dump()));
    }
}

void ItemPipeline::adoptItem(const Item &item, const QDateTime &readAt)
{
    m_item = item;
    m_hasItem = true;
    m_readAt = readAt;
}

void ItemPipeline::execute(const std::vector<Step> &steps, bool justRead)
{
    setStage(Stage::Applying);
    whenExecuted(
        m_services.executor->execute(m_intentId, m_item, steps, justRead ? m_readAt : QDateTime()));
}

void ItemPipeline::verifyLoanAction(StepType guide)
{
    setStage(Stage::Verifying);
    whenExecuted(m_services.executor->verifyLoanAction(m_intentId, m_item, guide));
}

void ItemPipeline::whenExecuted(ExecutionJob *job)
{
    auto done = [this](const ExecutionResult &result) {
        m_result = result;
        m_calls += result.calls;
        setStage(Stage::Planned);
        Q_EMIT executed();
    };
    if (job->isFinished()) {
        // Finished inside the call: deliver on the next turn, as a late finish would be.
        QTimer::singleShot(0, this, [done, result = job->result()] { done(result); });
        return;
    }
    connect(job, &ExecutionJob::finished, this, [job, done] { done(job->result()); });
}

std::vector<Step> ItemPipeline::settledSteps() const
{
    std::vector<Step> steps;
    for (const JournalWrite &write : m_earlierWrites) {
        Step step;
        if (write.kind == QLatin1String("scan_in"))
            step.type = StepType::Return;
        else if (write.kind == QLatin1String("delete"))
            step.type = StepType::Withdraw;
        else
            continue;
        step.label = stepTypeLabel(step.type);
        steps.push_back(step);
    }
    return steps;
}

} // namespace migdesk
