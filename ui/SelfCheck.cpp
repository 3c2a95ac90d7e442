// SelfCheck: runs the checks (SelfCheckItems.cpp holds each one) and collects their results.
#include "SelfCheck.h"

#include "SelfCheckItems.h"
#include "alma/AlmaClient.h"
#include "settings/SecretStore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

namespace migdesk {

namespace {

const QStringList &checkOrder()
{
    static const QStringList order{QStringLiteral("icons"),    QStringLiteral("sqlite"),
                                   QStringLiteral("keychain"), QStringLiteral("audio"),
                                   QStringLiteral("alma"),     QStringLiteral("tls")};
    return order;
}

// The entry probed to see whether the keychain answers; never holds anything.
QString probeName()
{
    return QStringLiteral("migdesk-self-test-probe");
}

} // namespace

SelfCheck::SelfCheck(SecretStore *secrets, SelfCheckAlma alma, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_alma(std::move(alma))
{}

void SelfCheck::start()
{
    if (m_started)
        return;
    m_started = true;
    m_results.clear();
    for (const QString &id : checkOrder())
        m_results.push_back(selfcheck::notAnswered(id, m_timeoutMs));
    set(checkIcons());
    set(checkSqlite());
    set(checkAudio());
    m_pending = 1; // released below, so that finished() never comes from inside start()
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SelfCheck::timedOut);
    m_timer->start(m_timeoutMs);
    startKeychain();
    startAlma();
    QTimer::singleShot(0, this, &SelfCheck::done);
}

std::vector<CheckResult> SelfCheck::results() const
{
    return m_results;
}

bool SelfCheck::passed() const
{
    return std::none_of(m_results.begin(), m_results.end(), [](const CheckResult &result) {
        return result.status == CheckStatus::Failed;
    });
}

QString SelfCheck::line(const CheckResult &result)
{
    const QString status = result.status == CheckStatus::Ok        ? tr("ok")
                           : result.status == CheckStatus::Warning ? tr("warning")
                                                                   : tr("FAILED");
    QString text = status.leftJustified(9) + result.title + QStringLiteral(": ") + result.detail;
    if (!result.fix.isEmpty())
        text += QLatin1Char(' ') + tr("Fix: %1").arg(result.fix);
    return text;
}

CheckResult SelfCheck::checkIcons()
{
    return selfcheck::icons();
}

CheckResult SelfCheck::checkSqlite()
{
    return selfcheck::sqlite();
}

CheckResult SelfCheck::checkAudio()
{
    return selfcheck::audio();
}

void SelfCheck::startKeychain()
{
    if (!m_secrets) {
        set(selfcheck::keychain(false, tr("this build has no keychain support")));
        return;
    }
    ++m_pending;
    SecretReply *reply = m_secrets->readSecret(probeName());
    connect(reply, &SecretReply::finished, this, [this, reply] {
        // Not found is an answer: the service is there and unlocked.
        set(selfcheck::keychain(reply->isOk() || reply->isNotFound(), reply->error()));
        done();
    });
}

void SelfCheck::startAlma()
{
    if (!m_alma.client || !m_alma.keyProblem.isEmpty()) {
        const auto [alma, tls] = selfcheck::almaWithoutCall(m_alma);
        set(alma);
        set(tls);
        return;
    }
    ++m_pending;
    // TLS errors the network saw for this check's call: they tell a trust problem from others.
    connect(m_alma.client->network(), &QNetworkAccessManager::sslErrors, this,
            [this](QNetworkReply *, const QList<QSslError> &errors) {
                for (const QSslError &error : errors)
                    m_tlsErrors << error.errorString();
            });
    JsonReply *reply = m_alma.client->testKey(false);
    connect(reply, &AlmaReply::finished, this, [this, reply] {
        const auto [alma, tls] =
            selfcheck::almaAnswer(m_alma, reply->isOk(), reply->error(), m_tlsErrors);
        set(alma);
        set(tls);
        done();
    });
}

void SelfCheck::set(const CheckResult &result)
{
    for (CheckResult &slot : m_results) {
        if (slot.id == result.id)
            slot = result;
    }
}

void SelfCheck::done()
{
    if (m_pending > 0)
        --m_pending;
    if (m_pending > 0 || m_emitted)
        return;
    m_emitted = true;
    if (m_timer)
        m_timer->stop();
    Q_EMIT finished();
}

void SelfCheck::timedOut()
{
    // What has not answered keeps its "did not answer" result.
    m_pending = 0;
    if (!m_emitted) {
        m_emitted = true;
        Q_EMIT finished();
    }
}

} // namespace migdesk
