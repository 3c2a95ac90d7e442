// ScanSession and the bulk Missing job: which scans wait for the job, and how a bulk run's
// confirmed outcome reaches their records (the history). BulkRunner itself journals each item,
// so nothing here writes to the journal.
#include "desk/ScanSessionPrivate.h"

#include <QCoreApplication>

namespace migdesk {

namespace {

bool wentToJob(const ScanRecord &record)
{
    if (record.stage != ScanStage::Finished || record.outcome != Outcome::NeedsStaff ||
        !record.hasResult || record.dryRun)
        return false;
    for (const StepResult &step : record.result.steps) {
        if (step.type == StepType::MarkMissing && step.outcome == Outcome::NeedsStaff)
            return true;
    }
    return false;
}

} // namespace

std::vector<qint64> ScanSession::bulkJobCandidates() const
{
    std::vector<qint64> ids;
    for (const qint64 id : d->order) {
        const auto it = d->records.find(id);
        if (it != d->records.end() && wentToJob(it->second))
            ids.push_back(id);
    }
    return ids;
}

bool ScanSession::sendToBulkJob(qint64 id)
{
    ScanRecord *r = d->rec(id);
    if (!r || r->stage != ScanStage::Planned || !r->hasItem || r->dryRun || r->awaitingWithdraw ||
        r->item.processType.value == QLatin1String("MISSING"))
        return false;
    const std::vector<Step> steps = d->effectiveSteps(*r);
    bool missing = false;
    for (const Step &step : steps) {
        if (step.type == StepType::Nothing || step.type == StepType::Defer)
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
