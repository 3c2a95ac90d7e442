// The state machine behind one AlmaClient call: rate-limit wait, send, same-origin redirect,
// retries with backoff (GETs and 429s only), transfer timeout and hard deadline, and the rule
// that a write whose reply was lost is reported as Ambiguous, never resent.
#pragma once

#include "alma/AlmaClient.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

class QNetworkReply;

namespace migdesk {

class AlmaCall : public QObject {
    Q_OBJECT
public:
    // Lives as a child of `reply`; starts on the next event-loop turn.
    AlmaCall(AlmaClient *client, AlmaReply *reply, AlmaRequestSpec spec);
    ~AlmaCall() override;

    // Finishes `reply` with `error` on the next event-loop turn, without any network traffic.
    static void refuse(AlmaReply *reply, const ApiError &error);

    // Called by SendQueue when this call's turn came, with a started RateLimiter place that
    // the call holds until its request ends.
    void sendNow();

private:
    enum class Wait { None, Backoff, Token };

    void start();
    void scheduleSend(qint64 backoffMs);
    void takeTokenAndSend();
    void onWaitOver();
    void send();
    void onNetworkFinished();
    void onDeadline();
    void followRedirect(const QByteArray &location);
    void retryOrFail(const ApiError &error, qint64 minimumDelayMs = 0);
    qint64 backoffMs() const;
    ApiError budgetError() const;
    void succeed(int httpStatus, const QByteArray &body);
    void fail(ApiError error);
    void dropNetworkReply();
    void releasePlace();
    QString redacted(const QString &text) const;

    QPointer<AlmaClient> m_client;
    AlmaReply *m_reply;
    AlmaRequestSpec m_spec;
    QUrl m_url;
    QByteArray m_method;
    bool m_redirected = false;
    int m_retries = 0;
    int m_timesSent = 0; // QNetworkReply::requestSent() count of the current attempt
#if QT_CONFIG(ssl)
    QList<QSslError> m_sslErrors; // why the current attempt's server was refused
#endif
    bool m_done = false;
    Wait m_waiting = Wait::None;
    bool m_holdsPlace = false; // a RateLimiter in-flight place, from sendNow() to the end
    QElapsedTimer m_started;
    QTimer m_deadline;
    QTimer m_wait;
    QPointer<QNetworkReply> m_network;
};

} // namespace migdesk
