// The message area: every notice and failure reaches a widget staff can see, apart from the
// outcome counts (export saved or failed, a folder that does not exist, the keychain refusing
// the key, an import error, scans resumed, the first-run hint).
#include "DeskFixture.h"

#include "DeskLauncher.h"
#include "MessageArea.h"
#include "RecoveryBanner.h"
#include "SettingsDialog.h"

#include <QAction>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>

namespace migdesk::test {

namespace {
// The message is on screen: the area is visible in the window and says `words`.
::testing::AssertionResult showsMessage(MainWindow *window, const QString &words, MessageKind kind)
{
    MessageArea *area = window->messageArea();
    if (!area || !area->isVisible())
        return ::testing::AssertionFailure() << "the message area is not visible";
    if (!area->text().contains(words, Qt::CaseInsensitive))
        return ::testing::AssertionFailure() << "it says: " << area->text().toStdString();
    if (area->kind() != kind)
        return ::testing::AssertionFailure() << "wrong kind for " << area->text().toStdString();
    if (area->geometry().height() < 10)
        return ::testing::AssertionFailure() << "the area has no height";
    return ::testing::AssertionSuccess();
}

QAction *menuAction(MainWindow *window, const QString &text)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}
} // namespace

TEST_F(DeskFixture, NoMessageAreaUntilThereIsAMessage)
{
    EXPECT_FALSE(m_window->messageArea()->isVisible());
}

TEST_F(DeskFixture, AnExportIntoAMissingFolderSaysSo)
{
    const QString path = m_dir.filePath(QStringLiteral("no-such-folder/session.csv"));
    EXPECT_FALSE(m_window->exportSessionTo(path));
    EXPECT_TRUE(
        showsMessage(m_window.get(), QStringLiteral("does not exist"), MessageKind::Problem));
    EXPECT_TRUE(m_window->messageArea()->text().contains(QStringLiteral("no-such-folder")));
}

TEST_F(DeskFixture, ASavedExportSaysWhere)
{
    const QString path = m_dir.filePath(QStringLiteral("session.csv"));
    EXPECT_TRUE(m_window->exportSessionTo(path));
    EXPECT_TRUE(showsMessage(m_window.get(), QStringLiteral("session.csv"), MessageKind::Info));
    EXPECT_TRUE(QFile::exists(path));
}

TEST_F(DeskFixture, ShelfListExportsSayWhetherTheyWereSaved)
{
    EXPECT_FALSE(m_window->exportShelfListCsvTo(m_dir.filePath(QStringLiteral("gone/list.csv"))));
    EXPECT_TRUE(
        showsMessage(m_window.get(), QStringLiteral("does not exist"), MessageKind::Problem));
    EXPECT_FALSE(m_window->saveShelfListPdfTo(m_dir.filePath(QStringLiteral("gone/list.pdf"))));
    EXPECT_TRUE(
        showsMessage(m_window.get(), QStringLiteral("does not exist"), MessageKind::Problem));
    EXPECT_TRUE(m_window->exportShelfListCsvTo(m_dir.filePath(QStringLiteral("list.csv"))));
    EXPECT_TRUE(showsMessage(m_window.get(), QStringLiteral("list.csv"), MessageKind::Info));
}

TEST_F(DeskFixture, AKeyTheKeychainRefusedIsReportedAfterTheDialogCloses)
{
    QAction *settings = menuAction(m_window.get(), QStringLiteral("Settings…"));
    ASSERT_NE(settings, nullptr);
    settings->trigger();
    auto *dialog = m_window->findChild<SettingsDialog *>();
    ASSERT_NE(dialog, nullptr);
    auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyLineEdit"));
    ASSERT_NE(key, nullptr);
    key->setText(QStringLiteral("l8xx-a-new-key"));
    m_secrets.setFailure(QStringLiteral("no keychain service"));
    dialog->accept(); // closes and deletes the dialog before the keychain answers
    EXPECT_TRUE(waitFor(
        [&] { return m_window->messageArea()->text().contains(QStringLiteral("not stored")); },
        3000));
    EXPECT_TRUE(
        showsMessage(m_window.get(), QStringLiteral("was not stored"), MessageKind::Problem));
    EXPECT_TRUE(m_window->messageArea()->text().contains(QStringLiteral("no keychain service")));
}

TEST_F(DeskFixture, AnImportErrorIsShown)
{
    EXPECT_FALSE(m_window->importList(m_dir.filePath(QStringLiteral("missing-list.txt"))));
    EXPECT_TRUE(showsMessage(m_window.get(), QStringLiteral("not imported"), MessageKind::Problem));
}

TEST_F(DeskFixture, ResumedScansAreAnnounced)
{
    Q_EMIT m_window->recoveryBanner()->resumed(2);
    EXPECT_TRUE(showsMessage(m_window.get(), QStringLiteral("resumed"), MessageKind::Info));
}

TEST_F(DeskFixture, TheMessageStaysUntilDismissed)
{
    m_window->showProblem(QStringLiteral("Something to read"));
    QTest::qWait(50);
    EXPECT_TRUE(m_window->messageArea()->isVisible());
    auto *dismiss = m_window->messageArea()->findChild<QAbstractButton *>();
    ASSERT_NE(dismiss, nullptr);
    dismiss->click();
    EXPECT_FALSE(m_window->messageArea()->isVisible());
}

TEST(MessageAreaLauncherTest, TheFirstRunHintIsVisible)
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
    EXPECT_TRUE(showsMessage(window, QStringLiteral("Settings"), MessageKind::Info));
}

} // namespace migdesk::test
