// ScanSession's recovery on start: the journal's unfinished desk and follow-up intents are queued
// again under their own intent ids; each is re-read from Alma. A write the last session sent and
// never heard back from is settled from what Alma shows (as journal/Recovery and the batch's
// --resume do): Alma already shows the effect -> done (verified); still a migration item ->
// planned again from what Alma shows (the executor skips what Alma already has); a change no
// write explains -> staff look at the item.
#include "desk/ExecutionRun.h"
#include "desk/ScanSessionPrivate.h"

#include "journal/Journal.h"

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

bool wasApplied(const JournalWrite &write)
{
    return write.status == QLatin1String("ok") || write.status == QLatin1String("verified_ok");
}

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
    const Item &now = r->item;
    bool anyApplied = false;
    bool openScanIn = false;
    bool changedByOpenWrite = false;
    for (const JournalWrite &write : writes) {
        anyApplied = anyApplied || wasApplied(write);
        if (!write.isOpen())
            continue;
        openScanIn = openScanIn || write.kind == QLatin1String("scan_in");
        const Result<Item> before = parseItem(write.beforeJson);
        const bool changed = !before.isOk() || !firstShownDifference(before.value(), now).isEmpty();
        changedByOpenWrite = changedByOpenWrite || changed;
        if (journal) {
            journal->endWrite(
                write.id, changed ? QStringLiteral("verified_ok") : QStringLiteral("verified_not"),
                changed ? QStringLiteral("recovery: the item changed since the write")
                        : QStringLiteral("recovery: the item is unchanged"),
                now);
        }
    }
    const QString shows =
        now.processType.isEmpty() ? tr("no process type") : now.processType.label();
    if (now.isMigrationItem()) {
        if (openScanIn && changedByOpenWrite) {
            // A scan-in would have cleared Technical - Migration; something else changed it.
            finish(id, Outcome::NeedsStaff,
                   tr("A return was sent before the restart, and the item changed but still "
                      "shows %1: look at it in Alma before doing anything else.")
                       .arg(shows));
            return true;
        }
        return false; // offered again: planned from what Alma shows now
    }
    if (anyApplied || changedByOpenWrite) {
        r->plan.steps = stepsOf(writes);
        r->plan.explanation = tr("Sent before the restart; Alma's state read again.");
        finish(id, isTransitOrHold(now) ? Outcome::TransitOrHold : Outcome::Done,
               tr("Verified after a restart: Alma already shows the change (%1).").arg(shows));
        return true;
    }
    if (writes.empty())
        return false;
    finish(id, Outcome::NeedsStaff,
           tr("Alma now shows %1, which no write of MigDesk explains: look at the item in Alma.")
               .arg(shows));
    return true;
}

bool ScanSession::Private::settleRecoveredGone(qint64 id)
{
    const auto found = recoveredWrites.find(id);
    if (found == recoveredWrites.end())
        return false;
    const bool deleteSent =
        std::any_of(found->second.begin(), found->second.end(), [](const JournalWrite &write) {
            return write.kind == QLatin1String("delete") && (write.isOpen() || wasApplied(write));
        });
    if (!deleteSent)
        return false;
    const std::vector<JournalWrite> writes = std::move(found->second);
    recoveredWrites.erase(found);
    for (const JournalWrite &write : writes) {
        if (write.isOpen() && journal)
            journal->endWrite(write.id, QStringLiteral("verified_ok"),
                              QStringLiteral("recovery: the item is gone"));
    }
    ScanRecord *r = rec(id);
    r->plan.steps = stepsOf(writes);
    finish(id, Outcome::Done, tr("Verified after a restart: Alma no longer has the item."));
    return true;
}

} // namespace migdesk
