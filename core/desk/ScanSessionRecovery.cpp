// ScanSession's recovery on start: the journal's unfinished desk and follow-up intents are queued
// again under their own intent ids; each is re-read from Alma. A write the last session sent and
// never heard back from is settled by the item's pipeline from what Alma shows (the restart
// verdict, pipeline/Recovery's settleWrites, which the batch's --resume shares): Alma already
// shows the effect -> done (verified); still a migration item -> planned again from what Alma
// shows (the executor skips what Alma already has); a change no write explains -> staff look.
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

} // namespace migdesk
