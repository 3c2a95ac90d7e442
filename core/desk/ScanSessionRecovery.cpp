// ScanSession's recovery on start: the journal's unfinished desk and follow-up intents are queued
// again under their own intent ids; each is re-read from Alma and planned from what Alma shows.
#include "desk/ScanSessionPrivate.h"

#include "journal/Journal.h"

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
        for (const JournalWrite &write : intent.writes) {
            if (write.status != QLatin1String("failed") &&
                write.status != QLatin1String("verified_not"))
                d->resumedWithWrites.insert(id);
        }
        d->queue.push(id);
        Q_EMIT scanAccepted(id);
    }
    d->queueChanged();
    d->pump();
    return static_cast<int>(intents.size());
}

} // namespace migdesk
