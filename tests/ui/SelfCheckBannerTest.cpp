// The self-check on the desk window: at start, a configured Alma without a key (no keychain
// service, or none stored) stays that Alma and the banner says what is wrong and how to fix it,
// without taking the scan field's focus; Help > Check this computer shows every result;
// `selfTestOnly` reports the checks instead of showing a window.
#include "DeskFixture.h"

#include "DemoBanner.h"
#include "DeskLauncher.h"
#include "SelfCheckBanner.h"

#include <QAction>
#include <QMenuBar>
#include <QSignalSpy>

namespace migdesk::test {

namespace {

QString configuredAlma(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("configured.ini"));
    Settings settings(path);
    settings.setRegion(QStringLiteral("eu"));
    settings.setLibrary(QStringLiteral("MAIN"));
    settings.setCircDesk(QStringLiteral("DEFAULT_CIRC_DESK"));
    settings.setProfile(QStringLiteral("branch"));
    settings.setSoundsEnabled(false);
    return path;
}

// Starts the launcher and waits for the window and its start-up check.
SelfCheckBanner *startAndCheck(DeskLauncher &launcher)
{
    QSignalSpy ready(&launcher, &DeskLauncher::ready);
    launcher.start();
    EXPECT_TRUE(ready.count() == 1 || ready.wait(10000));
    MainWindow *window = launcher.window();
    if (!window)
        return nullptr;
    SelfCheckBanner *banner = window->selfCheckBanner();
    QSignalSpy checked(banner, &SelfCheckBanner::checked);
    EXPECT_TRUE(checked.wait(15000));
    return banner;
}

} // namespace

TEST(SelfCheckLaunchTest, NoKeychainServiceKeepsTheConfiguredAlmaAndSaysHowToFixIt)
{
    QTemporaryDir dir;
    InMemorySecretStore keychain;
    keychain.setFailure(QStringLiteral("The name org.freedesktop.secrets was not provided"));
    LaunchOptions options;
    options.settingsFile = configuredAlma(dir);
    options.secretStore = &keychain;
    DeskLauncher launcher(options);
    SelfCheckBanner *banner = startAndCheck(launcher);
    ASSERT_NE(banner, nullptr);
    MainWindow *window = launcher.window();
    // Never the demo once an Alma is configured.
    EXPECT_EQ(window->findChild<DemoBanner *>(), nullptr);
    EXPECT_TRUE(banner->isVisible());
    const QString text = banner->text();
    EXPECT_TRUE(text.startsWith(QStringLiteral("This computer is missing something")));
    EXPECT_TRUE(text.contains(QStringLiteral("FAILED   Keychain:")));
    EXPECT_TRUE(text.contains(QStringLiteral("sudo apt install gnome-keyring")));
    EXPECT_TRUE(text.contains(QStringLiteral("FAILED   Alma:")));
    EXPECT_TRUE(text.contains(QStringLiteral("the keychain could not be read")));
    // Only what needs attention: the icons and SQLite passed and are not listed.
    EXPECT_FALSE(text.contains(QStringLiteral("Outcome icons")));
    // The scan field keeps the keyboard; the banner's buttons take it only by Tab or a click.
    QApplication::setActiveWindow(window);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->scanField()->hasFocus(); }, 3000));
    for (QPushButton *button : banner->findChildren<QPushButton *>())
        EXPECT_EQ(button->focusPolicy(), Qt::TabFocus);
}

TEST(SelfCheckLaunchTest, NoStoredKeyKeepsTheConfiguredAlmaAndNamesTheProfile)
{
    QTemporaryDir dir;
    InMemorySecretStore keychain; // answers, but holds no key
    LaunchOptions options;
    options.settingsFile = configuredAlma(dir);
    options.secretStore = &keychain;
    DeskLauncher launcher(options);
    SelfCheckBanner *banner = startAndCheck(launcher);
    ASSERT_NE(banner, nullptr);
    EXPECT_EQ(launcher.window()->findChild<DemoBanner *>(), nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_FALSE(banner->text().contains(QStringLiteral("Keychain:")));
    EXPECT_TRUE(
        banner->text().contains(QStringLiteral("no API key is stored for the profile \"branch\"")));
}

TEST(SelfCheckLaunchTest, SelfTestOnlyReportsOneLinePerCheckAndNoWindow)
{
    QTemporaryDir dir;
    InMemorySecretStore keychain;
    keychain.setFailure(QStringLiteral("no service"));
    LaunchOptions options;
    options.settingsFile = configuredAlma(dir);
    options.secretStore = &keychain;
    options.selfTestOnly = true;
    DeskLauncher launcher(options);
    QSignalSpy tested(&launcher, &DeskLauncher::selfTested);
    launcher.start();
    ASSERT_TRUE(tested.wait(15000));
    EXPECT_EQ(launcher.window(), nullptr);
    EXPECT_FALSE(tested.at(0).at(0).toBool());
    const QStringList lines = tested.at(0).at(1).toStringList();
    ASSERT_EQ(lines.size(), 6);
    EXPECT_TRUE(lines.at(0).startsWith(QStringLiteral("ok       Outcome icons")));
    EXPECT_TRUE(lines.at(2).startsWith(QStringLiteral("FAILED   Keychain")));
}

class SelfCheckMenuDesk : public DeskFixture {};

TEST_F(SelfCheckMenuDesk, HelpChecksThisComputerAndShowsEveryResult)
{
    QAction *action = nullptr;
    for (QAction *candidate : m_window->menuBar()->findChildren<QAction *>()) {
        if (candidate->text() == QStringLiteral("&Check this computer (self-test)"))
            action = candidate;
    }
    ASSERT_NE(action, nullptr);
    SelfCheckBanner *banner = m_window->selfCheckBanner();
    QSignalSpy checked(banner, &SelfCheckBanner::checked);
    action->trigger();
    ASSERT_TRUE(checked.wait(15000));
    EXPECT_TRUE(checked.at(0).at(0).toBool()) << banner->text().toStdString();
    EXPECT_TRUE(banner->isVisible());
    const QStringList lines = banner->text().split(QLatin1Char('\n'));
    EXPECT_EQ(lines.size(), 7) << banner->text().toStdString(); // the heading and six checks
    EXPECT_TRUE(banner->text().contains(QStringLiteral("the demo Alma on this computer answers")));
    EXPECT_TRUE(waitFor([&] { return m_window->scanField()->hasFocus(); }, 3000));

    // Dismiss hides it; the scan field still has the keyboard.
    QPushButton *dismiss =
        banner->findChild<QPushButton *>(QStringLiteral("selfCheckHidePushButton"));
    ASSERT_NE(dismiss, nullptr);
    dismiss->click();
    EXPECT_FALSE(banner->isVisible());
    EXPECT_TRUE(m_window->scanField()->hasFocus());
}

} // namespace migdesk::test
