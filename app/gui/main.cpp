// migdesk: the desk GUI entry point. Bootstrap only; the window and the start-up decisions live
// in ui/ (DeskLauncher, MainWindow).
#include <migdesk/Version.h>

#include "DeskLauncher.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(migdesk::kApplicationName));
    QApplication::setOrganizationName(QString::fromLatin1(migdesk::kOrganizationName));
    QApplication::setApplicationVersion(QString::fromLatin1(migdesk::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("MigDesk: clear Alma migration items at the desk"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QObject::tr("Start on the embedded demo Alma"));
    const QCommandLineOption dataOption(
        QStringLiteral("sandbox-data"),
        QObject::tr("Start the embedded sandbox on a data set in Alma's JSON (training)"),
        QObject::tr("FILE"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"), QObject::tr("Use this settings file (INI) instead of yours"),
        QObject::tr("FILE"));
    parser.addOption(demoOption);
    parser.addOption(dataOption);
    parser.addOption(settingsOption);
    parser.process(app);

    migdesk::LaunchOptions options;
    options.demo = parser.isSet(demoOption);
    options.sandboxDataFile = parser.value(dataOption);
    options.settingsFile = parser.value(settingsOption);
    migdesk::DeskLauncher launcher(options);
    QObject::connect(&launcher, &migdesk::DeskLauncher::failed, &app, [](const QString &message) {
        std::fprintf(stderr, "migdesk: %s\n", qUtf8Printable(message));
        QApplication::exit(1);
    });
    launcher.start();
    return QApplication::exec();
}
