// One Alma call from first byte to finished() (see AlmaCall.h).
#include "alma/AlmaCall.h"

#include "alma/AlmaLog.h"
#include "alma/OneShotBody.h"
#include "alma/RateLimiter.h"
#include "alma/Redaction.h"
#include "alma/SendQueue.h"
#include "alma/TlsTrust.h"
#include "alma/UrlPolicy.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <algorithm>

namespace migdesk {

namespace {

constexpr qint64 kBackoffBaseMs = 250;
constexpr qint64 kBackoffCapMs = 8000;
constexpr qint64 kSharedPauseCapMs = 2000; // longest hold a Retry-After puts on every call

// Errors raised before a single byte of the request can have left this machine.
bool failedBeforeSending(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProtocolUnknownError:
        return true;
    default:
        return false;
    }
}

// "Retry-After: 3" or an HTTP date; -1 when absent or unreadable.
qint64 retryAfterMs(const QByteArray &value)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
}

} // namespace

AlmaCall::AlmaCall(AlmaClient *client, AlmaReply *reply, AlmaRequestSpec spec)
    : QObject(reply)
    , m_client(client)
    , m_reply(reply)
    , m_spec(std::move(spec))
    , m_method(m_spec.method)
{
    m_deadline.setSingleShot(true);
    m_wait.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &AlmaCall::onDeadline);
    connect(&m_wait, &QTimer::timeout, this, &AlmaCall::onWaitOver);
    QMetaObject::invokeMethod(this, &AlmaCall::start, Qt::QueuedConnection);
}

AlmaCall::~AlmaCall()
{
    dropNetworkReply();
    releasePlace();
}

void AlmaCall::refuse(AlmaReply *reply, const ApiError &error)
{
    QMetaObject::invokeMethod(
        reply, [reply, error] { reply->fail(error); }, Qt::QueuedConnection);
}

void AlmaCall::start()
{
    if (!m_client)
        return fail(ApiError::make(ErrorKind::Cancelled, tr("The Alma client was closed.")));
    const AlmaConfig &config = m_client->config();
    if (const ApiError unsafe = checkBaseUrl(config.baseUrl); unsafe.isError())
        return fail(unsafe);
    m_url = buildUrl(config.baseUrl, m_spec.path, m_spec.query);
    takeTokenAndSend();
}

void AlmaCall::scheduleSend(qint64 backoffMs)
{
    if (backoffMs <= 0)
        return takeTokenAndSend();
    m_waiting = Wait::Backoff;
    m_wait.start(int(backoffMs));
}

void AlmaCall::takeTokenAndSend()
{
    // The place is taken when the request really leaves, not booked now for later: a call
    // booked ahead but sent late would leave bunched with the calls booked after it.
    m_waiting = Wait::Token;
    SendQueue::shared().enqueue(this);
}

void AlmaCall::sendNow()
{
    m_waiting = Wait::None;
    m_holdsPlace = true;
    if (m_done)
        return releasePlace();
    send();
    if (!m_network)
        releasePlace(); // nothing was handed to the network
}

void AlmaCall::onWaitOver()
{
    m_waiting = Wait::None;
    takeTokenAndSend();
}

ApiError AlmaCall::budgetError() const
{
    const qint64 remaining = m_client->remainingCalls();
    const qint64 floor = m_client->config().remainingFloor;
    if (remaining < 0 || remaining >= floor)
        return {};
    ApiError error = ApiError::make(
        ErrorKind::DailyBudget,
        tr("Only %1 Alma API calls are left today, below the reserve of %2; the call was not made.")
            .arg(remaining)
            .arg(floor));
    error.code = QStringLiteral("REMAINING_FLOOR");
    return error;
}

