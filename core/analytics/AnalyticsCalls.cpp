// Analytics requests and their replies (see AnalyticsCalls.h).
#include "analytics/AnalyticsCalls.h"

#include "alma/AlmaCall.h"
#include "alma/AlmaClient.h"
#include "model/JsonUtil.h"

#include <QCoreApplication>
#include <QUrl>
#include <QXmlStreamReader>

#include <algorithm>

namespace migdesk {

namespace {

constexpr int kMaxPathLength = 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::AnalyticsCalls", text);
}

template <typename Reply>
Reply *startCall(AlmaClient *client, AlmaRequestSpec spec)
{
    auto *reply = new Reply(client);
    new AlmaCall(client, reply, std::move(spec));
    return reply;
}

template <typename Reply>
Reply *refuseCall(AlmaClient *client, const QString &message)
{
    auto *reply = new Reply(client);
    AlmaCall::refuse(reply, ApiError::make(ErrorKind::Validation, message));
    return reply;
}

AnalyticsPathEntry entryFrom(const QString &name, const QString &path, const QString &type,
                             const QString &parent)
{
    AnalyticsPathEntry entry;
    entry.name = name.trimmed();
    entry.path = path.trimmed();
    if (entry.path.isEmpty() && !entry.name.isEmpty())
        entry.path =
            (parent.endsWith(QLatin1Char('/')) ? parent : parent + QLatin1Char('/')) + entry.name;
    if (entry.name.isEmpty())
        entry.name = entry.path.section(QLatin1Char('/'), -1);
    entry.isReport = type.compare(QLatin1String("Report"), Qt::CaseInsensitive) == 0 ||
                     type.compare(QLatin1String("Analysis"), Qt::CaseInsensitive) == 0;
    return entry;
}

} // namespace

int analyticsLimit(int limit)
{
    const int rounded = (limit + kAnalyticsMinLimit / 2) / kAnalyticsMinLimit * kAnalyticsMinLimit;
    return std::clamp(rounded, kAnalyticsMinLimit, kAnalyticsMaxLimit);
}

QString checkAnalyticsPath(const QString &path, bool allowRoot)
{
    if (path.isEmpty())
        return allowRoot ? QString() : tr("The Analytics report path is empty.");
    if (!path.startsWith(QLatin1Char('/')))
        return tr("An Analytics path starts with \"/\", e.g. /shared/<Institution>/Reports/...");
    if (path.size() > kMaxPathLength)
        return tr("The Analytics path is longer than %1 characters.").arg(kMaxPathLength);
    for (const QChar c : path) {
        if (c.category() == QChar::Other_Control)
            return tr("The Analytics path contains control characters.");
    }
    return {};
}

ApiError AnalyticsPageReply::parseBody(const QByteArray &body)
{
    m_body = body;
    return {};
}

ApiError AnalyticsPathsReply::parseBody(const QByteArray &body)
{
    m_entries.clear();
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('<')) {
        QXmlStreamReader xml(trimmed);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement ||
                xml.name() != QLatin1String("path"))
                continue;
            const auto attributes = xml.attributes();
            const QString type = attributes.value(QLatin1String("type")).toString();
            const QString path = attributes.value(QLatin1String("path")).toString();
            m_entries.push_back(entryFrom(xml.readElementText(), path, type, m_parent));
        }
        if (xml.hasError())
            return ApiError::make(ErrorKind::Parse,
                                  tr("Alma's Analytics folder list is not well-formed XML."));
    } else {
        const auto doc =
            nlohmann::json::parse(trimmed.constBegin(), trimmed.constEnd(), nullptr, false);
        if (doc.is_discarded() || !doc.is_object())
            return ApiError::make(ErrorKind::Parse,
                                  tr("Alma's Analytics folder list is not a JSON object."));
        const auto found = doc.find("path");
        if (found != doc.end()) {
            const nlohmann::json list =
                found->is_array() ? *found : nlohmann::json::array({*found});
            for (const auto &item : list) {
                if (!item.is_object())
                    continue;
                QString name = json::str(item, "value");
                if (name.isEmpty())
                    name = json::str(item, "name");
                m_entries.push_back(
                    entryFrom(name, json::str(item, "path"), json::str(item, "type"), m_parent));
            }
        }
    }
    std::erase_if(m_entries, [](const AnalyticsPathEntry &e) { return e.path.isEmpty(); });
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const AnalyticsPathEntry &a, const AnalyticsPathEntry &b) {
                         if (a.isReport != b.isReport)
                             return !a.isReport;
                         return a.name.localeAwareCompare(b.name) < 0;
                     });
    return {};
}

AnalyticsPageReply *requestAnalyticsFirstPage(AlmaClient *client, const QString &path, int limit)
{
    if (const QString problem = checkAnalyticsPath(path); !problem.isEmpty())
        return refuseCall<AnalyticsPageReply>(client, problem);
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/almaws/v1/analytics/reports");
    spec.query = {{QStringLiteral("path"), path},
                  {QStringLiteral("limit"), QString::number(analyticsLimit(limit))},
                  {QStringLiteral("col_names"), QStringLiteral("true")}};
    return startCall<AnalyticsPageReply>(client, std::move(spec));
}

AnalyticsPageReply *requestAnalyticsNextPage(AlmaClient *client, const QString &token, int limit)
{
    if (token.trimmed().isEmpty() || token.size() > kMaxPathLength)
        return refuseCall<AnalyticsPageReply>(client, tr("Alma gave no usable resumption token."));
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/almaws/v1/analytics/reports");
    spec.query = {{QStringLiteral("token"), token},
                  {QStringLiteral("limit"), QString::number(analyticsLimit(limit))},
                  {QStringLiteral("col_names"), QStringLiteral("true")}};
    return startCall<AnalyticsPageReply>(client, std::move(spec));
}

AnalyticsPathsReply *requestAnalyticsPaths(AlmaClient *client, const QString &path)
{
    if (const QString problem = checkAnalyticsPath(path, true); !problem.isEmpty())
        return refuseCall<AnalyticsPathsReply>(client, problem);
    AlmaRequestSpec spec;
    spec.method = "GET";
    spec.path = QStringLiteral("/almaws/v1/analytics/paths");
    // The whole path is one encoded segment ("/" as %2F): it can add no segment of its own.
    if (!path.isEmpty())
        spec.path += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(path));
    auto *reply = startCall<AnalyticsPathsReply>(client, std::move(spec));
    reply->setParentPath(path.isEmpty() ? QStringLiteral("/") : path);
    return reply;
}

} // namespace migdesk
