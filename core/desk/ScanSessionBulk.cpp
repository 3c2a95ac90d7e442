// ScanSession and the bulk Missing job: which scans wait for the job, how a bulk run's
// confirmed outcome reaches their records (the history), and the scans of earlier sessions that
// still wait for it. BulkRunner journals each item of a run; here the journal only gets the
// mark that a scan was collected (so a restart offers it again) and is read on start.
#include "desk/ScanSessionPrivate.h"

#include "bulk/BulkState.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace migdesk {

namespace {

bool wentToJob(const ScanRecord &record)
{
    return record.stage == ScanStage::Finished && record.outcome == Outcome::NeedsStaff &&
           record.awaiting == Awaiting::BulkJob && !record.dryRun;
}

// A later scan of the same barcode replaces an earlier one waiting for the job, unless it
// learnt nothing about the item: a flagged repeat, or a skip before the lookup.
bool replacesEarlierScan(const ScanRecord &record)
{
    if (record.repeatFlagged)
        return false;
    return !(record.stage == ScanStage::Finished && record.outcome == Outcome::Skipped &&
             !record.hasItem);
}

} // namespace

std::vector<qint64> ScanSession::bulkJobCandidates() const
{
    std::vector<size_t> positions;
    QSet<QString> barcodes;
    for (size_t i = 0; i < d->order.size(); ++i) {
        const auto it = d->records.find(d->order[i]);
        if (it != d->records.end() && wentToJob(it->second)) {
            positions.push_back(i);
            barcodes.insert(it->second.barcode);
        }
    }
    if (positions.empty())
        return {};
    // The newest scan of each candidate's barcode that replaces earlier ones.
    QHash<QString, size_t> newest;
    for (size_t i = 0; i < d->order.size(); ++i) {
        const auto it = d->records.find(d->order[i]);
        if (it != d->records.end() && barcodes.contains(it->second.barcode) &&
            replacesEarlierScan(it->second))
            newest.insert(it->second.barcode, i);
    }
    std::vector<qint64> ids;
    for (const size_t i : positions) {
        const ScanRecord &record = d->records.at(d->order[i]);
        if (newest.value(record.barcode, i) <= i)
            ids.push_back(record.id);
    }
    return ids;
}

int ScanSession::restoreBulkJobWaiting()
{
    if (!d->journal)
        return 0;
    // Intents already handed to a bulk run (finished or not) are the run's: never offered again.
    QSet<qint64> inRuns;
    JournalQuery runs;
    runs.source = bulkJobSource();
    for (const JournalIntent &run : d->journal->intents(runs)) {
        if (const auto state = BulkState::fromJson(run.detailJson)) {
            for (const BulkItem &item : state->items)
                inRuns.insert(item.intentId);
        }
    }
    QSet<qint64> present;
    for (const auto &entry : d->records)
        present.insert(entry.second.intentId);
    int added = 0;
    const QStringList sources{QStringLiteral("desk"), QStringLiteral("followup")};
    for (const JournalIntent &intent : d->journal->bulkJobWaitingIntents(sources)) {
        if (inRuns.contains(intent.id) || present.contains(intent.id) || intent.barcode.isEmpty())
            continue;
        const qint64 id = d->addRecord(intent.barcode, intent.id);
        ScanRecord *r = d->rec(id);
        if (intent.createdAt.isValid())
            r->at = intent.createdAt.toLocalTime();
        r->dryRun = false;
        r->recovered = true;
        if (!intent.itemJson.isEmpty()) {
            if (const Result<Item> item = parseItem(intent.itemJson); item.isOk()) {
                r->item = item.value();
                r->hasItem = true;
                r->readAt = r->at;
            }
        }
        const QString when = r->at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        const QString message = tr("Collected for the bulk Missing job in an earlier session (%1): "
                                   "it still waits for the job; nothing was written to Alma.")
                                    .arg(when);
        StepResult step;
        step.type = StepType::MarkMissing;
        step.outcome = Outcome::NeedsStaff;
        r->result.outcome = Outcome::NeedsStaff;
        r->result.before = r->item;
        r->result.message = message;
        r->result.steps = {step};
        r->hasResult = true;
        r->stage = ScanStage::Finished;
        r->outcome = Outcome::NeedsStaff;
        r->awaiting = Awaiting::BulkJob;
        r->message = message;
        Q_EMIT scanAccepted(id);
        d->changed(id);
        ++added;
    }
    return added;
}

bool ScanSession::sendToBulkJob(qint64 id)
{
    ScanRecord *r = d->rec(id);
    if (!r || r->stage != ScanStage::Planned || !r->hasItem || r->dryRun ||
        r->awaiting == Awaiting::WithdrawConfirmation ||
        r->item.processType.value == QLatin1String("MISSING"))
        return false;
    const std::vector<Step> steps = d->effectiveSteps(*r);
    bool missing = false;
    for (const Step &step : steps) {
        if (stepKind(step.type).noOp)
            continue;
        const QString strategy = step.missingStrategy.isEmpty()
                                     ? d->executor->settings().missingStrategy
                                     : step.missingStrategy;
        if (step.type != StepType::MarkMissing || strategy == QLatin1String("put"))
            return false;
        missing = true;
    }
    if (!missing)
        return false;
    const QString message = tr("Collected for the bulk Missing job: nothing is written to Alma "
                               "until the job is run for this session's items.");
    StepResult step;
    step.type = StepType::MarkMissing;
    step.outcome = Outcome::NeedsStaff;
    r->result = ExecutionResult{};
    r->result.outcome = Outcome::NeedsStaff;
    r->result.before = r->item;
    r->result.message = message;
    r->result.steps = {step};
    r->hasResult = true;
    // Marked before the intent ends: a restart offers the item to the job again.
    if (d->journal && r->intentId != 0)
        d->journal->markBulkJobWaiting(r->intentId);
    r->awaiting = Awaiting::BulkJob;
    d->finish(id, Outcome::NeedsStaff, message);
    d->pump();
    return true;
}

void ScanSession::recordBulkOutcome(qint64 id, Outcome outcome, const QString &message,
                                    const QString &processTypeAfter)
{
    ScanRecord *r = d->rec(id);
    if (!r)
        return;
    r->stage = ScanStage::Finished;
    r->outcome = outcome;
    r->message = message;
    if (outcome != Outcome::NeedsStaff)
        r->awaiting = Awaiting::Nothing; // the job ran: it waits for nothing more
    if (r->hasResult) {
        r->result.outcome = outcome;
        r->result.message = message;
        r->result.almaSentence = message;
        for (StepResult &step : r->result.steps) {
            if (step.type == StepType::MarkMissing)
                step.outcome = outcome;
        }
    }
    if (!processTypeAfter.isEmpty() && r->hasItem) {
        Item after = r->hasResult ? r->result.before : r->item;
        if (after.barcode.isEmpty())
            after = r->item;
        after.processType = {processTypeAfter, {}};
        r->result.after = after;
        r->result.hasAfter = true;
        r->hasResult = true;
        r->item.processType = after.processType;
    }
    d->changed(id);
}

qint64 ScanSession::addBulkRecord(const QString &barcode, qint64 intentId, Outcome outcome,
                                  const QString &message)
{
    const qint64 id = d->addRecord(barcode, intentId);
    ScanRecord *r = d->rec(id);
    r->dryRun = false;
    r->recovered = true;
    r->stage = ScanStage::Finished;
    r->outcome = outcome;
    r->message = message;
    Q_EMIT scanAccepted(id);
    d->changed(id);
    return id;
}

} // namespace migdesk
