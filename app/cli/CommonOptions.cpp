// CommonOptions: see the header.
#include "CommonOptions.h"

#include "alma/Region.h"
#include "alma/TlsTrust.h"
#include "journal/Journal.h"
#include "planning/Stamp.h"
#include "settings/ApiKeyLookup.h"
#include "settings/Settings.h"

#ifdef MIGDESK_CLI_KEYCHAIN
#include "KeychainSecretStore.h"
#endif

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace migdesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommonOptions", text);
}

// How long the keychain may take to answer (a locked keychain may wait for a prompt no one sees).
constexpr int kKeychainTimeoutMs = 20000;

// The system keychain through QtKeychain (the GUI's own store, same service and entry names);
// nullptr in a build without QtKeychain.
std::unique_ptr<SecretStore> keychainStore()
{
#ifdef MIGDESK_CLI_KEYCHAIN
    return std::make_unique<KeychainSecretStore>();
#else
    return nullptr;
#endif
}

} // namespace

CommonOptions::CommonOptions(QString command)
    : help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."))
    , almaUrl(QStringLiteral("alma-url"),
              tr("Alma base URL (https, or http://127.0.0.1:PORT for the sandbox)."),
              QStringLiteral("url"))
    , region(QStringLiteral("region"), tr("Alma region: na, eu, ap, aps, ca or cn."),
             QStringLiteral("region"))
    , journal(QStringLiteral("journal"),
              tr("Journal file (default: the %1 journal in the user's data folder).").arg(command),
              QStringLiteral("file"))
    , report(QStringLiteral("report"), tr("Report CSV (default: BARCODES_FILE.report.csv)."),
             QStringLiteral("file"))
    , caFile(QStringLiteral("ca-file"),
             tr("A PEM file of CA certificates to trust besides the system's, for a network "
                "that re-signs TLS."),
             QStringLiteral("file"))
    , proxy(QStringLiteral("proxy"),
            tr("system (default: https_proxy, no_proxy), none, or HOST:PORT of an HTTP proxy."),
            QStringLiteral("proxy"), QStringLiteral("system"))
    , operatorName(QStringLiteral("operator"),
                   tr("Who runs this, as the journal and its exports name them (default: the "
                      "login name)."),
                   QStringLiteral("name"))
    , stampNote(QStringLiteral("stamp-note"),
                tr("Append MigDesk's resolution stamp to this note of every item fixed: "
                   "internal_note_2, statistics_note_1..3 or fulfillment_note."),
                QStringLiteral("field"))
    , profile(QStringLiteral("profile"),
              tr("The MigDesk profile whose keychain entry (stored by the settings dialog) holds "
                 "the API key when MIGDESK_API_KEY is not set (default: default)."),
              QStringLiteral("name"), QStringLiteral("default"))
    , m_command(std::move(command))
{}

QCommandLineOption CommonOptions::modeOption(const QString &description, const QString &defaultMode)
{
    return QCommandLineOption(QStringLiteral("mode"), description, QStringLiteral("mode"),
                              defaultMode);
}

bool CommonOptions::network(AlmaConfig &config) const
{
    QString problem;
    const auto choice = ProxyChoice::fromText(m_parser.value(proxy), &problem);
    if (!choice) {
        usageError(tr("--proxy: %1.").arg(problem));
        return false;
    }
    config.proxy = *choice;
    config.caFile = m_parser.value(caFile);
#if QT_CONFIG(ssl)
    if (!config.caFile.isEmpty()) {
        const auto loaded = loadCaFile(config.caFile);
        if (!loaded.isOk()) {
            usageError(loaded.error().message);
            return false;
        }
    }
#endif
    return true;
}

int CommonOptions::usageError(const QString &message) const
{
    QTextStream(stderr) << m_command << ": " << message << '\n'
                        << tr("Run `migdesk-cli %1 --help` for the options.").arg(m_command)
                        << '\n';
    return kBadUsage;
}

std::optional<int> CommonOptions::rejectKeyArguments(const QStringList &arguments) const
{
    for (const auto &argument : arguments) {
        const QString lower = argument.toLower();
        if (lower.startsWith(QLatin1String("--api-key")) ||
            lower.startsWith(QLatin1String("--apikey")) || lower.startsWith(QLatin1String("--key")))
            return usageError(tr("the API key is never taken from the command line; set "
                                 "MIGDESK_API_KEY in the environment."));
    }
    return std::nullopt;
}

