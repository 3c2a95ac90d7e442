// ScanSession: the public actions (submit, confirm, choose, skip, retry, ...) and accessors.
// The pipeline itself (lookup, plan, apply, offline backoff) is in ScanSessionFlow.cpp.
#include "desk/ScanSession.h"

#include "desk/ScanSessionPrivate.h"
#include "journal/Journal.h"
#include "planning/PlanText.h"

#include <QCoreApplication>

#include <algorithm>

namespace migdesk {

ScanSession::Private::Private(ScanSession *owner, AlmaClient *almaClient, Executor *almaExecutor,
                              Journal *sessionJournal, Planner notePlanner, NoteParser noteParser,
                              SessionSettings sessionSettings)
    : q(owner)
    , client(almaClient)
    , executor(almaExecutor)
    , journal(sessionJournal)
    , planner(std::move(notePlanner))
    , parser(std::move(noteParser))
    , settings(std::move(sessionSettings))
    , validator(settings.barcodePattern, settings.codabarCheckDigit, settings.scannerPrefix,
                settings.scannerSuffix)
    , repeat(settings.repeatWindowMs)
{
    validator.setMinimumLength(settings.barcodeMinLength);
    retryTimer.setSingleShot(true);
}

ScanRecord *ScanSession::Private::rec(qint64 id)
{
    const auto it = records.find(id);
    return it == records.end() ? nullptr : &it->second;
}

qint64 ScanSession::Private::addRecord(const QString &barcode, qint64 intentId)
{
    ScanRecord record;
    record.id = nextId++;
    record.intentId = intentId;
    record.at = QDateTime::currentDateTime();
    record.barcode = barcode;
    record.dryRun = settings.dryRun;
    record.operatorName = settings.operatorName;
    const qint64 id = record.id;
    records.emplace(id, std::move(record));
    order.push_back(id);
    return id;
}

void ScanSession::Private::changed(qint64 id)
{
    Q_EMIT q->recordChanged(id);
}

void ScanSession::Private::setCurrent(qint64 id)
{
    if (current == id)
        return;
    current = id;
    Q_EMIT q->currentChanged(id);
}

void ScanSession::Private::queueChanged()
{
    const int length = queue.size();
    if (length == lastQueueLength)
        return;
    lastQueueLength = length;
    Q_EMIT q->queueLengthChanged(length);
}

void ScanSession::Private::setOffline(bool on)
{
    if (!on)
        backoffMs = initialBackoffMs;
    if (offline == on)
        return;
    offline = on;
    Q_EMIT q->offlineChanged(on);
}

QString ScanSession::Private::source() const
{
    return settings.mode == WorkMode::Followup ? QStringLiteral("followup")
                                               : QStringLiteral("desk");
}

ScanSession::ScanSession(AlmaClient *client, Executor *executor, Journal *journal, Planner planner,
                         NoteParser parser, SessionSettings settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, client, executor, journal, std::move(planner),
                                  std::move(parser), std::move(settings)))
{
    connect(&d->retryTimer, &QTimer::timeout, this, [this] { d->pump(); });
    setSettings(d->settings); // aligns the executor with the session's desk and dry-run
}

ScanSession::~ScanSession() = default;

bool ScanSession::Private::flagIfInFlight(qint64 id)
{
    ScanRecord *r = rec(id);
    const qint64 earlier = unfinishedScanOf(r->barcode, id, true);
    if (earlier == 0)
        return false;
    r->repeatFlagged = true;
    finish(id, Outcome::Skipped,
           tr("Already being worked on (an earlier scan of %1): not applied a second time.")
               .arg(r->barcode));
    return true;
}

int ScanSession::waitingForStaffCount() const
{
    int n = 0;
    for (const auto &[id, record] : d->records)
        n += record.stage == ScanStage::Planned ? 1 : 0;
    return n;
}

int ScanSession::inFlightCount() const
{
    return d->inFlight();
}

