// ApiKeyLookup: see the header.
#include "settings/ApiKeyLookup.h"

#include <QCoreApplication>
#include <QTimer>

namespace migdesk {

namespace {

QString profileName(const QString &profile)
{
    return profile.trimmed().isEmpty() ? QStringLiteral("default") : profile.trimmed();
}

} // namespace

QString noApiKeyMessage(const QString &profile, const QString &keychainError)
{
    QString message =
        QCoreApplication::translate("ApiKeyLookup", "no key: set %1 or store one with the MigDesk "
                                                    "settings dialog for profile \"%2\".")
            .arg(QLatin1String(kApiKeyEnvironmentVariable), profileName(profile));
    if (!keychainError.isEmpty())
        message +=
            QLatin1Char(' ') +
            QCoreApplication::translate("ApiKeyLookup", "(The keychain: %1)").arg(keychainError);
    return message;
}

void lookUpApiKey(const QString &environmentValue, const QString &profile, SecretStore *store,
                  QObject *context, std::function<void(const ApiKeyLookupResult &)> done)
{
    if (!environmentValue.trimmed().isEmpty()) {
        ApiKeyLookupResult result;
        result.source = ApiKeyLookupResult::Source::Environment;
        result.key = environmentValue;
        QTimer::singleShot(0, context, [done, result] { done(result); });
        return;
    }
    if (!store) {
        ApiKeyLookupResult result;
        result.error = noApiKeyMessage(
            profile, QCoreApplication::translate("ApiKeyLookup", "none in this build"));
        QTimer::singleShot(0, context, [done, result] { done(result); });
        return;
    }
    SecretReply *reply = store->readSecret(SecretStore::apiKeyName(profile));
    QObject::connect(reply, &SecretReply::finished, context, [reply, profile, done] {
        ApiKeyLookupResult result;
        if (reply->isOk() && !reply->value().trimmed().isEmpty()) {
            result.source = ApiKeyLookupResult::Source::Keychain;
            result.key = reply->value();
        } else {
            // Not found, stored empty, or the keychain failed (no Secret Service, locked, ...).
            result.error = noApiKeyMessage(
                profile, reply->isOk() || reply->isNotFound() ? QString() : reply->error());
        }
        done(result);
    });
}

} // namespace migdesk