void AlmaCall::send()
{
    if (!m_client || !m_client->network())
        return fail(ApiError::make(ErrorKind::Cancelled, tr("The Alma client was closed.")));
    if (const ApiError budget = budgetError(); budget.isError())
        return fail(budget);
    const AlmaConfig &config = m_client->config();
    if (!m_started.isValid()) {
        // The deadline bounds the call from its first byte on, not its wait in the rate
        // limiter's queue (a bulk run may queue hundreds of calls at once).
        m_started.start();
        m_deadline.start(std::max(1, config.deadlineMs));
    }

    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("Authorization", "apikey " + config.apiKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(std::max(1, config.transferTimeoutMs));
#if QT_CONFIG(ssl)
    if (m_url.scheme() == QLatin1String("https")) {
        if (m_client->trustProblem().isError())
            return fail(m_client->trustProblem());
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_client->extraCaCertificates().isEmpty())
            ssl.addCaCertificates(m_client->extraCaCertificates());
        request.setSslConfiguration(ssl);
    }
    m_sslErrors.clear();
#endif

    m_timesSent = 0;
    QNetworkAccessManager *network = m_client->network();
    if (m_method == "GET") {
        m_network = network->get(request);
    } else {
        // HTTP/1 only, and a body Qt cannot rewind: a connection that closes before the reply
        // makes Qt fail the reply (ContentReSendError) instead of resending the write.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        if (m_spec.hasBody)
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
        request.setHeader(QNetworkRequest::ContentLengthHeader, qint64(m_spec.body.size()));
        auto *body = new OneShotBody(m_spec.body);
        m_network = network->sendCustomRequest(request, m_method, body);
        body->setParent(m_network);
    }
    qCDebug(lcAlma).noquote() << "->" << m_method << redacted(m_url.toString(QUrl::FullyEncoded));
    connect(m_network, &QNetworkReply::requestSent, this, [this] {
        if (++m_timesSent > 1)
            qCWarning(lcAlma).noquote() << "Qt sent the request again:" << m_method
                                        << redacted(m_url.toString(QUrl::FullyEncoded));
    });
#if QT_CONFIG(ssl)
    // Kept for the refusal's wording only: never ignored, so the handshake fails and not a
    // byte of the request (the key included) is sent.
    connect(m_network, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
#endif
    connect(m_network, &QNetworkReply::finished, this, &AlmaCall::onNetworkFinished);
}

void AlmaCall::onNetworkFinished()
{
    QNetworkReply *network = m_network;
    if (!network)
        return;
    m_network = nullptr;
    network->disconnect(this);
    network->deleteLater();
    releasePlace();

    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = network->readAll();
    if (m_client) {
        bool ok = false;
        const qint64 remaining =
            network->rawHeader("X-Exl-Api-Remaining").trimmed().toLongLong(&ok);
        if (ok)
            m_client->noteRemaining(remaining);
        m_client->noteFinished(m_method, m_url, status);
    }
    qCDebug(lcAlma).noquote() << "<-" << status << m_method
                              << redacted(m_url.toString(QUrl::FullyEncoded));
    const bool isWrite = m_method != "GET";

    if (status == 0) {
        const QNetworkReply::NetworkError code = network->error();
        const bool timedOut =
            code == QNetworkReply::TimeoutError || code == QNetworkReply::OperationCanceledError;
        ApiError error = ApiError::make(timedOut ? ErrorKind::Timeout : ErrorKind::Network,
                                        redacted(network->errorString()));
        if (isWrite && (m_timesSent > 0 || !failedBeforeSending(code))) {
            error.kind = ErrorKind::Ambiguous;
            error.message = tr("The connection ended after the change was sent (%1); Alma may "
                               "or may not have applied it.")
                                .arg(redacted(network->errorString()));
            return fail(error);
        }
        if (code == QNetworkReply::SslHandshakeFailedError) {
#if QT_CONFIG(ssl)
            if (!m_sslErrors.isEmpty()) // the server's certificate was refused
                return fail(tlsRefusal(m_url.host(), m_sslErrors));
#endif
            return fail(error); // a certificate problem does not go away by retrying
        }
        return retryOrFail(error);
    }

    if (status >= 300 && status < 400) {
        if (m_spec.followItemRedirect && !m_redirected)
            return followRedirect(network->rawHeader("Location"));
        return fail(ApiError::make(
            ErrorKind::Http, tr("Alma answered with an unexpected redirect (HTTP %1).").arg(status),
            status));
    }
    if (status >= 200 && status < 300)
        return succeed(status, body);

    ApiError error = parseAlmaError(body, status);
    error.message = redacted(error.message);
    if (error.code == QLatin1String("DAILY_THRESHOLD"))
        error.kind = ErrorKind::DailyBudget; // Alma sends it with 429: not worth retrying today
    if (error.kind == ErrorKind::RateLimited) {
        // Alma refused the call without doing it: safe to send again, writes included.
        // An explicit Retry-After holds back every call of the process; without one, only this
        // call backs off (the shared bucket already keeps MigDesk itself under the limit).
        const qint64 after = retryAfterMs(network->rawHeader("Retry-After"));
        if (after > 0)
            RateLimiter::shared().pause(std::min(after, kSharedPauseCapMs));
        return retryOrFail(error, after);
    }
    if (error.kind == ErrorKind::DailyBudget) {
        if (m_client && m_client->remainingCalls() != 0)
            m_client->noteRemaining(0);
        return fail(error);
    }
    if (status >= 500) {
        if (!isWrite)
            return retryOrFail(error);
        // A gateway or server error after a write was delivered: it may have been applied.
        error.kind = ErrorKind::Ambiguous;
        return fail(error);
    }
    fail(error);
}

void AlmaCall::followRedirect(const QByteArray &location)
{
    const QByteArray trimmed = location.trimmed();
    const QUrl relative = QUrl::fromEncoded(trimmed, QUrl::StrictMode);
    if (trimmed.isEmpty() || !relative.isValid())
        return fail(ApiError::make(ErrorKind::Parse,
                                   tr("Alma redirected without a usable Location header.")));
    const QUrl target = m_url.resolved(relative);
    if (!isSameOrigin(target, m_url)) {
        qCWarning(lcAlma).noquote() << "refused a cross-origin redirect to"
                                    << redacted(target.toString(QUrl::FullyEncoded));
        return fail(ApiError::make(ErrorKind::Unsafe,
                                   tr("Alma redirected to another server (%1); MigDesk did not "
                                      "follow it and did not send the key there.")
                                       .arg(target.host())));
    }
    // Only Alma's item URL is followed, rebuilt from its three checked ids.
    QString basePath =
        m_client->config().baseUrl.adjusted(QUrl::StripTrailingSlash).path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    static const QRegularExpression itemPath(
        QStringLiteral("^/almaws/v1/bibs/([^/]*)/holdings/([^/]*)/items/([^/]*)/?$"));
    const QString path = target.path(QUrl::FullyEncoded);
    const auto match = path.startsWith(basePath) ? itemPath.match(path.mid(basePath.size()))
                                                 : QRegularExpressionMatch();
    if (!match.hasMatch() || !isDigits(match.captured(1)) || !isDigits(match.captured(2)) ||
        !isDigits(match.captured(3)))
        return fail(ApiError::make(
            ErrorKind::Parse,
            tr("Alma redirected to an address that is not an item: %1").arg(redacted(path))));
    m_redirected = true;
    m_url = buildUrl(m_client->config().baseUrl,
                     QStringLiteral("/almaws/v1/bibs/%1/holdings/%2/items/%3")
                         .arg(match.captured(1), match.captured(2), match.captured(3)),
                     {});
    takeTokenAndSend();
}

qint64 AlmaCall::backoffMs() const
{
    const qint64 ceiling = std::min(kBackoffCapMs, kBackoffBaseMs << std::min(m_retries, 10));
    // "Equal jitter": half fixed, half random, so retries spread out but never bunch at zero.
    return ceiling / 2 + qint64(QRandomGenerator::global()->bounded(quint32(ceiling / 2 + 1)));
}

void AlmaCall::retryOrFail(const ApiError &error, qint64 minimumDelayMs)
{
    const AlmaConfig &config = m_client->config();
    if (m_retries >= config.maxRetries)
        return fail(error);
    const qint64 delay = std::max(backoffMs(), minimumDelayMs);
    if (m_started.elapsed() + delay >= config.deadlineMs)
        return fail(error);
    ++m_retries;
    qCInfo(lcAlma).noquote() << "retry" << m_retries << "in" << delay << "ms after"
                             << errorKindName(error.kind) << error.httpStatus << m_method
                             << redacted(m_url.toString(QUrl::FullyEncoded));
    scheduleSend(delay);
}

void AlmaCall::onDeadline()
{
    const bool writeInFlight = m_network && m_method != "GET";
    dropNetworkReply();
    const int deadline = m_client ? m_client->config().deadlineMs : 0;
    if (writeInFlight)
        return fail(ApiError::make(ErrorKind::Ambiguous,
                                   tr("Alma did not answer within %1 ms after the change was "
                                      "sent; it may or may not have been applied.")
                                       .arg(deadline)));
    fail(ApiError::make(ErrorKind::Timeout, tr("Alma did not answer within %1 ms.").arg(deadline)));
}

void AlmaCall::succeed(int httpStatus, const QByteArray &body)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    m_wait.stop();
    m_reply->complete(httpStatus, body);
}

void AlmaCall::fail(ApiError error)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    m_wait.stop();
    dropNetworkReply();
    qCWarning(lcAlma).noquote() << "failed:" << errorKindName(error.kind) << error.httpStatus
                                << error.code << m_method
                                << redacted(m_url.toString(QUrl::FullyEncoded)) << "-"
                                << redacted(error.message);
    m_reply->fail(error);
}

void AlmaCall::dropNetworkReply()
{
    if (QNetworkReply *network = m_network) {
        m_network = nullptr;
        network->disconnect(this);
        network->abort();
        network->deleteLater();
    }
    releasePlace();
}

void AlmaCall::releasePlace()
{
    if (std::exchange(m_holdsPlace, false))
        SendQueue::shared().release();
}

QString AlmaCall::redacted(const QString &text) const
{
    return redactSecrets(text, m_client ? m_client->config().apiKey : QString());
}

} // namespace migdesk
