// Test helper: one blocking HTTP exchange with the sandbox over loopback (QNetworkAccessManager,
// redirects not followed), with the parsed JSON body when there is one.
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <map>

namespace migdesk::test {

struct HttpResult {
    int status = 0; // 0: no HTTP answer (closed, timed out)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    std::map<QByteArray, QByteArray> headers; // names lower-case
    nlohmann::json json;                      // discarded when the body is not JSON
    bool finished = false;

    QByteArray header(const QByteArray &lowerName) const
    {
        const auto it = headers.find(lowerName);
        return it == headers.end() ? QByteArray() : it->second;
    }
    std::string firstErrorCode() const
    {
        if (!json.is_object() || !json.contains("errorList"))
            return {};
        return json["errorList"]["error"][0].value("errorCode", std::string());
    }
};

struct HttpCall {
    QByteArray method = "GET";
    QString pathOrUrl; // "/almaws/v1/..." (relative to the base) or a full URL
    QUrlQuery query;
    QByteArray body;
    QString apiKey = QStringLiteral("sandbox-demo-key"); // empty: no Authorization header
    QByteArray accept = "application/json";
    QByteArray contentType = "application/json";
};

inline HttpCall makeCall(const QByteArray &method, const QString &path, const QUrlQuery &query = {})
{
    HttpCall call;
    call.method = method;
    call.pathOrUrl = path;
    call.query = query;
    return call;
}

class SandboxHttpClient {
public:
    explicit SandboxHttpClient(QUrl base)
        : m_base(std::move(base))
    {}

    QNetworkReply *start(const HttpCall &call);
    // Waits for `reply` (up to `timeoutMs`), then reads and deletes it.
    static HttpResult finish(QNetworkReply *reply, int timeoutMs = 10000);
    HttpResult send(const HttpCall &call, int timeoutMs = 10000)
    {
        return finish(start(call), timeoutMs);
    }
    HttpResult get(const QString &path, const QUrlQuery &query = {});
    HttpResult post(const QString &path, const QUrlQuery &query = {}, const QByteArray &body = {});
    HttpResult put(const QString &path, const QByteArray &body);
    HttpResult del(const QString &path, const QUrlQuery &query = {});

    QUrl url(const QString &pathOrUrl, const QUrlQuery &query) const;
    QNetworkAccessManager &manager() { return m_manager; }

private:
    QUrl m_base;
    QNetworkAccessManager m_manager;
};

// Query helper: {{"op","scan"},{"library","MAIN"}}.
QUrlQuery makeQuery(std::initializer_list<std::pair<const char *, QString>> items);

} // namespace migdesk::test
