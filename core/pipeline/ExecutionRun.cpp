// The Executor's per-job state machine (see ExecutionRun.h and the rules in Executor.h).
#include "pipeline/ExecutionRun.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"
#include "journal/Journal.h"
#include "model/ErrorPolicy.h"
#include "model/ItemCompare.h"
#include "planning/StepCatalogue.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::Executor", text);
}

QString describe(const ApiError &error)
{
    return errorSummary(error);
}

QString stateLabel(const Item &item)
{
    const QString process =
        item.processType.isEmpty() ? tr("no process type") : item.processType.label();
    return tr("%1, %2").arg(item.isInPlace() ? tr("in place") : tr("not in place"), process);
}

} // namespace

ExecutionRun::ExecutionRun(Executor *executor, Kind kind, qint64 intentId, const Item &shown,
                           std::vector<Step> steps, const QDateTime &readAt)
    : ExecutionJob(executor)
    , m_executor(executor)
    , m_kind(kind)
    , m_intentId(intentId)
    , m_current(shown)
    , m_steps(std::move(steps))
    , m_readAt(readAt)
{
    m_result.before = shown;
    const int window = executor->settings().freshWindowMs;
    m_fresh =
        readAt.isValid() && window > 0 && readAt.msecsTo(QDateTime::currentDateTimeUtc()) <= window;
}

void ExecutionRun::setUndo(qint64 undoneWriteId, const Item &before, const Item &after,
                           bool hasAfter)
{
    m_undoneWriteId = undoneWriteId;
    m_undoBefore = before;
    m_undoAfter = after;
    m_undoHasAfter = hasAfter;
}

void ExecutionRun::start()
{
    // Start from the event loop so the caller can connect to the job's signals first.
    QTimer::singleShot(0, this, [this] {
        switch (m_kind) {
        case Kind::Steps:
            nextStep();
            break;
        case Kind::VerifyLoan:
            verifyLoan();
            break;
        case Kind::Undo:
            undoChange();
            break;
        }
    });
}

ItemReply *ExecutionRun::readItem()
{
    ++m_stepCalls;
    ++m_result.calls;
    return m_executor->client()->getItem(m_current);
}

QString ExecutionRun::stepName() const
{
    if (m_index < m_steps.size())
        return stepTypeName(m_steps[m_index].type);
    return {};
}

void ExecutionRun::nextStep()
{
    if (m_index >= m_steps.size())
        return finishRun();
    Q_EMIT progress(static_cast<int>(m_index), static_cast<int>(m_steps.size()));
    m_stepCalls = 0;
    runStep(m_steps[m_index]);
}

void ExecutionRun::runStep(const Step &step)
{
    const ExecutorSettings &settings = m_executor->settings();
    StepResult result;
    result.type = step.type;
    if (settings.dryRun) {
        result.outcome = Outcome::DryRun;
        return stepDone(result);
    }
    if (const FieldEdit *edit = stepKind(step.type).edit) {
        // A field change from the catalogue: one whole-record PUT.
        Step filled = step;
        if (filled.conditionCode.isEmpty())
            filled.conditionCode = settings.conditionCode;
        if (step.type == StepType::StampNote && !anyWrite()) {
            result.outcome = Outcome::Skipped; // nothing was written: nothing to stamp
            return stepDone(result);
        }
        if (edit->isApplied(m_current, filled)) {
            result.outcome = Outcome::Done;
            // A stamp that rode in an earlier PUT keeps Alma's sentence (the destination) shown.
            if (step.type != StepType::StampNote)
                result.almaSentence = edit->alreadyText(filled);
            return stepDone(result);
        }
        // A later stamp rides in this PUT (no call of its own: it is then already applied).
        std::vector<Step> riders;
        for (std::size_t i = m_index + 1; i < m_steps.size(); ++i) {
            if (step.type != StepType::StampNote && m_steps[i].type == StepType::StampNote)
                riders.push_back(m_steps[i]);
        }
        QString summary = edit->summary(m_current, filled);
        for (const Step &rider : riders)
            summary += QStringLiteral("; ") + stepKind(rider.type).edit->summary(m_current, rider);
        return putItem(
            summary,
            [edit, filled, riders](Item &item) {
                edit->apply(item, filled);
                for (const Step &rider : riders)
                    stepKind(rider.type).edit->apply(item, rider);
            },
            [edit, filled](const Item &item) { return edit->isApplied(item, filled); },
            [this, edit, filled](const Item &after) {
                StepResult done;
                done.type = filled.type;
                done.outcome = edit->isApplied(after, filled) ? Outcome::Done : Outcome::Error;
                if (done.outcome == Outcome::Error)
                    done.error = ApiError::make(ErrorKind::Alma, edit->notKeptText(after, filled));
                stepDone(done);
            });
    }
    switch (step.type) {
    case StepType::Return:
    case StepType::WorkOrder:
        return scanIn(step);
    case StepType::MarkMissing:
        return markMissing(step);
    case StepType::Withdraw:
        return withdraw(step);
    case StepType::AddToShelfList:
        result.outcome = Outcome::Done;
        result.almaSentence = tr("Added to the shelf-search list.");
        return stepDone(result);
    case StepType::Nothing:
    case StepType::Defer:
        result.outcome = Outcome::Skipped;
        return stepDone(result);
    default:
        result.outcome = Outcome::NeedsStaff;
        result.error = ApiError::make(
            ErrorKind::Validation,
            tr("%1 needs staff: it is not applied automatically.").arg(stepTypeLabel(step.type)));
        return stepDone(result);
    }
}

