// migdesk: the desk GUI entry point. Bootstrap only; the window and the start-up decisions live
// in ui/ (DeskLauncher, MainWindow). The command line is read before any QApplication exists, so
// --help, --version and a usage error need no display; --self-test runs without one too (on the
// offscreen platform when no display is set).
#include <migdesk/Version.h>

#include "DeskLauncher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QString::fromLatin1(migdesk::kApplicationName));
    QCoreApplication::setOrganizationName(QString::fromLatin1(migdesk::kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(migdesk::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("MigDesk: clear Alma migration items at the desk"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QObject::tr("Start on the embedded demo Alma"));
    const QCommandLineOption dataOption(
        QStringLiteral("sandbox-data"),
        QObject::tr("Start the embedded sandbox on a data set in Alma's JSON (training)"),
        QObject::tr("FILE"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"), QObject::tr("Use this settings file (INI) instead of yours"),
        QObject::tr("FILE"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QObject::tr("Check what the desk needs on this computer (icons, SQLite, keychain, audio, "
                    "Alma and TLS), one line per check; exit code 1 when a check fails"));
    parser.addOption(demoOption);
    parser.addOption(dataOption);
    parser.addOption(settingsOption);
    parser.addOption(selfTestOption);

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!parser.parse(arguments) || parser.isSet(helpOption) || parser.isSet(versionOption)) {
        // No display needed: the help, the version or the usage error, then exit.
        QCoreApplication app(argc, argv);
        parser.process(app);
        return 0;
    }
    const bool selfTest = parser.isSet(selfTestOption);
    if (selfTest && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    migdesk::LaunchOptions options;
    options.demo = parser.isSet(demoOption);
    options.sandboxDataFile = parser.value(dataOption);
    options.settingsFile = parser.value(settingsOption);
    options.selfTestOnly = selfTest;
    options.askOperator = !selfTest;
    migdesk::DeskLauncher launcher(options);
    QObject::connect(&launcher, &migdesk::DeskLauncher::failed, &app, [](const QString &message) {
        std::fprintf(stderr, "migdesk: %s\n", qUtf8Printable(message));
        QApplication::exit(1);
    });
    QObject::connect(&launcher, &migdesk::DeskLauncher::selfTested, &app,
                     [](bool passed, const QStringList &lines) {
                         for (const QString &line : lines)
                             std::printf("%s\n", qUtf8Printable(line));
                         std::printf("%s\n",
                                     passed ? qUtf8Printable(QObject::tr("self-test: passed"))
                                            : qUtf8Printable(QObject::tr("self-test: FAILED")));
                         std::fflush(stdout);
                         QApplication::exit(passed ? 0 : 1);
                     });
    launcher.start();
    return QApplication::exec();
}
