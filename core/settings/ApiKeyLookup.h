// ApiKeyLookup: where a headless run (migdesk-cli batch and bulk) gets the Alma API key: the
// MIGDESK_API_KEY environment variable when it is set, else the entry the settings dialog stored
// in the keychain for the profile (SecretStore::apiKeyName). Never from a command-line argument.
// The store is an interface, so tests look keys up in an InMemorySecretStore.
#pragma once

#include "settings/SecretStore.h"

#include <QObject>
#include <QString>

#include <functional>

namespace migdesk {

// The name of the environment variable that holds the key for headless runs.
inline constexpr char kApiKeyEnvironmentVariable[] = "MIGDESK_API_KEY";

struct ApiKeyLookupResult {
    enum class Source { None, Environment, Keychain };
    Source source = Source::None;
    QString key;   // the key (empty when none was found); never logged
    QString error; // translated, for the user: why there is no key; never contains a key

    bool isOk() const { return source != Source::None; }
};

// Looks the key up: `environmentValue` wins when it is not blank; otherwise `store` is read for
// `profile` (blank: "default"). `done` runs exactly once, later, from the event loop (never
// inside this call), unless `context` is destroyed first.
void lookUpApiKey(const QString &environmentValue, const QString &profile, SecretStore *store,
                  QObject *context, std::function<void(const ApiKeyLookupResult &)> done);

// "no key: set MIGDESK_API_KEY or store one with the MigDesk settings dialog for profile X."
// plus, when the keychain could not be read, what it said.
QString noApiKeyMessage(const QString &profile, const QString &keychainError = {});

} // namespace migdesk
