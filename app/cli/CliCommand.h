// A registry of migdesk-cli subcommands. Each subcommand lives in its own file and registers
// itself with a static CliCommandRegistrar, so adding one never touches main.cpp.
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace migdesk::cli {

// Runs a subcommand. `arguments` starts with the program name followed by the subcommand
// name, the shape QCommandLineParser::process() expects. Returns the process exit code.
using CommandFunction = std::function<int(const QStringList &arguments)>;

struct CliCommand {
    QString name;
    QString summary;
    CommandFunction run;
};

std::vector<CliCommand> &commandRegistry();

struct CliCommandRegistrar {
    CliCommandRegistrar(const QString &name, const QString &summary, CommandFunction run);
};

} // namespace migdesk::cli
