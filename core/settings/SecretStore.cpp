// SecretStore, SecretReply and InMemorySecretStore: see the header.
#include "settings/SecretStore.h"

#include <QCoreApplication>
#include <QTimer>

namespace migdesk {

void SecretReply::finishLater(const QString &value, const QString &error, bool notFound)
{
    QTimer::singleShot(0, this, [this, value, error, notFound] {
        if (m_finished)
            return;
        m_finished = true;
        m_value = value;
        m_error = error;
        m_notFound = notFound;
        Q_EMIT finished();
        deleteLater();
    });
}

QString SecretStore::apiKeyName(const QString &profile)
{
    const QString name =
        profile.trimmed().isEmpty() ? QStringLiteral("default") : profile.trimmed();
    return QStringLiteral("alma-api-key/") + name;
}

SecretReply *InMemorySecretStore::readSecret(const QString &name)
{
    auto *reply = new SecretReply;
    if (!m_failure.isEmpty())
        reply->finishLater({}, m_failure);
    else if (!m_secrets.contains(name))
        reply->finishLater({}, {}, true);
    else
        reply->finishLater(m_secrets.value(name));
    return reply;
}

SecretReply *InMemorySecretStore::writeSecret(const QString &name, const QString &value)
{
    auto *reply = new SecretReply;
    if (!m_failure.isEmpty()) {
        reply->finishLater({}, m_failure);
    } else {
        m_secrets.insert(name, value);
        reply->finishLater({});
    }
    return reply;
}

SecretReply *InMemorySecretStore::deleteSecret(const QString &name)
{
    auto *reply = new SecretReply;
    if (!m_failure.isEmpty())
        reply->finishLater({}, m_failure);
    else if (m_secrets.remove(name) == 0)
        reply->finishLater({}, {}, true);
    else
        reply->finishLater({});
    return reply;
}

} // namespace migdesk
