// Reading Alma's error bodies (JSON or XML) into ApiError.
#include "model/ApiError.h"

#include "model/JsonUtil.h"

#include <QXmlStreamReader>

#include <nlohmann/json.hpp>

namespace migdesk {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Http:
        return QStringLiteral("http");
    case ErrorKind::Alma:
        return QStringLiteral("alma");
    case ErrorKind::Parse:
        return QStringLiteral("parse");
    case ErrorKind::Auth:
        return QStringLiteral("auth");
    case ErrorKind::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorKind::DailyBudget:
        return QStringLiteral("daily_budget");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::Ambiguous:
        return QStringLiteral("ambiguous");
    case ErrorKind::Stale:
        return QStringLiteral("stale");
    case ErrorKind::Validation:
        return QStringLiteral("validation");
    case ErrorKind::Unsafe:
        return QStringLiteral("unsafe");
    }
    return QStringLiteral("unknown");
}

namespace {

ErrorKind kindForCode(const QString &code, int httpStatus)
{
    if (code == QLatin1String("PER_SECOND_THRESHOLD") || httpStatus == 429)
        return ErrorKind::RateLimited;
    if (code == QLatin1String("DAILY_THRESHOLD"))
        return ErrorKind::DailyBudget;
    if (code == QLatin1String("UNAUTHORIZED") || code == QLatin1String("FORBIDDEN") ||
        httpStatus == 401 || httpStatus == 403)
        return ErrorKind::Auth;
    if (code.isEmpty())
        return ErrorKind::Http;
    if (code == QLatin1String("GENERAL_ERROR") || code == QLatin1String("ROUTING_ERROR") ||
        code == QLatin1String("INVALID_REQUEST") || code == QLatin1String("REQUEST_TOO_LARGE"))
        return ErrorKind::Http;
    return ErrorKind::Alma;
}

bool readJsonError(const QByteArray &body, ApiError &error)
{
    const nlohmann::json json =
        nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return false;
    const auto &list = json::object(json, "errorList");
    const auto it = list.find("error");
    if (it == list.end() || it->is_null())
        return false;
    const nlohmann::json *first = nullptr;
    if (it->is_array()) {
        if (!it->empty())
            first = &it->front();
    } else if (it->is_object()) {
        first = &*it;
    }
    if (!first || !first->is_object())
        return false;
    if (it->is_array()) {
        for (const auto &entry : *it) {
            if (entry.is_object())
                error.entries.push_back(
                    {json::str(entry, "errorCode"), json::str(entry, "errorMessage").trimmed()});
        }
    }
    error.code = json::str(*first, "errorCode");
    error.message = json::str(*first, "errorMessage").trimmed();
    error.trackingId = json::str(*first, "trackingId");
    return !error.code.isEmpty() || !error.message.isEmpty();
}

bool readXmlError(const QByteArray &body, ApiError &error)
{
    if (!body.contains("web_service_result") && !body.contains("errorCode"))
        return false;
    QXmlStreamReader xml(body);
    bool found = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        QString *target = nullptr;
        if (name == QLatin1String("errorCode"))
            target = &error.code;
        else if (name == QLatin1String("errorMessage"))
            target = &error.message;
        else if (name == QLatin1String("trackingId"))
            target = &error.trackingId;
        if (target && target->isEmpty()) {
            *target = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            found = true;
        }
    }
    // Malformed XML still yields whatever was read before the error.
    return found && (!error.code.isEmpty() || !error.message.isEmpty());
}

} // namespace

ApiError parseAlmaError(const QByteArray &body, int httpStatus)
{
    ApiError error;
    error.httpStatus = httpStatus;
    const bool understood = readJsonError(body, error) || readXmlError(body, error);
    error.kind = kindForCode(error.code, httpStatus);
    if (!understood) {
        error.message = httpStatus > 0
                            ? QStringLiteral("Alma answered HTTP %1 without an error description")
                                  .arg(httpStatus)
                            : QStringLiteral("Alma sent an error without a description");
    }
    return error;
}

} // namespace migdesk
