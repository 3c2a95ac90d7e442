// Re-reading the items of a bulk run (see BulkVerifier.h).
#include "bulk/BulkVerifier.h"

#include "alma/AlmaClient.h"
#include "model/JsonUtil.h"
#include "planning/Stamp.h"

#include <QRegularExpression>
#include <QSet>

namespace migdesk {

namespace {
constexpr int kMembersPageSize = 100; // Alma's maximum page for set members
} // namespace

BulkVerifier::BulkVerifier(AlmaClient *client, Target target, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_target(std::move(target))
{}

QStringList BulkVerifier::sampleOf(const QStringList &barcodes, int size)
{
    const auto count = barcodes.size();
    if (size <= 0)
        return {};
    if (size >= count)
        return barcodes;
    QStringList sample;
    // Evenly spaced, first and last included: deterministic, so a repeated check reads the
    // same items, and spread over every chunk of the set.
    for (int i = 0; i < size; ++i) {
        const qsizetype index =
            size == 1 ? 0 : (static_cast<qsizetype>(i) * (count - 1)) / (size - 1);
        sample << barcodes.at(index);
    }
    sample.removeDuplicates();
    return sample;
}

bool BulkVerifier::isApplied(const Item &item, const Target &target)
{
    return isChanged(item, target) && hasStamp(item, target);
}

bool BulkVerifier::isChanged(const Item &item, const Target &target)
{
    if (target.action == BulkAction::Missing)
        return item.processType.value.compare(target.statusCode, Qt::CaseInsensitive) == 0;
    return item.physicalCondition.value.compare(target.conditionCode, Qt::CaseInsensitive) == 0;
}

bool BulkVerifier::hasStamp(const Item &item, const Target &target)
{
    if (target.stampField.isEmpty())
        return true;
    const QStringList lines = noteField(item, target.stampField).split(QLatin1Char('\n'));
    return lines.contains(target.stampLine);
}

void BulkVerifier::verifyAll(const QString &setId, const QStringList &barcodes, int concurrency)
{
    m_setId = setId;
    m_wanted = barcodes;
    m_total = static_cast<int>(barcodes.size());
    m_concurrency = std::max(1, concurrency);
    if (setId.isEmpty()) {
        verifyBarcodes(barcodes, concurrency);
        return;
    }
    m_memberPagesPending = 1;
    enqueue([this] { fetchMembers(0); });
}

void BulkVerifier::verifyBarcodes(const QStringList &barcodes, int concurrency)
{
    m_wanted = barcodes;
    m_total = static_cast<int>(barcodes.size());
    m_concurrency = std::max(1, concurrency);
    m_memberPagesPending = 0;
    m_setId.clear();
    if (barcodes.isEmpty()) {
        m_finished = true;
        Q_EMIT finished();
        return;
    }
    for (const QString &barcode : barcodes)
        enqueue([this, barcode] { readByBarcode(barcode); });
}

void BulkVerifier::enqueue(Task task)
{
    m_queue.push_back(std::move(task));
    pump();
}

void BulkVerifier::pump()
{
    while (m_inFlight < m_concurrency && !m_queue.empty()) {
        Task task = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_inFlight;
        task();
    }
}

void BulkVerifier::taskDone()
{
    --m_inFlight;
    pump();
    if (m_inFlight > 0 || !m_queue.empty() || m_finished)
        return;
    if (!m_setId.isEmpty()) {
        // Members are all read: whatever was wanted and not seen is read by barcode.
        m_setId.clear();
        for (const QString &barcode : std::as_const(m_wanted)) {
            if (!m_checks.contains(barcode))
                m_queue.push_back([this, barcode] { readByBarcode(barcode); });
        }
        if (!m_queue.empty()) {
            pump();
            return;
        }
    }
    m_finished = true;
    Q_EMIT finished();
}

void BulkVerifier::record(const QString &barcode, ItemCheck check)
{
    if (!m_wanted.contains(barcode) || m_checks.contains(barcode))
        return;
    m_checks.insert(barcode, std::move(check));
    ++m_done;
    Q_EMIT progress(m_done, m_total);
}

void BulkVerifier::readByBarcode(const QString &barcode)
{
    ItemReply *reply = m_client->itemByBarcode(barcode);
    connect(reply, &AlmaReply::finished, this, [this, reply, barcode] {
        ItemCheck check;
        if (reply->isOk()) {
            check.read = true;
            check.item = reply->item();
            check.applied = isApplied(check.item, m_target);
        } else {
            check.error = reply->error();
        }
        record(barcode, std::move(check));
        taskDone();
    });
}

void BulkVerifier::readByPath(const QString &mmsId, const QString &holdingId, const QString &pid)
{
    ItemReply *reply = m_client->getItem(mmsId, holdingId, pid);
    connect(reply, &AlmaReply::finished, this, [this, reply] {
        if (reply->isOk()) {
            ItemCheck check;
            check.read = true;
            check.item = reply->item();
            check.applied = isApplied(check.item, m_target);
            const QString barcode = check.item.barcode; // copied before check is moved
            record(barcode, std::move(check));
        }
        // A failed read by path is retried by barcode once the members are done.
        taskDone();
    });
}

void BulkVerifier::fetchMembers(int offset)
{
    JsonReply *reply = m_client->setMembers(m_setId, offset, kMembersPageSize);
    connect(reply, &AlmaReply::finished, this, [this, reply, offset] {
        --m_memberPagesPending;
        if (!reply->isOk() || m_setId.isEmpty()) {
            m_membersFailed = true;
            taskDone();
            return;
        }
        const nlohmann::json &doc = reply->json();
        if (offset == 0) {
            m_memberTotal = doc.value("total_record_count", 0);
            for (int next = kMembersPageSize; next < m_memberTotal; next += kMembersPageSize) {
                ++m_memberPagesPending;
                m_queue.push_back([this, next] { fetchMembers(next); });
            }
        }
        static const QRegularExpression itemPath(
            QStringLiteral("/bibs/([^/]+)/holdings/([^/]+)/items/([^/?#]+)"));
        if (doc.contains("member") && doc["member"].is_array()) {
            for (const auto &member : doc["member"]) {
                const auto match = itemPath.match(json::str(member, "link"));
                if (!match.hasMatch())
                    continue;
                const QString mms = match.captured(1);
                const QString holding = match.captured(2);
                const QString pid = match.captured(3);
                m_queue.push_back([this, mms, holding, pid] { readByPath(mms, holding, pid); });
            }
        }
        taskDone();
    });
}

} // namespace migdesk
