// CommonOptions: the command-line steps `migdesk-cli batch`, `bulk` and `find-items` share: the
// refusal of a key on the command line, parsing and --help, the one positional file, --mode, the
// Alma target (--alma-url or --region), the API key (MIGDESK_API_KEY, else the keychain entry of
// --profile), TLS trust and proxy (--ca-file, --proxy), and the --journal/--report paths. Each step
// prints its usage error ("<command>: <message>" plus where the help is) and the command returns
// kBadUsage, so every command words and numbers its errors alike.
#pragma once

#include "alma/AlmaClient.h"
#include "planning/Plan.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace migdesk::cli {

// The exit code of every bad usage.
inline constexpr int kBadUsage = 2;

class CommonOptions {
public:
    // `command`: the subcommand's name ("batch"); it prefixes errors and names the default journal.
    explicit CommonOptions(QString command);

    // The command adds these (with its own options, in the order its help lists them).
    const QCommandLineOption help;
    const QCommandLineOption almaUrl;
    const QCommandLineOption region;
    const QCommandLineOption journal;
    const QCommandLineOption report;
    // --ca-file FILE (an extra trusted CA, PEM) and --proxy system|none|HOST:PORT.
    const QCommandLineOption caFile;
    const QCommandLineOption proxy;
    // --operator NAME: who runs the command, recorded with every journal record.
    const QCommandLineOption operatorName;
    // --stamp-note FIELD: the note field of MigDesk's resolution stamp (default: no stamp).
    const QCommandLineOption stampNote;
    // Added by parse() for a command that reads the API key.
    const QCommandLineOption profile;
    // --mode with the command's default and description.
    static QCommandLineOption modeOption(const QString &description, const QString &defaultMode);

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }

    // Prints "<command>: <message>" and the pointer to --help on stderr; returns kBadUsage.
    int usageError(const QString &message) const;

    // For a command that `readsApiKey`, first refuses any --api-key/--apikey/--key argument (so
    // even a call that is wrong in other ways names the key first), adds --profile and the API key
    // sentence to the description. Then parses `arguments` and prints the help for -h/--help.
    // Returns the exit code (2, or 0 after the help) when the command must end here.
    std::optional<int> parse(const QStringList &arguments, const QString &description,
                             bool readsApiKey);

    // The single positional argument, or (after a usage error) nothing. `name` is the one the
    // command's help uses for it ("BARCODES_FILE").
    std::optional<QString> onePositional(const QString &name) const;
    // The work mode --mode names, or (after a usage error) nothing.
    std::optional<WorkMode> workMode(const QCommandLineOption &mode) const;
    // The Alma base URL from exactly one of --alma-url and --region, or (after a usage error)
    // nothing.
    std::optional<QUrl> almaBaseUrl() const;
    // The API key from MIGDESK_API_KEY, else from the keychain entry the settings dialog stored
    // for --profile (default "default", the GUI's default profile), or (after a usage error
    // naming both places) nothing. Reading the keychain runs the application's event loop until
    // the keychain answers: call it before the command's own QCoreApplication::exec().
    std::optional<QString> apiKey() const;

    // Puts --ca-file and --proxy into `config`; false (after a usage error naming the file or
    // the proxy) when the CA file cannot be used or the proxy is not system, none or HOST:PORT.
    bool network(AlmaConfig &config) const;
    // The connection without its key: almaBaseUrl() and network() in one config, or (after a
    // usage error) nothing. The key comes later, from apiKey().
    std::optional<AlmaConfig> almaConnection() const;

    // --operator (trimmed), else the OS login name; nothing (after a usage error) when --operator
    // is given empty.
    std::optional<QString> operatorValue() const;
    // --stamp-note (empty when not given), or nothing after a usage error naming the fields.
    // Warns on stderr for fulfillment_note (staff see it at the desk).
    std::optional<QString> stampField() const;

    // --journal, or the command's journal in the user's data folder.
    QString journalPath() const;
    // --report when given and not empty, else `fallback`.
    QString reportPath(const QString &fallback) const;

private:
    std::optional<int> rejectKeyArguments(const QStringList &arguments) const;

    QString m_command;
    QCommandLineParser m_parser;
};

} // namespace migdesk::cli
