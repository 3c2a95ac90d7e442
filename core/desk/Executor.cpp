// The Executor's entry points (see Executor.h); the work is in ExecutionRun.
#include "desk/Executor.h"

#include "desk/ExecutionRun.h"
#include "journal/Journal.h"

namespace migdesk {

void ExecutionJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}

bool isExecutableStep(StepType type)
{
    switch (type) {
    case StepType::SetCondition:
    case StepType::SetFulfillmentNote:
    case StepType::Return:
    case StepType::WorkOrder:
    case StepType::MarkMissing:
    case StepType::Withdraw:
    case StepType::AddToShelfList:
    case StepType::Nothing:
    case StepType::Defer:
        return true;
    default:
        return false;
    }
}

Executor::Executor(AlmaClient *client, Journal *journal, ExecutorSettings settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_settings(std::move(settings))
{}

ExecutionJob *Executor::execute(qint64 intentId, const Item &shown, const std::vector<Step> &steps,
                                const QDateTime &readAt)
{
    auto *run = new ExecutionRun(this, ExecutionRun::Kind::Steps, intentId, shown, steps, readAt);
    run->start();
    return run;
}

ExecutionJob *Executor::verifyLoanAction(qint64 intentId, const Item &shown, StepType guide)
{
    auto *run = new ExecutionRun(this, ExecutionRun::Kind::VerifyLoan, intentId, shown, {}, {});
    run->setGuide(guide);
    run->start();
    return run;
}

ExecutionJob *Executor::undo(qint64 intentId, const FieldChange &change)
{
    auto *run = new ExecutionRun(this, ExecutionRun::Kind::Undo, intentId, change.after, {}, {});
    run->setUndo(change.writeId, change.before, change.after, change.hasAfter);
    run->start();
    return run;
}

} // namespace migdesk
