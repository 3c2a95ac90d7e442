// Test helper for sandbox exchanges (see SandboxHttpClient.h).
#include "SandboxHttpClient.h"

#include <QEventLoop>
#include <QNetworkRequest>
#include <QTimer>

namespace migdesk::test {

QUrlQuery makeQuery(std::initializer_list<std::pair<const char *, QString>> items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items) {
        query.addQueryItem(QString::fromLatin1(key),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    return query;
}

QUrl SandboxHttpClient::url(const QString &pathOrUrl, const QUrlQuery &query) const
{
    QUrl url = pathOrUrl.startsWith(QLatin1String("http")) ? QUrl(pathOrUrl) : m_base;
    if (!pathOrUrl.startsWith(QLatin1String("http")))
        url.setPath(pathOrUrl);
    if (!query.isEmpty()) {
        QUrlQuery merged(url);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyEncoded))
            merged.addQueryItem(key, value);
        url.setQuery(merged);
    }
    return url;
}

QNetworkReply *SandboxHttpClient::start(const HttpCall &call)
{
    QNetworkRequest request(url(call.pathOrUrl, call.query));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!call.apiKey.isEmpty())
        request.setRawHeader("Authorization", "apikey " + call.apiKey.toUtf8());
    if (!call.accept.isEmpty())
        request.setRawHeader("Accept", call.accept);
    if (!call.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    return m_manager.sendCustomRequest(request, call.method, call.body);
}

HttpResult SandboxHttpClient::finish(QNetworkReply *reply, int timeoutMs)
{
    HttpResult result;
    if (!reply->isFinished()) {
        QEventLoop loop; // tests only: production code never nests event loops
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
    }
    result.finished = reply->isFinished();
    if (!result.finished)
        reply->abort();
    result.error = reply->error();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers[name.toLower()] = value;
    result.json = nlohmann::json::parse(
        result.body.constData(), result.body.constData() + result.body.size(), nullptr, false);
    reply->deleteLater();
    return result;
}

HttpResult SandboxHttpClient::get(const QString &path, const QUrlQuery &query)
{
    HttpCall call;
    call.pathOrUrl = path;
    call.query = query;
    return send(call);
}

HttpResult SandboxHttpClient::post(const QString &path, const QUrlQuery &query,
                                   const QByteArray &body)
{
    HttpCall call;
    call.method = "POST";
    call.pathOrUrl = path;
    call.query = query;
    call.body = body;
    return send(call);
}

HttpResult SandboxHttpClient::put(const QString &path, const QByteArray &body)
{
    HttpCall call;
    call.method = "PUT";
    call.pathOrUrl = path;
    call.body = body;
    return send(call);
}

HttpResult SandboxHttpClient::del(const QString &path, const QUrlQuery &query)
{
    HttpCall call;
    call.method = "DELETE";
    call.pathOrUrl = path;
    call.query = query;
    return send(call);
}

} // namespace migdesk::test
