// ScanSession's recovery on start: the journal's unfinished desk and follow-up intents are queued
// again under their own intent ids; each is re-read from Alma. A write the last session sent and
// never heard back from is settled from what Alma shows, by journal/Recovery's settleWrites (the
// batch's --resume applies the same rules): Alma already shows the effect -> done (verified); still
// a migration item -> planned again from what Alma shows (the executor skips what Alma already
// has); a change no write explains -> staff look at the item.
#include "desk/ExecutionRun.h"
#include "desk/ScanSessionPrivate.h"

#include "journal/Journal.h"
#include "journal/Recovery.h"

#include <algorithm>
#include <set>

namespace migdesk {

namespace {

bool isDeskSource(const QString &source)
{
    return source == QLatin1String("desk") || source == QLatin1String("followup");
}

std::vector<JournalIntent> recoverable(Journal *journal,
                                       const std::map<qint64, ScanRecord> &records)
{
    std::vector<JournalIntent> out;
    if (!journal)
        return out;
    std::set<qint64> known;
    for (const auto &[id, record] : records)
        known.insert(record.intentId);
    for (JournalIntent &intent : journal->unfinishedIntents()) {
        if (isDeskSource(intent.source) && !known.count(intent.id))
            out.push_back(std::move(intent));
    }
    return out;
}

} // namespace

int ScanSession::unfinishedCount() const
{
    return static_cast<int>(recoverable(d->journal, d->records).size());
}

int ScanSession::resumeUnfinished()
{
    const std::vector<JournalIntent> intents = recoverable(d->journal, d->records);
    for (const JournalIntent &intent : intents) {
        const qint64 id = d->addRecord(intent.barcode, intent.id);
        ScanRecord *r = d->rec(id);
        r->recovered = true;
        r->message = tr("Recovered after a restart: it is read from Alma again.");
        if (!intent.writes.empty())
            d->recoveredWrites[id] = intent.writes;
        d->queue.push(id);
        Q_EMIT scanAccepted(id);
    }
    d->queueChanged();
    d->pump();
    return static_cast<int>(intents.size());
}

namespace {

// What the history calls the journaled writes (a scan-in is a return, a delete a withdrawal).
std::vector<Step> stepsOf(const std::vector<JournalWrite> &writes)
{
    std::vector<Step> steps;
    for (const JournalWrite &write : writes) {
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

} // namespace

bool ScanSession::Private::settleRecovered(qint64 id)
{
    const auto found = recoveredWrites.find(id);
    if (found == recoveredWrites.end())
        return false;
    const std::vector<JournalWrite> writes = std::move(found->second);
    recoveredWrites.erase(found);
    ScanRecord *r = rec(id);
    const WriteVerdict verdict = settleWrites(journal, writes, r->item);
    switch (verdict.kind) {
    case WriteVerdict::Kind::Redo:
        return false; // offered again: planned from what Alma shows now
    case WriteVerdict::Kind::DoneVerified:
        r->plan.steps = stepsOf(writes);
        r->plan.explanation = tr("Sent before the restart; Alma's state read again.");
        break;
    case WriteVerdict::Kind::ShowStaff:
        break;
    }
    finish(id, verdict.outcome, verdict.message);
    return true;
}

bool ScanSession::Private::settleRecoveredGone(qint64 id)
{
    const auto found = recoveredWrites.find(id);
    if (found == recoveredWrites.end() || !settleWritesGone(journal, found->second))
        return false;
    const std::vector<JournalWrite> writes = std::move(found->second);
    recoveredWrites.erase(found);
    ScanRecord *r = rec(id);
    r->plan.steps = stepsOf(writes);
    finish(id, Outcome::Done, tr("Verified after a restart: Alma no longer has the item."));
    return true;
}

} // namespace migdesk
