// ScanSession's flow: scans leave the type-ahead queue for their own ItemPipeline (lookup,
// settling, loans, plan), several at once up to `maxInFlight`, so lookups run ahead of staff and
// writes of different items overlap; a scan that needs staff holds the card, not the cart. What
// each scan waits for comes from the step catalogue. While Alma is unreachable the queue waits
// and backs off.
#include "desk/ScanSessionPrivate.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"
#include "journal/Journal.h"
#include "model/ErrorPolicy.h"

#include <QCoreApplication>

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

bool hasLoanToClose(const std::vector<Step> &steps)
{
    return std::any_of(steps.begin(), steps.end(),
                       [](const Step &step) { return step.confirmLoan; });
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

bool isWorking(ScanStage stage)
{
    return stage == ScanStage::LookingUp || stage == ScanStage::Applying ||
           stage == ScanStage::Verifying;
}

} // namespace

PipelineServices ScanSession::Private::services()
{
    PipelineServices s;
    s.client = client;
    s.executor = executor;
    s.journal = journal;
    s.planner = &planner;
    s.parser = &parser;
    return s;
}

ItemPipeline *ScanSession::Private::pipeline(qint64 id) const
{
    const auto it = pipelines.find(id);
    return it == pipelines.end() ? nullptr : it->second;
}

ItemPipeline *ScanSession::Private::pipelineFor(qint64 id)
{
    if (ItemPipeline *p = pipeline(id))
        return p;
    // A record whose pipeline ended (a finished scan staff act on again, or one restored from
    // the journal): a new pipeline takes the item staff saw.
    const ScanRecord *r = rec(id);
    auto *p = new ItemPipeline(services(), r->barcode, r->intentId, settings.mode, {}, q);
    if (r->hasItem)
        p->adoptItem(r->item, r->readAt);
    pipelines[id] = p;
    return p;
}

void ScanSession::Private::dropPipeline(qint64 id)
{
    const auto it = pipelines.find(id);
    if (it == pipelines.end())
        return;
    it->second->deleteLater();
    pipelines.erase(it);
}

int ScanSession::Private::inFlight() const
{
    int n = 0;
    for (const auto &[id, p] : pipelines) {
        const auto it = records.find(id);
        n += it != records.end() && isWorking(it->second.stage) ? 1 : 0;
    }
    return n;
}

bool ScanSession::Private::anyWaitingForStaff() const
{
    for (const auto &[id, p] : pipelines) {
        const auto it = records.find(id);
        if (it != records.end() && it->second.stage == ScanStage::Planned)
            return true;
    }
    return false;
}

qint64 ScanSession::Private::unfinishedScanOf(const QString &barcode, qint64 before,
                                              bool queuedToo) const
{
    // Started scans all have a pipeline (few: the in-flight cap plus those waiting for staff).
    for (const auto &[id, p] : pipelines) {
        const ScanRecord &r = records.at(id);
        if (id < before && r.barcode == barcode && r.stage != ScanStage::Finished)
            return id;
    }
    if (queuedToo) {
        for (const qint64 id : queue.ids()) {
            if (id < before && records.at(id).barcode == barcode)
                return id;
        }
    }
    return 0;
}

void ScanSession::Private::pump()
{
    if (offline && retryTimer.isActive())
        return;
    // While Alma is away a single scan probes it; the rest of the queue waits.
    const int cap = settings.oneAtATime || offline ? 1 : std::max(1, settings.maxInFlight);
    while (!queue.isEmpty() && inFlight() < cap) {
        // One at a time: an item waiting for staff holds the whole queue, as libraries that
        // want strict order expect.
        if (settings.oneAtATime && anyWaitingForStaff())
            break;
        // The oldest scan whose item has no earlier scan still unfinished (a list naming an
        // item twice): one item's pipelines never overlap.
        qint64 id = 0;
        for (const qint64 queued : queue.ids()) {
            if (unfinishedScanOf(records.at(queued).barcode, queued, false) == 0) {
                id = queued;
                break;
            }
        }
        if (id == 0)
            break;
        queue.remove(id);
        queueChanged();
        startLookup(id);
    }
    updateCurrent();
}

void ScanSession::Private::updateCurrent()
{
    for (const qint64 id : order) {
        const ScanRecord &r = records.at(id);
        if (r.stage == ScanStage::Planned) {
            setCurrent(id);
            return;
        }
    }
    // A lone scan in flight is shown while it works; in a cart, the newest finished one.
    int unfinished = 0;
    qint64 newestUnfinished = 0;
    for (const auto &[id, r] : records) {
        if (r.stage != ScanStage::Finished) {
            ++unfinished;
            newestUnfinished = id;
        }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        if (unfinished == 1 && *it == newestUnfinished &&
            records.at(*it).stage != ScanStage::Queued) {
            setCurrent(*it);
            return;
        }
        if (records.at(*it).stage == ScanStage::Finished) {
            setCurrent(*it);
            return;
        }
    }
}

