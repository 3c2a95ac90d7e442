// KeychainSecretStore: the SecretStore of the desktop app, backed by the system keychain through
// QtKeychain with the insecure (plain file) fallback switched off: without a keychain the key is
// not stored, and the settings dialog says so.
#pragma once

#include "settings/SecretStore.h"

namespace migdesk {

// The staff message for a keychain failure: the backend's own words (`errorString`) and what to
// install, start or unlock, by QtKeychain's error code.
QString keychainAdvice(int error, const QString &errorString);

class KeychainSecretStore : public SecretStore {
public:
    // `service`: the keychain service name entries are filed under.
    explicit KeychainSecretStore(QString service = QStringLiteral("MigDesk"));

    SecretReply *readSecret(const QString &name) override;
    SecretReply *writeSecret(const QString &name, const QString &value) override;
    SecretReply *deleteSecret(const QString &name) override;

private:
    QString m_service;
};

} // namespace migdesk