bool ScanSession::submit(const QString &rawInput)
{
    const BarcodeCheck check = d->validator.check(rawInput);
    if (!check.ok) {
        Q_EMIT scanRejected(rawInput.left(200), check.reason);
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool isRepeat = d->repeat.isRepeat(check.barcode, now);
    d->repeat.note(check.barcode, now);

    // Journal first: the intent exists before any call to Alma.
    const qint64 intentId = d->journal ? d->journal->recordIntent(check.barcode, d->source(),
                                                                  workModeName(d->settings.mode))
                                       : 0;
    const qint64 id = d->addRecord(check.barcode, intentId);
    Q_EMIT scanAccepted(id);
    if (isRepeat) {
        d->rec(id)->repeatFlagged = true;
        d->finish(id, Outcome::Skipped,
                  tr("Scanned again within %1 seconds: flagged, not applied a second time.")
                      .arg(d->settings.repeatWindowMs / 1000.0, 0, 'g', 2));
        return true;
    }
    if (d->flagIfInFlight(id))
        return true;
    d->queue.push(id);
    d->changed(id);
    d->queueChanged();
    d->pump();
    return true;
}

int ScanSession::submitList(const QStringList &barcodes)
{
    int accepted = 0;
    for (const QString &raw : barcodes) {
        const BarcodeCheck check = d->validator.check(raw);
        if (!check.ok) {
            Q_EMIT scanRejected(raw.left(200), check.reason);
            continue;
        }
        const qint64 intentId = d->journal
                                    ? d->journal->recordIntent(check.barcode, d->source(),
                                                               workModeName(d->settings.mode))
                                    : 0;
        const qint64 id = d->addRecord(check.barcode, intentId);
        // A list may name an item twice: the second line waits for the first (pump()), so it
        // is looked up again afterwards and never written twice.
        d->queue.push(id);
        Q_EMIT scanAccepted(id);
        ++accepted;
    }
    d->queueChanged();
    d->pump();
    return accepted;
}

void ScanSession::confirm(qint64 id)
{
    ScanRecord *r = d->rec(id);
    if (!r || r->stage != ScanStage::Planned || !r->hasItem)
        return;
    const std::vector<Step> steps = d->effectiveSteps(*r);
    // Decisions, withdrawals, guided loan steps and reviews have their own actions.
    if (const Step *gate = gatingStep(steps); gate && stepKind(gate->type).gate > Awaiting::Enter)
        return;
    d->apply(id, steps, false);
}

void ScanSession::choose(qint64 id, int choiceIndex)
{
    ScanRecord *r = d->rec(id);
    // Staff may change their answer while it still waits (e.g. a Withdraw not yet confirmed).
    if (!r || r->stage != ScanStage::Planned || !r->hasItem)
        return;
    for (const Step &step : r->plan.steps) {
        if (step.type != StepType::Decide && step.type != StepType::NeedsReview)
            continue;
        if (choiceIndex < 0 || choiceIndex >= static_cast<int>(step.choices.size()))
            return;
        r->chosenIndex = choiceIndex;
        d->changed(id);
        d->act(id, true);
        return;
    }
}

void ScanSession::chooseAction(qint64 id, StepType type)
{
    if (stepKind(type).reviewPosition <= 0)
        return;
    if (!canChooseAction(id))
        return;
    ScanRecord *r = d->rec(id);
    const Rules &rules = d->planner.rules();
    Step step;
    step.type = type;
    step.statusId = r->plan.steps.empty() ? QString() : r->plan.steps.front().statusId;
    if (type == StepType::SetCondition)
        step.conditionCode = rules.conditionCode();
    if (type == StepType::MarkMissing)
        step.missingStrategy = rules.missingStrategy();
    if (type == StepType::Withdraw) {
        step.holdingsPolicy = rules.withdrawHoldings();
        step.bibPolicy = rules.withdrawBib();
        step.needsConfirmation = true;
    }
    step.label = plantext::stepLabel(step);
    r->plan.steps = {step};
    r->plan.explanation = tr("Chosen by staff: %1.").arg(step.label);
    r->chosenIndex = -1;
    if (d->journal && r->intentId) {
        d->journal->recordLookup(r->intentId, r->item, r->reading.ids(),
                                 QString::fromStdString(planToJson(r->plan).dump()));
    }
    d->changed(id);
    // As a staff answer: the item is read again before any write (stale check); a Withdraw
    // waits for confirmWithdraw().
    d->act(id, true);
}

bool ScanSession::canChooseAction(qint64 id) const
{
    const auto it = d->records.find(id);
    if (it == d->records.end() || !it->second.hasItem)
        return false;
    const ScanRecord &r = it->second;
    const bool review = r.stage == ScanStage::Planned && r.outcome == Outcome::NeedsStaff &&
                        std::any_of(r.plan.steps.begin(), r.plan.steps.end(), [](const Step &step) {
                            return step.type == StepType::NeedsReview;
                        });
    // Not a migration item: finished as "nothing to change", with nothing written, and still the
    // item on screen (no later scan has started).
    const bool notMigration = !r.item.isMigrationItem() && !r.hasResult && d->current == id &&
                              ((r.stage == ScanStage::Finished && r.outcome == Outcome::Skipped) ||
                               r.stage == ScanStage::Planned);
    return review || notMigration;
}

void ScanSession::confirmWithdraw(qint64 id)
{
    ScanRecord *r = d->rec(id);
    if (!r || r->stage != ScanStage::Planned || !r->hasItem ||
        r->awaiting != Awaiting::WithdrawConfirmation)
        return;
    d->apply(id, d->effectiveSteps(*r), false);
}

void ScanSession::verifyLoanAction(qint64 id)
{
    ScanRecord *r = d->rec(id);
    if (!r || !r->hasItem)
        return;
    if (r->stage != ScanStage::Planned && r->stage != ScanStage::Finished)
        return;
    StepType guide = StepType::Nothing;
    for (const Step &step : d->effectiveSteps(*r)) {
        if (step.type == StepType::GuideLost || step.type == StepType::GuideClaimedReturned)
            guide = step.type;
    }
    if (guide == StepType::Nothing)
        return;
    d->verify(id, guide);
}

void ScanSession::skip(qint64 id)
{
    ScanRecord *r = d->rec(id);
    if (!r)
        return;
    if (d->queue.remove(id)) {
        d->queueChanged();
        d->finish(id, Outcome::Skipped, tr("Skipped by staff before it was looked up."));
    } else if (r->stage == ScanStage::LookingUp) {
        d->skipAfterLookup.insert(id);
        return;
    } else if (r->stage == ScanStage::Planned ||
               (r->stage == ScanStage::Finished && r->outcome == Outcome::NeedsStaff)) {
        d->finish(id, Outcome::Skipped, tr("Skipped by staff: nothing was changed in Alma."));
    } else {
        return; // a write is in flight: it cannot be skipped
    }
    d->pump();
}

void ScanSession::retry(qint64 id)
{
    ScanRecord *r = d->rec(id);
    if (!r)
        return;
    if (d->queue.contains(id)) {
        // Waiting for Alma: try now instead of at the end of the backoff.
        d->retryTimer.stop();
        d->backoffMs = d->initialBackoffMs;
        d->pump();
        return;
    }
    if (r->stage != ScanStage::Finished && r->stage != ScanStage::Planned)
        return;
    if (r->stage == ScanStage::Finished && r->outcome == Outcome::Done)
        return; // done is done: a second scan-in is not harmless
    const qint64 intentId = r->intentId;
    ScanRecord fresh;
    fresh.id = r->id;
    fresh.at = r->at;
    fresh.barcode = r->barcode;
    fresh.intentId = intentId;
    fresh.dryRun = d->settings.dryRun;
    fresh.operatorName = r->operatorName;
    fresh.message = tr("Trying again.");
    *r = std::move(fresh);
    d->dropPipeline(id);
    d->queue.putBack(id);
    d->changed(id);
    d->queueChanged();
    d->pump();
}

void ScanSession::setSettings(const SessionSettings &settings)
{
    d->settings = settings;
    d->validator = BarcodeValidator(settings.barcodePattern, settings.codabarCheckDigit,
                                    settings.scannerPrefix, settings.scannerSuffix);
    d->validator.setMinimumLength(settings.barcodeMinLength);
    d->repeat.setWindow(settings.repeatWindowMs);
    if (d->executor) {
        ExecutorSettings exec = d->executor->settings();
        exec.library = settings.library;
        exec.circDesk = settings.circDesk;
        exec.dryRun = settings.dryRun;
        d->executor->setSettings(exec);
    }
}

void ScanSession::setPlanner(const Planner &planner)
{
    d->planner = planner;
}

void ScanSession::setParser(const NoteParser &parser)
{
    d->parser = parser;
}

const SessionSettings &ScanSession::settings() const
{
    return d->settings;
}

const ScanRecord *ScanSession::record(qint64 id) const
{
    const auto it = d->records.find(id);
    return it == d->records.end() ? nullptr : &it->second;
}

std::vector<qint64> ScanSession::recordIds() const
{
    return d->order;
}

qint64 ScanSession::currentId() const
{
    return d->current;
}

int ScanSession::queueLength() const
{
    return d->queue.size();
}

bool ScanSession::isOffline() const
{
    return d->offline;
}

const ShelfList &ScanSession::shelfList() const
{
    return d->shelfList;
}

void ScanSession::setRetryBackoff(int initialMs, int maxMs)
{
    d->initialBackoffMs = std::max(1, initialMs);
    d->maxBackoffMs = std::max(d->initialBackoffMs, maxMs);
    d->backoffMs = d->initialBackoffMs;
}

void ScanSession::setHistoryDetailLimit(int records)
{
    d->detailLimit = std::max(1, records);
    d->compactOldRecords();
}

void ScanSession::Private::compactOldRecords()
{
    while (order.size() > static_cast<size_t>(detailLimit) &&
           compactCursor < order.size() - static_cast<size_t>(detailLimit)) {
        const qint64 id = order[compactCursor];
        ScanRecord *r = rec(id);
        if (r->stage != ScanStage::Finished || id == current || pipelines.count(id))
            return; // still in use: compacted once it is finished
        r->item.raw = nlohmann::json::object();
        r->result.before.raw = nlohmann::json::object();
        r->result.after.raw = nlohmann::json::object();
        for (Loan &loan : r->activeLoans)
            loan.raw = nlohmann::json::object();
        ++compactCursor;
    }
}

int ScanSession::count(Outcome outcome) const
{
    int n = 0;
    for (const auto &[id, record] : d->records)
        n += record.outcome == outcome ? 1 : 0;
    return n;
}

} // namespace migdesk
