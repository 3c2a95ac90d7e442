// AlmaClient: request specs for each Alma call; the running is done by AlmaCall.
#include "alma/AlmaClient.h"

#include "alma/AlmaCall.h"
#include "alma/RateLimiter.h"
#include "alma/Redaction.h"
#include "alma/UrlPolicy.h"
#include "model/JsonUtil.h"

#include "alma/TlsTrust.h"

#include <QCoreApplication>

#include <QNetworkAccessManager>

#include <algorithm>

namespace migdesk {

namespace {

constexpr int kMaxSetMembersPerCall = 1000;
constexpr int kMaxBarcodeLength = 255;

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::AlmaClient", text);
}

ApiError validation(const QString &message)
{
    return ApiError::make(ErrorKind::Validation, message);
}

// Set, job and instance ids: Alma uses digits or short codes such as "M18"; never a path.
bool isSafeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_') &&
            c != QLatin1Char('-'))
            return false;
    }
    return true;
}

ApiError checkBarcode(const QString &barcode)
{
    if (barcode.isEmpty())
        return validation(tr("The barcode is empty."));
    if (barcode.size() > kMaxBarcodeLength)
        return validation(tr("The barcode is longer than %1 characters.").arg(kMaxBarcodeLength));
    for (const QChar c : barcode) {
        if (c.category() == QChar::Other_Control)
            return validation(tr("The barcode contains control characters."));
    }
    return {};
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

bool isDisposition(const QString &value)
{
    return value == QLatin1String("retain") || value == QLatin1String("delete") ||
           value == QLatin1String("suppress");
}

QByteArray toBody(const nlohmann::json &json)
{
    const std::string text = json.dump();
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace

AlmaClient::AlmaClient(QNetworkAccessManager *network, AlmaConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
{
    RateLimiter::shared().setRate(m_config.rateLimitPerSecond);
    applyNetworkSettings();
}

void AlmaClient::setConfig(const AlmaConfig &config)
{
    m_config = config;
    RateLimiter::shared().setRate(m_config.rateLimitPerSecond);
    applyNetworkSettings();
}

void AlmaClient::applyNetworkSettings()
{
    if (m_network)
        m_config.proxy.applyTo(m_network);
    m_trustProblem = {};
#if QT_CONFIG(ssl)
    m_extraCa.clear();
    if (!m_config.caFile.isEmpty()) {
        auto loaded = loadCaFile(m_config.caFile);
        if (loaded.isOk())
            m_extraCa = loaded.value();
        else
            m_trustProblem = loaded.error();
    }
#endif
}

void AlmaClient::noteRemaining(qint64 remaining)
{
    if (remaining == m_remaining)
        return;
    m_remaining = remaining;
    Q_EMIT remainingCallsChanged(remaining);
}

void AlmaClient::noteFinished(const QByteArray &method, const QUrl &url, int httpStatus)
{
    Q_EMIT requestFinished(QString::fromLatin1(method),
                           redactSecrets(url.toString(QUrl::FullyEncoded), m_config.apiKey),
                           httpStatus);
}

template <typename Reply>
Reply *AlmaClient::start(AlmaRequestSpec spec)
{
    auto *reply = new Reply(this);
    new AlmaCall(this, reply, std::move(spec));
    return reply;
}

template <typename Reply>
Reply *AlmaClient::refuse(const ApiError &error)
{
    auto *reply = new Reply(this);
    AlmaCall::refuse(reply, error);
    return reply;
}

ApiError AlmaClient::checkItemIds(const QString &mmsId, const QString &holdingId,
                                  const QString &pid) const
{
    if (isDigits(mmsId) && isDigits(holdingId) && isDigits(pid))
        return {};
    return validation(tr("The item's Alma ids are missing or not numeric; reload the item."));
}

ItemReply *AlmaClient::itemByBarcode(const QString &barcode)
{
    if (const ApiError error = checkBarcode(barcode); error.isError())
        return refuse<ItemReply>(error);
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/almaws/v1/items");
    spec.query = {{QStringLiteral("item_barcode"), barcode}};
    spec.followItemRedirect = true;
    return start<ItemReply>(std::move(spec));
}

ItemReply *AlmaClient::getItem(const QString &mmsId, const QString &holdingId, const QString &pid)
{
    if (const ApiError error = checkItemIds(mmsId, holdingId, pid); error.isError())
        return refuse<ItemReply>(error);
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path =
        QStringLiteral("/almaws/v1/bibs/%1/holdings/%2/items/%3").arg(mmsId, holdingId, pid);
    return start<ItemReply>(std::move(spec));
}

ItemReply *AlmaClient::getItem(const Item &item)
{
    return getItem(item.mmsId, item.holdingId, item.pid);
}

ItemReply *AlmaClient::updateItem(const Item &item)
{
    if (const ApiError error = checkItemIds(item.mmsId, item.holdingId, item.pid); error.isError())
        return refuse<ItemReply>(error);
    AlmaRequestSpec spec;
    spec.method = "PUT";
    spec.path = item.itemPath();
    spec.body = serializeItem(item);
    spec.hasBody = true;
    return start<ItemReply>(std::move(spec));
}

ItemReply *AlmaClient::scanIn(const Item &item, const ScanInParams &params)
{
    if (const ApiError error = checkItemIds(item.mmsId, item.holdingId, item.pid); error.isError())
        return refuse<ItemReply>(error);
    if (!params.circDesk.isEmpty() && !params.department.isEmpty())
        return refuse<ItemReply>(
            validation(tr("Scan-in takes a circulation desk or a department, not both.")));
    AlmaRequestSpec spec;
    spec.method = "POST";
    spec.path = item.itemPath();
    spec.query = {{QStringLiteral("op"), QStringLiteral("scan")}};
    const auto add = [&spec](const char *key, const QString &value) {
        if (!value.isEmpty())
            spec.query.emplace_back(QString::fromLatin1(key), value);
    };
    add("library", params.library);
    add("circ_desk", params.circDesk);
    add("department", params.department);
    add("work_order_type", params.workOrderType);
    add("status", params.status);
    if (!params.department.isEmpty())
        add("done", boolText(params.done));
    // Alma counts an in-house use by default; a desk fixing migration data must not.
    add("register_in_house_use", QStringLiteral("false"));
    return start<ItemReply>(std::move(spec));
}

LoansReply *AlmaClient::itemLoans(const Item &item)
{
    if (const ApiError error = checkItemIds(item.mmsId, item.holdingId, item.pid); error.isError())
        return refuse<LoansReply>(error);
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path = item.itemPath() + QStringLiteral("/loans");
    return start<LoansReply>(std::move(spec));
}

AlmaReply *AlmaClient::deleteItem(const Item &item, const WithdrawParams &params)
{
    if (const ApiError error = checkItemIds(item.mmsId, item.holdingId, item.pid); error.isError())
        return refuse<AlmaReply>(error);
    if (!isDisposition(params.holdings) || !isDisposition(params.bib))
        return refuse<AlmaReply>(
            validation(tr("Holdings and bib handling must be retain, delete or suppress.")));
    AlmaRequestSpec spec;
    spec.method = "DELETE";
    spec.path = item.itemPath();
    spec.query = {{QStringLiteral("override"), boolText(params.override)},
                  {QStringLiteral("holdings"), params.holdings}};
    // Alma reads `bib` only when the holdings record is deleted too.
    if (params.holdings == QLatin1String("delete"))
        spec.query.emplace_back(QStringLiteral("bib"), params.bib);
    return start<AlmaReply>(std::move(spec));
}

JsonReply *AlmaClient::testKey(bool write)
{
    AlmaRequestSpec spec;
    spec.method = write ? "POST" : "GET";
    spec.path = QStringLiteral("/almaws/v1/bibs/test");
    return start<JsonReply>(std::move(spec));
}

JsonReply *AlmaClient::createSet(const QString &name, const QString &description)
{
    if (name.trimmed().isEmpty())
        return refuse<JsonReply>(validation(tr("A set needs a name.")));
    const nlohmann::json body = {{"name", json::utf8(name)},
                                 {"description", json::utf8(description)},
                                 {"type", {{"value", "ITEMIZED"}}},
                                 {"content", {{"value", "ITEM"}}},
                                 {"private", {{"value", "false"}}}};
    AlmaRequestSpec spec;
    spec.method = "POST";
    spec.path = QStringLiteral("/almaws/v1/conf/sets");
    spec.body = toBody(body);
    spec.hasBody = true;
    return start<JsonReply>(std::move(spec));
}

JsonReply *AlmaClient::addSetMembers(const QString &setId, const QStringList &barcodes)
{
    if (!isSafeId(setId))
        return refuse<JsonReply>(validation(tr("The set id is not valid.")));
    if (barcodes.isEmpty() || barcodes.size() > kMaxSetMembersPerCall)
        return refuse<JsonReply>(validation(
            tr("Add between 1 and %1 members to a set per call.").arg(kMaxSetMembersPerCall)));
    nlohmann::json members = nlohmann::json::array();
    for (const QString &barcode : barcodes) {
        if (const ApiError error = checkBarcode(barcode); error.isError())
            return refuse<JsonReply>(error);
        members.push_back({{"id", json::utf8(barcode)}});
    }
    AlmaRequestSpec spec;
    spec.method = "POST";
    spec.path = QStringLiteral("/almaws/v1/conf/sets/%1").arg(setId);
    // fail_on_invalid_id=false: one bad barcode must not fail the other 999; BulkRunner finds
    // the skipped ones from the set's member count.
    spec.query = {{QStringLiteral("op"), QStringLiteral("add_members")},
                  {QStringLiteral("id_type"), QStringLiteral("BARCODE")},
                  {QStringLiteral("fail_on_invalid_id"), QStringLiteral("false")}};
    spec.body = toBody({{"members", {{"member", members}}}});
    spec.hasBody = true;
    return start<JsonReply>(std::move(spec));
}

JsonReply *AlmaClient::setMembers(const QString &setId, int offset, int limit)
{
    if (!isSafeId(setId))
        return refuse<JsonReply>(validation(tr("The set id is not valid.")));
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/almaws/v1/conf/sets/%1/members").arg(setId);
    spec.query = {{QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 100))},
                  {QStringLiteral("offset"), QString::number(std::max(0, offset))}};
    return start<JsonReply>(std::move(spec));
}

AlmaReply *AlmaClient::deleteSet(const QString &setId)
{
    if (!isSafeId(setId))
        return refuse<AlmaReply>(validation(tr("The set id is not valid.")));
    AlmaRequestSpec spec;
    spec.method = "DELETE";
    spec.path = QStringLiteral("/almaws/v1/conf/sets/%1").arg(setId);
    return start<AlmaReply>(std::move(spec));
}

JsonReply *AlmaClient::runJob(const QString &jobId, const nlohmann::json &body)
{
    if (!isSafeId(jobId))
        return refuse<JsonReply>(validation(tr("The job id is not valid.")));
    AlmaRequestSpec spec;
    spec.method = "POST";
    spec.path = QStringLiteral("/almaws/v1/conf/jobs/%1").arg(jobId);
    spec.query = {{QStringLiteral("op"), QStringLiteral("run")}};
    spec.body = toBody(body.is_null() ? nlohmann::json::object() : body);
    spec.hasBody = true;
    return start<JsonReply>(std::move(spec));
}

JsonReply *AlmaClient::conf(const QString &path)
{
    const QStringList segments = path.split(QLatin1Char('/'));
    if (path.isEmpty() || !std::all_of(segments.begin(), segments.end(), isSafeId))
        return refuse<JsonReply>(validation(tr("The configuration path is not valid.")));
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/almaws/v1/conf/") + path;
    if (segments.front() == QLatin1String("libraries") ||
        segments.front() == QLatin1String("departments"))
        spec.query.emplace_back(QStringLiteral("limit"), QStringLiteral("100"));
    return start<JsonReply>(std::move(spec));
}

JsonReply *AlmaClient::jobInstance(const QString &jobId, const QString &instanceId)
{
    if (!isSafeId(jobId) || !isSafeId(instanceId))
        return refuse<JsonReply>(validation(tr("The job or instance id is not valid.")));
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/almaws/v1/conf/jobs/%1/instances/%2").arg(jobId, instanceId);
    return start<JsonReply>(std::move(spec));
}

} // namespace migdesk
