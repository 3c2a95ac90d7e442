// DeskLauncher: the bootstrap of app/gui/main.cpp, kept in ui/ so it is tested too.
#include "DeskLauncher.h"

#include "DeskStack.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "SelfCheck.h"
#include "alma/Region.h"
#include "settings/Settings.h"

#include <SandboxServer.h>

#include <QDir>
#include <QStandardPaths>
#include <QTimer>

namespace migdesk {

DeskLauncher::DeskLauncher(LaunchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

DeskLauncher::~DeskLauncher()
{
    m_window.reset();
    m_stack.reset();
    m_sandbox.reset();
}

void DeskLauncher::start()
{
    m_settings = m_options.settingsFile.isEmpty()
                     ? std::make_unique<Settings>()
                     : std::make_unique<Settings>(m_options.settingsFile);
    if (m_options.secretStore) {
        m_secrets = m_options.secretStore;
    } else {
        m_ownedSecrets = std::make_unique<KeychainSecretStore>();
        m_secrets = m_ownedSecrets.get();
    }
    if (m_options.demo || !m_options.sandboxDataFile.isEmpty()) {
        startSandbox({});
        return;
    }
    if (m_settings->library().isEmpty()) {
        startSandbox(tr("No Alma configured yet: this is the demo. Settings: Ctrl+,"));
        return;
    }
    SecretReply *reply = m_secrets->readSecret(SecretStore::apiKeyName(m_settings->profile()));
    connect(reply, &SecretReply::finished, this, [this, reply] {
        // A configured Alma stays the Alma: without a key the self-check banner says why.
        if (reply->isOk() && !reply->value().trimmed().isEmpty())
            startAlma(reply->value(), {});
        else if (reply->isOk() || reply->isNotFound())
            startAlma(
                {}, tr("no API key is stored for the profile \"%1\".").arg(m_settings->profile()));
        else
            startAlma({}, tr("the keychain could not be read (%1).").arg(reply->error()));
    });
}

void DeskLauncher::startSandbox(const QString &notice)
{
    sandbox::SandboxOptions options;
    m_sandbox = std::make_unique<sandbox::SandboxServer>(options);
    if (!m_sandbox->listen(QHostAddress::LocalHost, 0)) {
        Q_EMIT failed(tr("The demo Alma could not start on this computer."));
        return;
    }
    DeskConnection connection;
    connection.baseUrl = m_sandbox->baseUrl();
    connection.apiKey = options.apiKey;
    connection.sandbox = true;
    connection.rateLimit = 25;
    if (!m_options.sandboxDataFile.isEmpty()) {
        QString error;
        if (!m_sandbox->loadDataFile(m_options.sandboxDataFile, &error)) {
            Q_EMIT failed(tr("The sandbox data could not be loaded: %1").arg(error));
            return;
        }
        connection.library =
            m_settings->library().isEmpty() ? QStringLiteral("MAIN") : m_settings->library();
        connection.circDesk = m_settings->circDesk().isEmpty() ? QStringLiteral("DEFAULT_CIRC_DESK")
                                                               : m_settings->circDesk();
    } else {
        m_sandbox->loadDemo();
        connection.library = QStringLiteral("MAIN");
        connection.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
    }
    m_stack = std::make_unique<DeskStack>(*m_settings, connection);
    showWindow(notice);
}

void DeskLauncher::startAlma(const QString &apiKey, const QString &keyProblem)
{
    DeskConnection connection;
    if (m_settings->region() == QLatin1String("custom")) {
        connection.baseUrl = QUrl(m_settings->customUrl());
    } else if (const auto region = regionFromName(m_settings->region())) {
        connection.baseUrl = regionBaseUrl(*region);
    }
    connection.apiKey = apiKey;
    connection.keyProblem = keyProblem;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    connection.journalPath =
        QDir(dataDir).filePath(m_settings->profile() + QStringLiteral(".journal"));
    m_stack = std::make_unique<DeskStack>(*m_settings, connection);
    showWindow({});
}

void DeskLauncher::showWindow(const QString &notice)
{
    if (m_options.selfTestOnly) {
        runSelfTest();
        return;
    }
    std::vector<DemoBarcode> examples;
    if (m_sandbox) {
        for (const sandbox::DemoExample &example : m_sandbox->demoExamples())
            examples.push_back({example.barcode, example.scenario});
    }
    m_window = std::make_unique<MainWindow>(m_stack.get(), m_settings.get(), m_secrets, examples);
    m_window->resize(1366, 768);
    m_window->show();
    if (!notice.isEmpty())
        m_window->showNotice(notice);
    // After the window is up: the check never delays the first scan.
    MainWindow *window = m_window.get();
    QTimer::singleShot(0, window, [window] { window->runSelfCheck(false); });
    if (m_options.askOperator)
        QTimer::singleShot(0, window, [window] { window->changeOperator(); });
    Q_EMIT ready();
}

void DeskLauncher::runSelfTest()
{
    SelfCheckAlma alma;
    alma.client = m_stack->client();
    alma.sandbox = m_stack->connection().sandbox;
    alma.keyProblem = m_stack->connection().keyProblem;
    auto *check = new SelfCheck(m_secrets, alma, this);
    connect(check, &SelfCheck::finished, this, [this, check] {
        QStringList lines;
        for (const CheckResult &result : check->results())
            lines << SelfCheck::line(result);
        check->deleteLater();
        Q_EMIT selfTested(check->passed(), lines);
    });
    check->start();
}

} // namespace migdesk
