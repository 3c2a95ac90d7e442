// `migdesk-cli classify`: JSON Lines of Alma items on stdin, one JSON line per item on stdout
// with the legacy statuses found and the plan. A bad line gives an error object and the run
// goes on; the exit code is 1 when any line failed. `--reader full` skips the lean reader
// (for comparison; the output is the same).
#include "CliCommand.h"

#include "legacy/NoteParser.h"
#include "planning/Classify.h"
#include "planning/Planner.h"
#include "planning/Rules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

int runClassify(const QStringList &arguments)
{
    using namespace migdesk;
    QCommandLineParser cli;
    cli.setApplicationDescription(QCoreApplication::translate(
        "Classify", "Reads Alma items as JSON Lines on stdin and writes, per line, the legacy "
                    "statuses found in the migration notes and the plan to resolve them."));
    cli.addHelpOption();
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        QCoreApplication::translate("Classify", "desk (item in hand, default) or followup."),
        QStringLiteral("mode"), QStringLiteral("desk"));
    const QCommandLineOption sourceOption(
        QStringLiteral("source"),
        QCoreApplication::translate("Classify",
                                    "Source ILS: auto (default), voyager, sierra, koha, symphony."),
        QStringLiteral("ils"), QStringLiteral("auto"));
    const QCommandLineOption rulesOption(
        QStringLiteral("rules"),
        QCoreApplication::translate("Classify", "Rules file (default: the shipped rules)."),
        QStringLiteral("file"));
    const QCommandLineOption readerOption(
        QStringLiteral("reader"),
        QCoreApplication::translate(
            "Classify", "lean (default: simdjson, only the fields classify reads) or full (the "
                        "whole record with nlohmann/json); both give the same output."),
        QStringLiteral("reader"), QStringLiteral("lean"));
    cli.addOptions({modeOption, sourceOption, rulesOption, readerOption});
    cli.process(arguments);

    QTextStream err(stderr);
    const auto mode = workModeFromName(cli.value(modeOption));
    if (!mode) {
        err << QCoreApplication::translate("Classify", "classify: unknown mode \"%1\"")
                   .arg(cli.value(modeOption))
            << '\n';
        return 2;
    }
    const auto source = sourceIlsFromName(cli.value(sourceOption));
    if (!source) {
        err << QCoreApplication::translate("Classify", "classify: unknown source ILS \"%1\"")
                   .arg(cli.value(sourceOption))
            << '\n';
        return 2;
    }
    const QString reader = cli.value(readerOption);
    if (reader != QLatin1String("lean") && reader != QLatin1String("full")) {
        err << QCoreApplication::translate("Classify", "classify: unknown reader \"%1\"")
                   .arg(reader)
            << '\n';
        return 2;
    }
    const bool lean = reader == QLatin1String("lean");
    const RulesLoad rules = loadRulesOrDefaults(cli.value(rulesOption));
    if (!rules.warning.isEmpty())
        err << "classify: " << rules.warning << '\n';
    err.flush();

    const Classifier classifier(NoteParser(*source), Planner(rules.rules), *mode);
    std::ios::sync_with_stdio(false);
    std::string line;
    std::string out;
    out.reserve(1 << 16);
    long long lineNumber = 0;
    bool anyFailed = false;
    while (std::getline(std::cin, line)) {
        ++lineNumber;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        const ClassifyResult result = lean ? classifier.classifyLine(line, lineNumber)
                                           : classifier.classifyLineFull(line, lineNumber);
        anyFailed = anyFailed || !result.ok;
        out += result.toJsonLine();
        out += '\n';
        if (out.size() > (1 << 16) - 4096) {
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    return anyFailed ? 1 : 0;
}

const migdesk::cli::CliCommandRegistrar
    registrar(QStringLiteral("classify"),
              QStringLiteral("Read Alma items (JSON Lines) and print legacy statuses and plans"),
              runClassify);

} // namespace
