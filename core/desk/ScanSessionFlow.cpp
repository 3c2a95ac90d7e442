// ScanSession's pipeline: one scan at a time from the type-ahead queue through lookup, loan
// check (only when the plan depends on it), planning, and applying or waiting for staff; backs
// off and keeps the queue while Alma is unreachable.
#include "desk/ScanSessionPrivate.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"
#include "journal/Journal.h"

namespace migdesk {

namespace {

bool hasStep(const std::vector<Step> &steps, StepType type)
{
    for (const Step &step : steps) {
        if (step.type == type)
            return true;
    }
    return false;
}

bool isNoOp(StepType type)
{
    return type == StepType::Nothing || type == StepType::Defer;
}

QString itemName(const ScanRecord &record)
{
    if (record.item.title.isEmpty())
        return record.barcode;
    return QStringLiteral("\u201C%1\u201D (%2)").arg(record.item.title, record.barcode);
}

QString stepLabels(const Plan &plan)
{
    QStringList labels;
    for (const Step &step : plan.steps)
        labels.append(step.label.isEmpty() ? stepTypeLabel(step.type) : step.label);
    return labels.join(QStringLiteral(", "));
}

} // namespace

bool ScanSession::Private::isOfflineError(const ApiError &error)
{
    switch (error.kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::RateLimited:
    case ErrorKind::DailyBudget:
        return true;
    case ErrorKind::Http:
    case ErrorKind::Alma:
        return error.httpStatus == 429 || error.httpStatus >= 500;
    default:
        return false;
    }
}

bool ScanSession::Private::pipelineBusy() const
{
    if (current == 0)
        return false;
    const auto it = records.find(current);
    if (it == records.end())
        return false;
    switch (it->second.stage) {
    case ScanStage::LookingUp:
    case ScanStage::Planned: // waiting for staff: later scans queue behind it
    case ScanStage::Applying:
    case ScanStage::Verifying:
        return true;
    case ScanStage::Queued:
    case ScanStage::Finished:
        return false;
    }
    return false;
}

void ScanSession::Private::pump()
{
    if (pipelineBusy() || queue.isEmpty())
        return;
    if (offline && retryTimer.isActive())
        return;
    const qint64 id = queue.takeFront();
    queueChanged();
    startLookup(id);
}

void ScanSession::Private::startLookup(qint64 id)
{
    ScanRecord *r = rec(id);
    if (!r)
        return;
    r->stage = ScanStage::LookingUp;
    r->message = tr("Looking up %1 in Alma...").arg(r->barcode);
    setCurrent(id);
    changed(id);
    ItemReply *reply = client->itemByBarcode(r->barcode);
    whenReplyFinished(reply, [this, id, reply] { onItem(id, reply); });
}

void ScanSession::Private::onItem(qint64 id, const ItemReply *reply)
{
    ScanRecord *r = rec(id);
    if (!r)
        return;
    if (!reply->isOk()) {
        const ApiError &error = reply->error();
        if (isOfflineError(error)) {
            backOff(id, userMessage(error));
            return;
        }
        setOffline(false); // Alma answered
        skipAfterLookup.erase(id);
        if (error.code == QLatin1String("401689") && settleRecoveredGone(id)) {
            pump();
            return;
        }
        if (error.code == QLatin1String("401689"))
            finish(id, Outcome::NotFound, tr("No item with barcode %1 in Alma.").arg(r->barcode));
        else
            finish(id, Outcome::Error, userMessage(error));
        pump();
        return;
    }
    setOffline(false);
    r->item = reply->item();
    r->hasItem = true;
    r->readAt = QDateTime::currentDateTimeUtc();
    if (skipAfterLookup.erase(id) > 0) {
        finish(id, Outcome::Skipped, tr("Skipped by staff: nothing was changed in Alma."));
        pump();
        return;
    }
    r->reading = parser.parse(r->item);
    if (settleRecovered(id)) {
        pump();
        return;
    }

    // Ask Alma for loans only when the plan depends on them.
    if (!planner.needsLoan(r->item, r->reading, settings.mode)) {
        PlanContext context;
        context.mode = settings.mode;
        r->plan = planner.plan(r->item, r->reading, context);
        planAndAct(id);
        return;
    }
    LoansReply *loans = client->itemLoans(r->item);
    whenReplyFinished(loans, [this, id, loans] { onLoans(id, loans); });
}

void ScanSession::Private::onLoans(qint64 id, const LoansReply *reply)
{
    ScanRecord *r = rec(id);
    if (!r)
        return;
    if (!reply->isOk()) {
        if (isOfflineError(reply->error())) {
            backOff(id, userMessage(reply->error()));
        } else {
            finish(id, Outcome::Error, userMessage(reply->error()));
            pump();
        }
        return;
    }
    PlanContext context;
    context.mode = settings.mode;
    for (const Loan &loan : reply->loans()) {
        if (loan.isActive())
            context.activeLoans.push_back(loan);
    }
    r->activeLoans = context.activeLoans;
    r->plan = planner.plan(r->item, r->reading, context);
    planAndAct(id);
}

void ScanSession::Private::planAndAct(qint64 id)
{
    ScanRecord *r = rec(id);
    // Found at the desk while on the shelf-search list: it is returned and ticked off, even if
    // the rules have nothing else for it.
    if (settings.mode == WorkMode::Desk && shelfList.isOpen(r->barcode) && !r->item.isInPlace()) {
        bool onlyNoOps = true;
        for (const Step &step : r->plan.steps)
            onlyNoOps = onlyNoOps && isNoOp(step.type);
        if (onlyNoOps) {
            Step ret;
            ret.type = StepType::Return;
            ret.label = stepTypeLabel(StepType::Return);
            r->plan.steps = {ret};
            r->plan.explanation = tr("On the shelf-search list and found: returned at the desk.");
        }
    }
    if (journal && r->intentId) {
        journal->recordLookup(r->intentId, r->item, r->reading.ids(),
                              QString::fromStdString(planToJson(r->plan).dump()));
    }
    act(id, false);
}

std::vector<Step> ScanSession::Private::effectiveSteps(const ScanRecord &record) const
{
    std::vector<Step> steps;
    bool answered = false;
    for (const Step &step : record.plan.steps) {
        const bool isChoice = step.type == StepType::Decide ||
                              (step.type == StepType::NeedsReview && !step.choices.empty());
        if (isChoice && !answered && record.chosenIndex >= 0 &&
            record.chosenIndex < static_cast<int>(step.choices.size())) {
            const auto &chosen = step.choices[static_cast<size_t>(record.chosenIndex)].steps;
            steps.insert(steps.end(), chosen.begin(), chosen.end());
            answered = true;
        } else {
            steps.push_back(step);
        }
    }
    return steps;
}

void ScanSession::Private::act(qint64 id, bool staffAnswered)
{
    ScanRecord *r = rec(id);
    if (r->dryRun || settings.dryRun) {
        r->dryRun = true;
        if (hasStep(r->plan.steps, StepType::AddToShelfList))
            addToShelfList(*r);
        finish(id, Outcome::DryRun,
               tr("Dry run: nothing was written to Alma. Planned: %1.").arg(stepLabels(r->plan)));
        pump();
        return;
    }
    r->awaitingWithdraw = false;
    const std::vector<Step> steps = effectiveSteps(*r);
    bool hasWork = false;
    for (const Step &step : steps)
        hasWork = hasWork || !isNoOp(step.type);
    if (!hasWork) {
        finish(id, Outcome::Skipped,
               r->plan.explanation.isEmpty() ? tr("Nothing to change in Alma.")
                                             : r->plan.explanation);
        pump();
        return;
    }
    if (hasStep(steps, StepType::Decide)) {
        waitForStaff(id, tr("Choose what to do with %1.").arg(itemName(*r)));
    } else if (hasStep(steps, StepType::NeedsReview)) {
        waitForStaff(id, tr("Needs review: the note does not name a status MigDesk knows. "
                            "Choose an action or skip."));
    } else if (hasStep(steps, StepType::Withdraw)) {
        r->awaitingWithdraw = true;
        waitForStaff(
            id, tr("Withdraw %1? It is deleted in Alma only after you confirm.").arg(itemName(*r)));
    } else if (hasStep(steps, StepType::GuideLost)) {
        waitForStaff(id, tr("Declare the loan Lost in Alma (Patron Services > Loans > row "
                            "action), then choose \"Done in Alma\"."));
    } else if (hasStep(steps, StepType::GuideClaimedReturned)) {
        waitForStaff(id, tr("Mark the loan Claimed Returned in Alma (Patron Services > Loans > "
                            "row action), then choose \"Done in Alma\"."));
    } else if (staffAnswered) {
        apply(id, steps, false);
    } else if (settings.autoApply && r->plan.isAutoSafe()) {
        apply(id, steps, true);
    } else {
        waitForStaff(id, tr("Press Enter to apply, Esc to skip."));
    }
}

void ScanSession::Private::addToShelfList(ScanRecord &record)
{
    shelfList.add(record.item, record.reading.ids(), QDateTime::currentDateTime());
    Q_EMIT q->shelfListChanged();
}

void ScanSession::Private::whenReplyFinished(AlmaReply *reply, const std::function<void()> &done)
{
    if (reply->isFinished()) {
        // Already finished (refused before sending). Its deleteLater is pending, so it is
        // still alive now, but maybe not on the next turn: handle it at once.
        done();
        return;
    }
    QObject::connect(reply, &AlmaReply::finished, q, done);
}

void ScanSession::Private::whenFinished(ExecutionJob *job,
                                        std::function<void(const ExecutionResult &)> done)
{
    if (job->isFinished()) {
        // Finished inside the call: deliver on the next turn, as a late finish would be.
        QTimer::singleShot(0, q, [done, result = job->result()] { done(result); });
        return;
    }
    QObject::connect(job, &ExecutionJob::finished, q, [job, done] { done(job->result()); });
}

void ScanSession::Private::apply(qint64 id, const std::vector<Step> &steps, bool justRead)
{
    ScanRecord *r = rec(id);
    r->stage = ScanStage::Applying;
    r->awaitingWithdraw = false;
    r->outcome = Outcome::Pending;
    r->message = tr("Applying in Alma...");
    changed(id);

    bool shelfStep = false;
    std::vector<Step> almaSteps;
    for (const Step &step : steps) {
        if (step.type == StepType::AddToShelfList)
            shelfStep = true;
        else if (!isNoOp(step.type))
            almaSteps.push_back(step);
    }
    if (almaSteps.empty()) {
        if (shelfStep)
            addToShelfList(*r);
        finish(
            id, shelfStep ? Outcome::Done : Outcome::Skipped,
            shelfStep
                ? tr("Added to the shelf-search list (%1 to look for).").arg(shelfList.openCount())
                : tr("Nothing to change in Alma."));
        pump();
        return;
    }
    ExecutionJob *job =
        executor->execute(r->intentId, r->item, almaSteps, justRead ? r->readAt : QDateTime());
    whenFinished(job, [this, id, shelfStep](const ExecutionResult &result) {
        onExecuted(id, result, shelfStep);
    });
}

void ScanSession::Private::onExecuted(qint64 id, const ExecutionResult &result, bool shelfStep)
{
    ScanRecord *r = rec(id);
    if (!r)
        return;
    r->result = result;
    r->hasResult = true;
    QString message = result.message;
    if (message.isEmpty() && result.error.isError())
        message = userMessage(result.error);
    const Outcome outcome = result.outcome;
    if (outcome == Outcome::Pending && isOfflineError(result.error)) {
        // Nothing confirmed and Alma is away: keep the scan; it is re-read and re-planned later.
        backOff(id, message);
        return;
    }
    const bool confirmed = outcome == Outcome::Done || outcome == Outcome::TransitOrHold;
    if (confirmed && shelfStep)
        addToShelfList(*r);
    if (confirmed && settings.mode == WorkMode::Desk &&
        shelfList.markFound(r->barcode, QDateTime::currentDateTime())) {
        r->fromShelfList = true;
        message += (message.isEmpty() ? QString() : QStringLiteral(" ")) +
                   tr("Ticked off the shelf-search list.");
        Q_EMIT q->shelfListChanged();
    }
    finish(id, outcome, message);
    pump();
}

void ScanSession::Private::verify(qint64 id, StepType guide)
{
    ScanRecord *r = rec(id);
    r->stage = ScanStage::Verifying;
    r->message = tr("Checking the loan in Alma...");
    changed(id);
    ExecutionJob *job = executor->verifyLoanAction(r->intentId, r->item, guide);
    whenFinished(job, [this, id](const ExecutionResult &result) { onVerified(id, result); });
}

void ScanSession::Private::onVerified(qint64 id, const ExecutionResult &result)
{
    ScanRecord *r = rec(id);
    if (!r)
        return;
    r->result = result;
    r->hasResult = true;
    QString message = result.message;
    if (message.isEmpty() && result.error.isError())
        message = userMessage(result.error);
    if (result.outcome == Outcome::Done || result.outcome == Outcome::TransitOrHold) {
        finish(id, result.outcome, message);
        pump();
        return;
    }
    // Alma does not show it yet: still the staff's turn.
    waitForStaff(id, message.isEmpty() ? tr("Alma does not show the change yet.") : message);
    if (current != id) {
        r->stage = ScanStage::Finished;
        changed(id);
    }
}

void ScanSession::Private::waitForStaff(qint64 id, const QString &message)
{
    ScanRecord *r = rec(id);
    r->stage = ScanStage::Planned;
    r->outcome = Outcome::NeedsStaff;
    r->message = message;
    changed(id);
    Q_EMIT q->outcomeReached(id, Outcome::NeedsStaff);
}

void ScanSession::Private::finish(qint64 id, Outcome outcome, const QString &message)
{
    ScanRecord *r = rec(id);
    r->stage = ScanStage::Finished;
    r->outcome = outcome;
    r->message = message;
    if (journal && r->intentId) {
        // An error leaves the intent pending: it is offered again after a restart.
        journal->finishIntent(r->intentId, outcome == Outcome::Error ? Outcome::Pending : outcome,
                              message);
    }
    changed(id);
    Q_EMIT q->outcomeReached(id, outcome);
    compactOldRecords();
}

void ScanSession::Private::backOff(qint64 id, const QString &reason)
{
    ScanRecord *r = rec(id);
    r->stage = ScanStage::Queued;
    r->outcome = Outcome::Pending;
    r->message = tr("Waiting for Alma (%1). The scan is kept and is sent as soon as Alma answers.")
                     .arg(reason);
    queue.pushFront(id);
    queueChanged();
    changed(id);
    setOffline(true);
    retryTimer.start(backoffMs);
    backoffMs = std::min(backoffMs * 2, maxBackoffMs);
}

} // namespace migdesk
