// DeskLauncher: how migdesk starts. --demo (and no configuration at all) open the window on the
// embedded sandbox with the demo banner; a bad --sandbox-data file fails with a message.
#include "DeskLauncher.h"

#include "DemoBanner.h"
#include "MainWindow.h"
#include "ScanField.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace migdesk::test {

TEST(DeskLauncherTest, NoConfigurationStartsOnTheDemo)
{
    QTemporaryDir dir;
    LaunchOptions options;
    options.settingsFile = dir.filePath(QStringLiteral("empty.ini")); // nothing configured
    DeskLauncher launcher(options);
    QSignalSpy ready(&launcher, &DeskLauncher::ready);
    launcher.start();
    ASSERT_TRUE(ready.count() == 1 || ready.wait(10000));
    MainWindow *window = launcher.window();
    ASSERT_NE(window, nullptr);
    auto *banner = window->findChild<DemoBanner *>();
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_FALSE(banner->examples().empty());
    EXPECT_FALSE(banner->examplesText().isEmpty());
    QApplication::setActiveWindow(window);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->scanField()->hasFocus(); }, 3000));
}

TEST(DeskLauncherTest, AMissingSandboxDataFileFailsWithAMessage)
{
    QTemporaryDir dir;
    LaunchOptions options;
    options.settingsFile = dir.filePath(QStringLiteral("empty.ini"));
    options.sandboxDataFile = dir.filePath(QStringLiteral("missing.json"));
    DeskLauncher launcher(options);
    QSignalSpy failed(&launcher, &DeskLauncher::failed);
    launcher.start();
    ASSERT_TRUE(failed.count() == 1 || failed.wait(5000));
    EXPECT_FALSE(failed.at(0).at(0).toString().isEmpty());
    EXPECT_EQ(launcher.window(), nullptr);
}

} // namespace migdesk::test