std::optional<int> CommonOptions::parse(const QStringList &arguments, const QString &description,
                                        bool readsApiKey)
{
    if (readsApiKey) {
        if (const auto exit = rejectKeyArguments(arguments))
            return exit;
        m_parser.addOption(profile);
        m_parser.setApplicationDescription(
            description + QLatin1Char(' ') +
            tr("The API key is read from MIGDESK_API_KEY, or else from the keychain entry of "
               "--profile."));
    } else {
        m_parser.setApplicationDescription(description);
    }
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(help)) {
        QTextStream(stdout) << m_parser.helpText();
        return 0;
    }
    return std::nullopt;
}

std::optional<QString> CommonOptions::onePositional(const QString &name) const
{
    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() != 1) {
        usageError(tr("give exactly one %1.").arg(name));
        return std::nullopt;
    }
    return positional.constFirst();
}

std::optional<WorkMode> CommonOptions::workMode(const QCommandLineOption &mode) const
{
    const auto parsed = workModeFromName(m_parser.value(mode));
    if (!parsed)
        usageError(tr("unknown mode \"%1\" (desk or followup).").arg(m_parser.value(mode)));
    return parsed;
}

std::optional<QUrl> CommonOptions::almaBaseUrl() const
{
    if (m_parser.isSet(almaUrl) == m_parser.isSet(region)) {
        usageError(tr("give either --alma-url or --region."));
        return std::nullopt;
    }
    if (m_parser.isSet(region)) {
        const auto parsed = regionFromName(m_parser.value(region));
        if (!parsed) {
            usageError(tr("unknown region \"%1\".").arg(m_parser.value(region)));
            return std::nullopt;
        }
        return regionBaseUrl(*parsed);
    }
    const QUrl url(m_parser.value(almaUrl), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        usageError(tr("--alma-url is not a valid URL."));
        return std::nullopt;
    }
    return url;
}

std::optional<AlmaConfig> CommonOptions::almaConnection() const
{
    AlmaConfig config;
    const auto baseUrl = almaBaseUrl();
    if (!baseUrl)
        return std::nullopt;
    config.baseUrl = *baseUrl;
    if (!network(config))
        return std::nullopt;
    return config;
}

std::optional<QString> CommonOptions::apiKey() const
{
    const std::unique_ptr<SecretStore> store = keychainStore();
    const QString profileName = m_parser.value(profile);
    ApiKeyLookupResult found;
    found.error = noApiKeyMessage(profileName, tr("it did not answer"));
    QObject context;
    lookUpApiKey(qEnvironmentVariable(kApiKeyEnvironmentVariable), profileName, store.get(),
                 &context, [&found](const ApiKeyLookupResult &result) {
                     found = result;
                     QCoreApplication::exit(0);
                 });
    QTimer::singleShot(kKeychainTimeoutMs, &context, [] { QCoreApplication::exit(0); });
    // Sequential, not nested: commands call this before their own exec().
    QCoreApplication::exec();
    if (!found.isOk()) {
        usageError(found.error);
        return std::nullopt;
    }
    return found.key;
}

std::optional<QString> CommonOptions::operatorValue() const
{
    if (!m_parser.isSet(operatorName))
        return Settings::loginName();
    const QString name = m_parser.value(operatorName).trimmed();
    if (name.isEmpty()) {
        usageError(tr("--operator needs a name or initials."));
        return std::nullopt;
    }
    return name;
}

std::optional<QString> CommonOptions::stampField() const
{
    if (!m_parser.isSet(stampNote))
        return QString();
    const QString field = m_parser.value(stampNote).trimmed().toLower();
    if (!stampNoteFields().contains(field)) {
        usageError(tr("--stamp-note must be one of %1.")
                       .arg(stampNoteFields().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (stampFieldIsSeenAtTheDesk(field))
        QTextStream(stderr) << tr("Note: the fulfillment note is shown to staff at the desk "
                                  "whenever the item circulates; the stamp will show there too.")
                            << '\n';
    return field;
}

QString CommonOptions::journalPath() const
{
    return m_parser.isSet(journal) ? m_parser.value(journal) : Journal::defaultPath(m_command);
}

QString CommonOptions::reportPath(const QString &fallback) const
{
    const QString path = m_parser.value(report);
    return path.isEmpty() ? fallback : path;
}

} // namespace migdesk::cli