void ScanSession::Private::startLookup(qint64 id)
{
    ScanRecord *r = rec(id);
    if (!r)
        return;
    r->stage = ScanStage::LookingUp;
    r->message = tr("Looking up %1 in Alma...").arg(r->barcode);
    std::vector<JournalWrite> earlier;
    if (const auto found = recoveredWrites.find(id); found != recoveredWrites.end()) {
        earlier = std::move(found->second);
        recoveredWrites.erase(found);
    }
    dropPipeline(id);
    auto *p =
        new ItemPipeline(services(), r->barcode, r->intentId, settings.mode, std::move(earlier), q);
    pipelines[id] = p;
    QObject::connect(p, &ItemPipeline::lookedUp, q, [this, id] { onLookedUp(id); });
    changed(id);
    p->start();
}

void ScanSession::Private::onLookedUp(qint64 id)
{
    ScanRecord *r = rec(id);
    ItemPipeline *p = pipeline(id);
    if (!r || !p)
        return;
    if (p->lookup() == ItemPipeline::Lookup::Failed && isOfflineError(p->error())) {
        // Alma is away: keep the scan (and any writes still to settle) for the next try.
        if (!p->earlierWrites().empty())
            recoveredWrites[id] = p->earlierWrites();
        backOff(id, userMessage(p->error()));
        return;
    }
    setOffline(false); // Alma answered
    if (p->hasItem()) {
        r->item = p->item();
        r->hasItem = true;
        r->readAt = p->readAt();
        r->reading = p->reading();
    }
    if (skipAfterLookup.erase(id) > 0 && p->lookup() != ItemPipeline::Lookup::Settled) {
        finish(id, Outcome::Skipped, tr("Skipped by staff: nothing was changed in Alma."));
        pump();
        return;
    }
    switch (p->lookup()) {
    case ItemPipeline::Lookup::Pending:
        return;
    case ItemPipeline::Lookup::NotFound:
        finish(id, Outcome::NotFound, tr("No item with barcode %1 in Alma.").arg(r->barcode));
        break;
    case ItemPipeline::Lookup::Failed:
        finish(id, Outcome::Error, userMessage(p->error()));
        break;
    case ItemPipeline::Lookup::Settled:
        if (p->settledOutcome() != Outcome::NeedsStaff) {
            r->plan.steps = p->settledSteps();
            if (p->hasItem())
                r->plan.explanation = tr("Sent before the restart; Alma's state read again.");
        }
        finish(id, p->settledOutcome(), p->settledMessage());
        break;
    case ItemPipeline::Lookup::Planned:
        r->activeLoans = p->activeLoans();
        r->plan = p->plan();
        planAndAct(id);
        return;
    }
    pump();
}

