// The Executor's entry points (see Executor.h); the work is in ExecutionRun.
#include "pipeline/Executor.h"

#include "journal/Journal.h"
#include "pipeline/ExecutionRun.h"
#include "planning/Stamp.h"
#include "planning/StepCatalogue.h"

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
    return stepKind(type).executable;
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
    std::vector<Step> all = steps;
    if (!m_settings.dryRun) {
        const StampSettings stamp{m_settings.stampField, m_settings.stampTemplate,
                                  m_settings.operatorName};
        if (auto step = stampStep(steps, stamp, QDate::currentDate()))
            all.push_back(*step);
    }
    auto *run = new ExecutionRun(this, ExecutionRun::Kind::Steps, intentId, shown, all, readAt);
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
