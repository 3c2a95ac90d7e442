// DeskLauncher: how the desk starts. Decides between the embedded demo sandbox (--demo, no
// Alma configured at all, or --sandbox-data FILE) and the configured Alma, builds the DeskStack,
// shows the MainWindow and runs the self-check (SelfCheck) on it. Once an Alma is configured it
// never falls back to the demo: without a key (none stored, or no keychain service) the window
// opens on that Alma and the self-check banner says what is wrong and how to fix it. With
// `selfTestOnly` (migdesk --self-test) it builds the same stack, runs the checks and reports them
// instead of showing a window. All asynchronous: the key is read without a nested event loop.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace migdesk {

class DeskStack;
class MainWindow;
class SecretStore;
class Settings;
namespace sandbox {
class SandboxServer;
}

struct LaunchOptions {
    bool demo = false;
    QString sandboxDataFile; // the sandbox's --data format
    QString settingsFile;    // an INI file instead of the user's settings
    bool selfTestOnly = false;
    bool askOperator = false; // ask who is at the desk once the window is up (the app does)
    SecretStore *secretStore = nullptr; // used instead of the system keychain when set (tests)
};

class DeskLauncher : public QObject {
    Q_OBJECT
public:
    explicit DeskLauncher(LaunchOptions options, QObject *parent = nullptr);
    ~DeskLauncher() override;

    // Starts; `failed` is emitted with a message when nothing could be shown.
    void start();
    MainWindow *window() const { return m_window.get(); }

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    // selfTestOnly: the checks are done; one line per check (SelfCheck::line), in order.
    void selfTested(bool passed, const QStringList &lines);

private:
    void startSandbox(const QString &notice);
    void startAlma(const QString &apiKey, const QString &keyProblem);
    void showWindow(const QString &notice);
    void runSelfTest();

    LaunchOptions m_options;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_ownedSecrets;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<DeskStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace migdesk