bool ExecutionRun::anyWrite() const
{
    for (const StepResult &done : m_result.steps) {
        if (done.calls > 0 &&
            (done.outcome == Outcome::Done || done.outcome == Outcome::TransitOrHold))
            return true;
    }
    return false;
}

void ExecutionRun::stepDone(StepResult step)
{
    step.calls = m_stepCalls;
    if (!step.almaSentence.isEmpty())
        m_result.almaSentence = step.almaSentence;
    const Outcome outcome = step.outcome;
    const ApiError error = step.error;
    m_result.steps.push_back(std::move(step));
    switch (outcome) {
    case Outcome::Done:
    case Outcome::TransitOrHold:
    case Outcome::Skipped:
    case Outcome::DryRun:
        ++m_index;
        return nextStep();
    default:
        // An error, a pending write or a need for staff stops the plan here.
        m_result.error = error;
        return finishWith(outcome, error.message, error);
    }
}

void ExecutionRun::finishRun()
{
    Outcome outcome = Outcome::Skipped;
    bool anyDone = false;
    for (const auto &step : m_result.steps) {
        if (step.outcome == Outcome::DryRun)
            outcome = Outcome::DryRun;
        if (step.outcome == Outcome::TransitOrHold)
            outcome = Outcome::TransitOrHold;
        if (step.outcome == Outcome::Done)
            anyDone = true;
    }
    if (outcome == Outcome::Skipped && anyDone)
        outcome = Outcome::Done;
    const bool withdrawn =
        std::any_of(m_result.steps.begin(), m_result.steps.end(), [](const StepResult &step) {
            return step.type == StepType::Withdraw && step.outcome == Outcome::Done;
        });
    // Done, yet Alma keeps the item in Technical - Migration (a condition set, say): staff must
    // not read it as finished. An undo puts the item back as it was, which is its purpose.
    if (outcome == Outcome::Done && !withdrawn && m_kind == Kind::Steps &&
        m_current.isMigrationItem())
        outcome = Outcome::StillMigration;
    QString message;
    switch (outcome) {
    case Outcome::DryRun:
        message = tr("Dry run: nothing was written to Alma.");
        break;
    case Outcome::TransitOrHold:
        message = m_result.almaSentence.isEmpty()
                      ? tr("Alma sent the item in transit or to the hold shelf.")
                      : m_result.almaSentence;
        break;
    case Outcome::Done:
        message = withdrawn ? tr("Withdrawn — deleted from Alma.")
                            : tr("Done: Alma now shows %1.").arg(stateLabel(m_current));
        break;
    case Outcome::StillMigration:
        message = tr("Alma now shows %1: the item is still in Technical - Migration.")
                      .arg(stateLabel(m_current));
        break;
    default:
        message = tr("Nothing to do.");
        break;
    }
    finishWith(outcome, message);
}

void ExecutionRun::finishWith(Outcome outcome, const QString &message, const ApiError &error)
{
    m_result.outcome = outcome;
    m_result.message = message;
    if (error.isError())
        m_result.error = error;
    if (m_fresh || m_result.calls > 0) {
        m_result.after = m_current;
        m_result.hasAfter = m_result.calls > 0;
    }
    if (!m_result.steps.empty() && m_result.steps.back().type == StepType::Withdraw &&
        m_result.steps.back().outcome == Outcome::Done)
        m_result.hasAfter = false; // the item no longer exists

    Q_EMIT progress(static_cast<int>(m_steps.size()), static_cast<int>(m_steps.size()));
    finish();
}

