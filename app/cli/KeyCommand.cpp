// `migdesk-cli key store|check|delete [--profile NAME]`: the API key in the system keychain,
// under the entry the settings dialog uses (SecretStore::apiKeyName), for machines without the
// desk window. `store` reads the key from standard input (never from the command line; without
// echo on a terminal) and replaces any stored one; `check` says whether one is stored without
// printing it. Exit codes: 0 done, 1 no key stored, 2 bad usage, 3 the keychain failed.
#include "CliCommand.h"
#include "CommonOptions.h"

#include "settings/SecretStore.h"

#ifdef MIGDESK_CLI_KEYCHAIN
#include "KeychainSecretStore.h"
#endif

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <memory>

#include <termios.h>
#include <unistd.h>

namespace {

using namespace migdesk;

constexpr int kNoKey = 1;
constexpr int kKeychainFailed = 3;
constexpr int kKeychainTimeoutMs = 20000;

QString tr(const char *text)
{
    return QCoreApplication::translate("KeyCommand", text);
}

// Reads one line from standard input; on a terminal with a prompt and without echo.
QString readKeyLine()
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        QTextStream(stderr) << tr("Alma API key (input hidden): ") << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        QTextStream(stderr) << '\n';
    }
    return line.trimmed();
}

// What the keychain answered to one call.
struct Answer {
    bool ok = false;
    bool notFound = false;
    QString value;
    QString error;
};

// Runs `reply` to its end, or to the timeout (then an error says so).
Answer wait(SecretReply *reply)
{
    Answer answer;
    answer.error = tr("it did not answer within %1 s").arg(kKeychainTimeoutMs / 1000);
    QObject context;
    QObject::connect(reply, &SecretReply::finished, &context, [reply, &answer] {
        answer = {reply->isOk(), reply->isNotFound(), reply->value(), reply->error()};
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(kKeychainTimeoutMs, &context, [] { QCoreApplication::exit(0); });
    QCoreApplication::exec();
    return answer;
}

int keychainFailed(const QString &error)
{
    QTextStream(stderr) << tr("key: the system keychain failed: %1").arg(error) << '\n'
                        << tr("key: install a keychain service (sudo apt install gnome-keyring) "
                              "and run this inside a desktop session, or set MIGDESK_API_KEY "
                              "for batch and bulk runs instead.")
                        << '\n';
    return kKeychainFailed;
}

// The GUI's keychain store; nullptr in a build without QtKeychain.
std::unique_ptr<SecretStore> keychainStore()
{
#ifdef MIGDESK_CLI_KEYCHAIN
    return std::make_unique<KeychainSecretStore>();
#else
    return nullptr;
#endif
}

int runKey(const QStringList &arguments)
{
    cli::CommonOptions options(QStringLiteral("key"));
    QCommandLineParser &parser = options.parser();
    parser.addOption(options.help);
    parser.addOption(options.profile);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 tr("store (reads the key from standard input), check or delete."));
    if (const auto exit = options.parse(
            arguments,
            tr("Stores, checks or deletes the Alma API key of a profile in the system keychain, "
               "where the settings dialog keeps it. The key is never taken from the command "
               "line."),
            false))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.size() == 1 ? positional.constFirst() : QString();
    if (action != QLatin1String("store") && action != QLatin1String("check") &&
        action != QLatin1String("delete"))
        return options.usageError(
            tr("give one action: store, check or delete (the key itself comes on standard "
               "input)."));
    const QString profile = parser.value(options.profile);
    const QString name = SecretStore::apiKeyName(profile);
    const std::unique_ptr<SecretStore> store = keychainStore();
    if (!store)
        return keychainFailed(tr("this build of MigDesk has no keychain support"));
    QTextStream out(stdout);
    if (action == QLatin1String("store")) {
        const QString key = readKeyLine();
        if (key.isEmpty())
            return options.usageError(tr("no key on standard input."));
        const Answer before = wait(store->readSecret(name));
        if (!before.ok && !before.notFound)
            return keychainFailed(before.error);
        const Answer written = wait(store->writeSecret(name, key));
        if (!written.ok)
            return keychainFailed(written.error);
        out << (before.ok ? tr("key: replaced the key of profile \"%1\".")
                          : tr("key: stored the key of profile \"%1\"."))
                   .arg(profile)
            << '\n';
        return 0;
    }
    if (action == QLatin1String("check")) {
        const Answer read = wait(store->readSecret(name));
        if (read.notFound || (read.ok && read.value.trimmed().isEmpty())) {
            out << tr("key: no key is stored for profile \"%1\".").arg(profile) << '\n';
            return kNoKey;
        }
        if (!read.ok)
            return keychainFailed(read.error);
        out << tr("key: a key is stored for profile \"%1\".").arg(profile) << '\n';
        return 0;
    }
    // Read first: the keychain reports deleting nothing as success.
    const Answer stored = wait(store->readSecret(name));
    if (!stored.ok && !stored.notFound)
        return keychainFailed(stored.error);
    const Answer deleted = stored.notFound ? stored : wait(store->deleteSecret(name));
    if (deleted.notFound) {
        out << tr("key: no key was stored for profile \"%1\".").arg(profile) << '\n';
        return kNoKey;
    }
    if (!deleted.ok)
        return keychainFailed(deleted.error);
    out << tr("key: deleted the key of profile \"%1\".").arg(profile) << '\n';
    return 0;
}

const migdesk::cli::CliCommandRegistrar
    registrar(QStringLiteral("key"),
              QStringLiteral("Store, check or delete the API key in the keychain"), runKey);

} // namespace
