// Recovery of unfinished intents on start (see Recovery.h).
#include "pipeline/Recovery.h"

#include "alma/AlmaClient.h"
#include "model/ErrorPolicy.h"
#include "model/ItemCompare.h"

#include <QTimer>

#include <algorithm>

namespace migdesk {

namespace {

// Recovery cannot tell what happened when Alma refuses the key either: a read that cannot be
// made says nothing about the item, so it stays pending instead of going to staff.
bool cannotTellYet(const ApiError &error)
{
    return isTransientError(error) || error.kind == ErrorKind::Auth;
}

} // namespace

Recovery::Recovery(AlmaClient *client, Journal *journal, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
{}

void Recovery::start()
{
    m_items.clear();
    for (auto &intent : m_journal->unfinishedIntents()) {
        RecoveryItem entry;
        entry.intent = std::move(intent);
        m_items.push_back(std::move(entry));
    }
    m_index = 0;
    QTimer::singleShot(0, this, [this] { next(); });
}

void Recovery::next()
{
    if (m_index >= m_items.size()) {
        Q_EMIT finished();
        return;
    }
    RecoveryItem &entry = m_items[m_index];
    const auto looked =
        entry.intent.itemJson.isEmpty() ? Result<Item>() : parseItem(entry.intent.itemJson);
    if (!looked.isOk()) {
        // Queued before any lookup (offline): nothing reached Alma; offer it again as it was.
        entry.decision = RecoveryItem::Decision::OfferAgain;
        entry.message = tr("Not looked up yet: it is offered again.");
        Q_EMIT itemRecovered(static_cast<int>(m_index++));
        return next();
    }
    entry.calls = 1;
    ItemReply *reply = m_client->getItem(looked.value());
    connect(reply, &AlmaReply::finished, this, [this, reply] {
        RecoveryItem &current = m_items[m_index];
        if (reply->isOk())
            decide(current, &reply->item(), {});
        else
            decide(current, nullptr, reply->error());
        Q_EMIT itemRecovered(static_cast<int>(m_index++));
        next();
    });
}

void Recovery::decide(RecoveryItem &entry, const Item *now, const ApiError &readError)
{
    using Decision = RecoveryItem::Decision;
    const JournalIntent &intent = entry.intent;
    if (!now) {
        if (cannotTellYet(readError)) {
            entry.decision = Decision::StillPending;
            entry.message = tr("Alma could not be reached to check it (%1); it stays pending.")
                                .arg(readError.message);
            return;
        }
        if (settleWritesGone(m_journal, intent.writes)) {
            entry.decision = Decision::DoneVerified;
            entry.outcome = Outcome::Done;
            entry.message = tr("Verified after a restart: Alma no longer has the item.");
            m_journal->finishIntent(intent.id, entry.outcome, entry.message);
            return;
        }
        entry.decision = Decision::ShowStaff;
        entry.message =
            tr("The item could not be read again (%1): look at it in Alma.").arg(readError.message);
        m_journal->finishIntent(intent.id, Outcome::NeedsStaff, entry.message);
        return;
    }
    entry.current = *now;
    entry.hasItem = true;
    const WriteVerdict verdict = settleWrites(m_journal, intent.writes, *now);
    entry.message = verdict.message;
    switch (verdict.kind) {
    case WriteVerdict::Kind::Redo:
        entry.decision = Decision::OfferAgain;
        return;
    case WriteVerdict::Kind::DoneVerified:
        entry.decision = Decision::DoneVerified;
        entry.outcome = verdict.outcome;
        break;
    case WriteVerdict::Kind::ShowStaff:
        entry.decision = Decision::ShowStaff;
        break;
    }
    m_journal->finishIntent(intent.id, verdict.outcome, entry.message);
}

WriteVerdict settleWrites(Journal *journal, const std::vector<JournalWrite> &writes,
                          const Item &now)
{
    bool anyApplied = false;
    bool openScanIn = false;
    bool changedByOpenWrite = false;
    for (const JournalWrite &write : writes) {
        anyApplied = anyApplied || write.status == QLatin1String("ok") ||
                     write.status == QLatin1String("verified_ok");
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
        now.processType.isEmpty() ? Recovery::tr("no process type") : now.processType.label();
    WriteVerdict verdict;
    if (now.isMigrationItem()) {
        if (openScanIn && changedByOpenWrite) {
            // A scan-in would have cleared Technical - Migration; something else changed it.
            verdict.kind = WriteVerdict::Kind::ShowStaff;
            verdict.outcome = Outcome::NeedsStaff;
            verdict.message =
                Recovery::tr("A return was sent before the restart, and the item changed but "
                             "still shows %1: look at it in Alma before doing anything else.")
                    .arg(shows);
            return verdict;
        }
        verdict.message = Recovery::tr("Still %1 in Alma: it is offered again.").arg(shows);
        return verdict;
    }
    if (anyApplied || changedByOpenWrite) {
        verdict.kind = WriteVerdict::Kind::DoneVerified;
        verdict.outcome = isTransitOrHold(now) ? Outcome::TransitOrHold : Outcome::Done;
        verdict.message =
            Recovery::tr("Verified after a restart: Alma already shows the change (%1).")
                .arg(shows);
        return verdict;
    }
    if (writes.empty()) {
        verdict.message =
            Recovery::tr("Nothing was written before the restart: it is offered again.");
        return verdict;
    }
    verdict.kind = WriteVerdict::Kind::ShowStaff;
    verdict.outcome = Outcome::NeedsStaff;
    verdict.message = Recovery::tr("Alma now shows %1, which no write of MigDesk explains: look "
                                   "at the item in Alma.")
                          .arg(shows);
    return verdict;
}

bool settleWritesGone(Journal *journal, const std::vector<JournalWrite> &writes)
{
    const bool deleteSent =
        std::any_of(writes.begin(), writes.end(), [](const JournalWrite &write) {
            return write.kind == QLatin1String("delete") &&
                   (write.isOpen() || write.status == QLatin1String("ok") ||
                    write.status == QLatin1String("verified_ok"));
        });
    if (!deleteSent)
        return false;
    for (const JournalWrite &write : writes) {
        if (write.isOpen() && journal)
            journal->endWrite(write.id, QStringLiteral("verified_ok"),
                              QStringLiteral("recovery: the item is gone"));
    }
    return true;
}

} // namespace migdesk