void ScanSession::Private::planAndAct(qint64 id)
{
    ScanRecord *r = rec(id);
    // Found at the desk while on the shelf-search list: it is returned and ticked off, even if
    // the rules have nothing else for it.
    if (settings.mode == WorkMode::Desk && shelfList.isOpen(r->barcode) && !r->item.isInPlace()) {
        bool onlyNoOps = true;
        for (const Step &step : r->plan.steps)
            onlyNoOps = onlyNoOps && stepKind(step.type).noOp;
        if (onlyNoOps) {
            Step ret;
            ret.type = StepType::Return;
            ret.label = stepTypeLabel(StepType::Return);
            r->plan.steps = {ret};
            r->plan.explanation = tr("On the shelf-search list and found: returned at the desk.");
        }
    }
    if (ItemPipeline *p = pipeline(id)) {
        p->plan() = r->plan;
        p->journalPlan();
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
    const std::vector<Step> steps = effectiveSteps(*r);
    bool hasWork = false;
    for (const Step &step : steps)
        hasWork = hasWork || !stepKind(step.type).noOp;
    if (!hasWork) {
        r->awaiting = Awaiting::Nothing;
        finish(id, Outcome::Skipped,
               r->plan.explanation.isEmpty() ? tr("Nothing to change in Alma.")
                                             : r->plan.explanation);
        pump();
        return;
    }
    r->awaiting = awaitingFor(steps, settings.autoApply, staffAnswered);
    if (r->awaiting == Awaiting::Nothing) {
        // Right after the lookup the executor may use that read as its stale check; after staff
        // took time to answer, the item is read again before any PUT.
        apply(id, steps, !staffAnswered);
        return;
    }
    const Step *gate = gatingStep(steps);
    const char *text = gate ? stepKind(gate->type).waitText : "";
    if (r->awaiting == Awaiting::Enter && hasLoanToClose(steps) && !r->activeLoans.empty()) {
        const Loan &loan = r->activeLoans.front();
        waitForStaff(id, tr("This return closes the loan of patron %1 (due %2). Press Enter to "
                            "return it, Esc to skip.")
                             .arg(loan.userId.isEmpty() ? tr("(no id)") : loan.userId,
                                  loan.dueDate.left(10)));
        return;
    }
    if (r->awaiting == Awaiting::Enter || !text || !*text) {
        waitForStaff(id, tr("Press Enter to apply, Esc to skip."));
        return;
    }
    QString message = QCoreApplication::translate("ScanSession", text);
    if (message.contains(QLatin1String("%1")))
        message = message.arg(itemName(*r));
    waitForStaff(id, message);
}

void ScanSession::Private::addToShelfList(ScanRecord &record)
{
    shelfList.add(record.item, record.reading.ids(), QDateTime::currentDateTime());
    Q_EMIT q->shelfListChanged();
}

void ScanSession::Private::apply(qint64 id, const std::vector<Step> &steps, bool justRead)
{
    ScanRecord *r = rec(id);
    r->stage = ScanStage::Applying;
    r->awaiting = Awaiting::Nothing;
    r->outcome = Outcome::Pending;
    r->message = tr("Applying in Alma...");
    changed(id);

    bool shelfStep = false;
    std::vector<Step> almaSteps;
    for (const Step &step : steps) {
        if (step.type == StepType::AddToShelfList)
            shelfStep = true;
        else if (!stepKind(step.type).noOp)
            almaSteps.push_back(step);
    }
    if (almaSteps.empty()) {
        if (shelfStep)
            addToShelfList(*r);
        finish(
            id, shelfStep ? Outcome::StillMigration : Outcome::Skipped,
            shelfStep
                ? tr("Listed on the shelf-search list (%1 to look for).").arg(shelfList.openCount())
                : tr("Nothing to change in Alma."));
        pump();
        return;
    }
    ItemPipeline *p = pipelineFor(id);
    QObject::disconnect(p, &ItemPipeline::executed, q, nullptr);
    QObject::connect(p, &ItemPipeline::executed, q,
                     [this, id, shelfStep] { onExecuted(id, shelfStep); });
    // The record's item is what staff saw; the executor checks it against Alma before a PUT.
    p->execute(almaSteps, justRead && p->hasItem());
    pump(); // the next scans go on while this one writes
}

void ScanSession::Private::onExecuted(qint64 id, bool shelfStep)
{
    ScanRecord *r = rec(id);
    ItemPipeline *p = pipeline(id);
    if (!r || !p)
        return;
    const ExecutionResult &result = p->result();
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
    const bool confirmed = outcome == Outcome::Done || outcome == Outcome::TransitOrHold ||
                           outcome == Outcome::StillMigration;
    if (confirmed && shelfStep)
        addToShelfList(*r);
    if (confirmed && settings.mode == WorkMode::Desk &&
        shelfList.markFound(r->barcode, QDateTime::currentDateTime())) {
        r->fromShelfList = true;
        message += (message.isEmpty() ? QString() : QStringLiteral(" ")) +
                   tr("Ticked off the shelf-search list.");
        Q_EMIT q->shelfListChanged();
    }
    if (outcome == Outcome::NeedsStaff) {
        for (const StepResult &step : result.steps) {
            if (step.type == StepType::MarkMissing && step.outcome == Outcome::NeedsStaff)
                r->awaiting = Awaiting::BulkJob; // the "job" strategy: Alma's Missing job
        }
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
    ItemPipeline *p = pipelineFor(id);
    QObject::disconnect(p, &ItemPipeline::executed, q, nullptr);
    QObject::connect(p, &ItemPipeline::executed, q, [this, id] { onVerified(id); });
    p->verifyLoanAction(guide);
}

void ScanSession::Private::onVerified(qint64 id)
{
    ScanRecord *r = rec(id);
    if (!r)
        return;
    if (ItemPipeline *p = pipeline(id)) {
        r->result = p->result();
        r->hasResult = true;
    }
    const ExecutionResult &result = r->result;
    QString message = result.message;
    if (message.isEmpty() && result.error.isError())
        message = userMessage(result.error);
    if (result.outcome == Outcome::Done || result.outcome == Outcome::TransitOrHold ||
        result.outcome == Outcome::StillMigration) {
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
    pump();
}

void ScanSession::Private::waitForStaff(qint64 id, const QString &message)
{
    ScanRecord *r = rec(id);
    r->stage = ScanStage::Planned;
    r->outcome = Outcome::NeedsStaff;
    r->message = message;
    changed(id);
    Q_EMIT q->outcomeReached(id, Outcome::NeedsStaff);
    pump();
}

void ScanSession::Private::finish(qint64 id, Outcome outcome, const QString &message)
{
    ScanRecord *r = rec(id);
    r->stage = ScanStage::Finished;
    r->outcome = outcome;
    r->message = message;
    if (r->awaiting != Awaiting::BulkJob)
        r->awaiting = Awaiting::Nothing;
    if (journal && r->intentId) {
        // An error leaves the intent pending: it is offered again after a restart.
        journal->finishIntent(r->intentId, outcome == Outcome::Error ? Outcome::Pending : outcome,
                              message);
    }
    // A finished scan keeps its pipeline only while staff may still verify a guided step.
    if (outcome != Outcome::NeedsStaff)
        dropPipeline(id);
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
                     .arg(withoutFinalStop(reason));
    dropPipeline(id);
    queue.putBack(id);
    queueChanged();
    changed(id);
    setOffline(true);
    if (!retryTimer.isActive()) {
        retryTimer.start(backoffMs);
        backoffMs = std::min(backoffMs * 2, maxBackoffMs);
    }
}

} // namespace migdesk
