// Alma-shaped error replies (see SandboxErrors.h).
#include "SandboxErrors.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <nlohmann/json.hpp>

namespace migdesk::sandbox {

QString newTrackingId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QString letters;
    for (int i = 0; i < 5; ++i)
        letters += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(26)]);
    return QStringLiteral("E01-%1-%2-AWAE%3")
        .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("ddhhmmsszzz")), letters)
        .arg(QRandomGenerator::global()->bounded(100000000, 999999999));
}

QByteArray almaErrorBody(const std::vector<std::pair<QString, QString>> &errors)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &[code, message] : errors) {
        list.push_back({{"errorCode", code.toStdString()},
                        {"errorMessage", message.toStdString()},
                        {"trackingId", newTrackingId().toStdString()}});
    }
    const nlohmann::json body = {
        {"errorsExist", true}, {"errorList", {{"error", list}}}, {"result", nullptr}};
    return QByteArray::fromStdString(body.dump());
}

SandboxReply almaError(int status, const QString &code, const QString &message)
{
    return almaErrors(status, {{code, message}});
}

SandboxReply almaErrors(int status, const std::vector<std::pair<QString, QString>> &errors)
{
    SandboxReply reply;
    reply.status = status;
    reply.body = almaErrorBody(errors);
    return reply;
}

SandboxReply unauthorizedReply()
{
    return almaError(401, QStringLiteral("UNAUTHORIZED"),
                     QStringLiteral("API-key not defined or not configured to allow this API."));
}

SandboxReply perSecondThresholdReply()
{
    // Alma's 429 body carries no trackingId (see the recorded fixture).
    SandboxReply reply;
    reply.status = 429;
    reply.body =
        R"({"errorList":{"error":[{"errorCode":"PER_SECOND_THRESHOLD","errorMessage":)"
        R"("HTTP requests are more than allowed per second. See https://goo.gl/2x1c1M "}]},)"
        R"("errorsExist":true,"result":null})";
    return reply;
}

SandboxReply dailyThresholdReply()
{
    return almaError(429, QStringLiteral("DAILY_THRESHOLD"),
                     QStringLiteral("Daily threshold of API calls has been reached."));
}

SandboxReply gatewayXmlReply(int status, const QString &code, const QString &message)
{
    SandboxReply reply;
    reply.status = status;
    reply.contentType = "application/xml;charset=UTF-8";
    reply.body =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>"
                       "<web_service_result xmlns=\"http://com/exlibris/urm/general/xmlbeans\">"
                       "<errorsExist>true</errorsExist><errorList><error><errorCode>%1</errorCode>"
                       "<errorMessage>%2</errorMessage><trackingId>%3</trackingId></error>"
                       "</errorList></web_service_result>")
            .arg(code, message.toHtmlEscaped(), newTrackingId())
            .toUtf8();
    return reply;
}

} // namespace migdesk::sandbox
