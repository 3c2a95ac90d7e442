// migdesk-cli: the headless entry point. Dispatches to registered subcommands.
#include "CliCommand.h"

#include <migdesk/Version.h>

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

namespace migdesk::cli {

std::vector<CliCommand> &commandRegistry()
{
    static std::vector<CliCommand> registry;
    return registry;
}

CliCommandRegistrar::CliCommandRegistrar(const QString &name, const QString &summary,
                                         CommandFunction run)
{
    commandRegistry().push_back({name, summary, std::move(run)});
}

} // namespace migdesk::cli

namespace {

void printUsage(QTextStream &out)
{
    using namespace migdesk::cli;
    auto commands = commandRegistry();
    std::sort(commands.begin(), commands.end(),
              [](const CliCommand &a, const CliCommand &b) { return a.name < b.name; });
    out << "Usage: migdesk-cli <command> [options]\n\n"
        << "MigDesk command-line tools: classify migrated items, run batches, serve the "
           "sandbox.\n\n"
        << "Commands:\n";
    for (const auto &command : commands)
        out << "  " << command.name.leftJustified(12) << command.summary << '\n';
    out << "\nGlobal options:\n"
        << "  --help       Show this help (or `migdesk-cli <command> --help`)\n"
        << "  --version    Show the version\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("migdesk-cli"));
    QCoreApplication::setOrganizationName(QString::fromLatin1(migdesk::kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(migdesk::kVersion));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") ||
        args.at(1) == QLatin1String("-h") || args.at(1) == QLatin1String("help")) {
        printUsage(out);
        return args.size() < 2 ? 2 : 0;
    }
    if (args.at(1) == QLatin1String("--version") || args.at(1) == QLatin1String("-v")) {
        out << "migdesk-cli " << migdesk::kVersion << '\n';
        return 0;
    }
    for (const auto &command : migdesk::cli::commandRegistry()) {
        if (command.name == args.at(1)) {
            QStringList commandArgs = args;
            commandArgs.removeAt(0);
            commandArgs[0] = QStringLiteral("migdesk-cli ") + command.name;
            return command.run(commandArgs);
        }
    }
    err << "migdesk-cli: unknown command '" << args.at(1) << "'\n\n";
    printUsage(err);
    return 2;
}