void ExecutionRun::ensureFresh(std::function<void()> then)
{
    if (m_fresh)
        return then();
    ItemReply *reply = readItem();
    connect(reply, &AlmaReply::finished, this, [this, reply, then = std::move(then)] {
        StepResult result;
        result.type = m_index < m_steps.size() ? m_steps[m_index].type : StepType::Nothing;
        if (!reply->isOk()) {
            result.outcome = isTransientError(reply->error()) ? Outcome::Pending : Outcome::Error;
            result.error = reply->error();
            result.error.message = tr("The item could not be re-read before writing, so nothing "
                                      "was written (%1).")
                                       .arg(describe(reply->error()));
            return stepDone(result);
        }
        const QString difference = firstShownDifference(m_current, reply->item());
        if (!difference.isEmpty()) {
            result.outcome = Outcome::Error;
            result.error = ApiError::make(
                ErrorKind::Stale,
                tr("The item changed in Alma since it was shown (%1), so nothing was written. "
                   "Look at it again before applying.")
                    .arg(difference));
            m_current = reply->item();
            return stepDone(result);
        }
        m_current = reply->item();
        m_fresh = true;
        then();
    });
}

void ExecutionRun::putItem(const QString &summary, ItemEdit edit, ItemCheck applied,
                           std::function<void(const Item &after)> done, qint64 undoOf)
{
    ensureFresh([this, summary, edit = std::move(edit), applied = std::move(applied),
                 done = std::move(done), undoOf] {
        const Item base = m_current;
        Item changed = base;
        edit(changed);
        Journal *journal = m_executor->journal();
        const qint64 writeId =
            journal ? journal->beginWrite(m_intentId, QStringLiteral("put"), base, summary, undoOf)
                    : 0;
        ++m_stepCalls;
        ++m_result.calls;
        ItemReply *reply = m_executor->client()->updateItem(changed);
        connect(reply, &AlmaReply::finished, this, [this, reply, writeId, base, applied, done] {
            Journal *journal = m_executor->journal();
            if (reply->isOk()) {
                if (journal)
                    journal->endWrite(writeId, QStringLiteral("ok"),
                                      QStringLiteral("HTTP %1").arg(reply->httpStatus()),
                                      reply->item());
                m_current = reply->item();
                m_fresh = true;
                return done(m_current);
            }
            if (writeMayHaveHappened(reply->error())) {
                if (journal)
                    journal->endWrite(writeId, QStringLiteral("unknown"), describe(reply->error()));
                return settleUnknown(writeId, base, applied, done);
            }
            if (journal)
                journal->endWrite(writeId, QStringLiteral("failed"), describe(reply->error()));
            StepResult result;
            result.type = m_steps.empty() ? StepType::Nothing : m_steps[m_index].type;
            result.outcome = isTransientError(reply->error()) ? Outcome::Pending : Outcome::Error;
            result.error = reply->error();
            stepDone(result);
        });
    });
}

void ExecutionRun::settleUnknown(qint64 writeId, const Item &base, ItemCheck applied,
                                 std::function<void(const Item &after)> done)
{
    // Never resend: re-read and let Alma's state say whether the write happened.
    ItemReply *reply = readItem();
    connect(reply, &AlmaReply::finished, this, [this, reply, writeId, base, applied, done] {
        Journal *journal = m_executor->journal();
        StepResult result;
        result.type = m_index < m_steps.size() ? m_steps[m_index].type : StepType::Nothing;
        if (!reply->isOk()) {
            result.outcome = Outcome::Pending;
            result.error = ApiError::make(
                ErrorKind::Ambiguous,
                tr("Alma's answer to the write was lost and the item could not be re-read (%1). "
                   "It stays pending; it will be checked before anything is sent again.")
                    .arg(describe(reply->error())));
            return stepDone(result);
        }
        const Item &now = reply->item();
        if (applied(now)) {
            if (journal)
                journal->endWrite(writeId, QStringLiteral("verified_ok"),
                                  QStringLiteral("re-read shows the change"), now);
            m_current = now;
            m_fresh = true;
            return done(now);
        }
        if (firstShownDifference(base, now).isEmpty()) {
            if (journal)
                journal->endWrite(writeId, QStringLiteral("verified_not"),
                                  QStringLiteral("re-read shows no change"));
            m_current = now;
            result.outcome = Outcome::Pending;
            result.error = ApiError::make(ErrorKind::Ambiguous,
                                          tr("Alma's answer was lost and a re-read shows the "
                                             "change did not happen. It stays pending; retry it."));
            return stepDone(result);
        }
        m_current = now;
        result.outcome = Outcome::NeedsStaff;
        result.error = ApiError::make(
            ErrorKind::Ambiguous,
            tr("Alma's answer was lost and the item now shows %1, which MigDesk cannot match to "
               "the change. Look at the item in Alma.")
                .arg(stateLabel(now)));
        stepDone(result);
    });
}

} // namespace migdesk
