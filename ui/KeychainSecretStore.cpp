// KeychainSecretStore: one QtKeychain job per call; the job's result is handed to a SecretReply.
#include "KeychainSecretStore.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace migdesk {

namespace {
QString keychainError(const QKeychain::Job *job)
{
    // The job's own text names the backend problem; it never contains the secret.
    return keychainAdvice(static_cast<int>(job->error()), job->errorString());
}

template <typename JobType>
JobType *prepare(const QString &service, const QString &name)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    return job;
}
} // namespace

QString keychainAdvice(int error, const QString &errorString)
{
    // "Unknown error" alone helps no one: say what to install or start.
    auto tr = [](const char *text) {
        return QCoreApplication::translate("KeychainSecretStore", text);
    };
    QString advice;
    switch (static_cast<QKeychain::Error>(error)) {
    case QKeychain::NoBackendAvailable:
        advice = tr("No keychain service runs on this computer. On Linux install and start one "
                    "(GNOME Keyring or KWallet, with the libsecret package), then try again.");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        advice = tr("The keychain is locked or refused MigDesk: unlock it (log in to the desktop "
                    "session again, or open the keyring manager) and try again.");
        break;
    default:
        advice = tr("Check that the keychain service (GNOME Keyring, KWallet, Windows Credential "
                    "Manager or the macOS Keychain) is installed, running and unlocked.");
        break;
    }
    return tr("The system keychain refused (%1). %2").arg(errorString, advice);
}

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{}

SecretReply *KeychainSecretStore::readSecret(const QString &name)
{
    auto *reply = new SecretReply;
    auto *job = prepare<QKeychain::ReadPasswordJob>(m_service, name);
    QObject::connect(job, &QKeychain::Job::finished, reply, [reply](QKeychain::Job *done) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(done);
        if (done->error() == QKeychain::EntryNotFound)
            reply->finishLater({}, {}, true);
        else if (done->error() != QKeychain::NoError)
            reply->finishLater({}, keychainError(done));
        else
            reply->finishLater(read->textData());
    });
    job->start();
    return reply;
}

SecretReply *KeychainSecretStore::writeSecret(const QString &name, const QString &value)
{
    auto *reply = new SecretReply;
    auto *job = prepare<QKeychain::WritePasswordJob>(m_service, name);
    job->setTextData(value);
    QObject::connect(job, &QKeychain::Job::finished, reply, [reply](QKeychain::Job *done) {
        reply->finishLater({},
                           done->error() == QKeychain::NoError ? QString() : keychainError(done));
    });
    job->start();
    return reply;
}

SecretReply *KeychainSecretStore::deleteSecret(const QString &name)
{
    auto *reply = new SecretReply;
    auto *job = prepare<QKeychain::DeletePasswordJob>(m_service, name);
    QObject::connect(job, &QKeychain::Job::finished, reply, [reply](QKeychain::Job *done) {
        if (done->error() == QKeychain::EntryNotFound)
            reply->finishLater({}, {}, true);
        else
            reply->finishLater({}, done->error() == QKeychain::NoError ? QString()
                                                                       : keychainError(done));
    });
    job->start();
    return reply;
}

} // namespace migdesk
