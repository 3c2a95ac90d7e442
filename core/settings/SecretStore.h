// SecretStore: where the Alma API key lives. An interface with asynchronous job replies, so the
// real store (the system keychain through QtKeychain, in ui/) and the in-memory fake used by
// tests and the sandbox demo behave alike. The key never goes to QSettings, logs or URLs.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace migdesk {

// One read, write or delete. Emits finished() exactly once, later (never from inside the call
// that created it), then deletes itself.
class SecretReply : public QObject {
    Q_OBJECT
public:
    explicit SecretReply(QObject *parent = nullptr)
        : QObject(parent)
    {}

    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && m_error.isEmpty() && !m_notFound; }
    bool isNotFound() const { return m_notFound; }
    QString value() const { return m_value; } // the secret (read only)
    QString error() const { return m_error; } // translated; never contains the secret

    // For implementations: records the result and emits finished() on the next event loop turn.
    void finishLater(const QString &value, const QString &error = {}, bool notFound = false);

Q_SIGNALS:
    void finished();

private:
    bool m_finished = false;
    bool m_notFound = false;
    QString m_value;
    QString m_error;
};

class SecretStore {
public:
    virtual ~SecretStore() = default;
    virtual SecretReply *readSecret(const QString &name) = 0;
    virtual SecretReply *writeSecret(const QString &name, const QString &value) = 0;
    virtual SecretReply *deleteSecret(const QString &name) = 0;

    // The name the API key of an Alma profile is stored under ("alma-api-key/<profile>").
    static QString apiKeyName(const QString &profile);
};

// Keeps secrets in memory only: tests, the embedded sandbox demo, and the CLI's environment key.
class InMemorySecretStore : public SecretStore {
public:
    SecretReply *readSecret(const QString &name) override;
    SecretReply *writeSecret(const QString &name, const QString &value) override;
    SecretReply *deleteSecret(const QString &name) override;

    bool contains(const QString &name) const { return m_secrets.contains(name); }
    // Makes every following call fail with `error` (empty: work again), to test error paths.
    void setFailure(const QString &error) { m_failure = error; }

private:
    QHash<QString, QString> m_secrets;
    QString m_failure;
};

} // namespace migdesk
