// DeskLauncher: how the desk starts. Decides between the embedded demo sandbox (--demo, no
// configuration at all, no stored key, or --sandbox-data FILE) and the configured Alma, builds
// the DeskStack and shows the MainWindow. All asynchronous: the key is read from the keychain
// without a nested event loop.
#pragma once

#include <QObject>
#include <QString>

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

private:
    void startSandbox(const QString &notice);
    void startAlma(const QString &apiKey);
    void showWindow(const QString &notice);

    LaunchOptions m_options;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<DeskStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace migdesk
