// migdesk: the desk GUI entry point. Bootstrap only; the window lives in ui/.
#include <migdesk/Version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>

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
    parser.addOption(demoOption);
    parser.process(app);

    QLabel placeholder(QObject::tr("MigDesk %1").arg(QApplication::applicationVersion()));
    placeholder.show();
    return QApplication::exec();
}
