// Where am I: the status line names the Alma, library, desk and operator; Help has the user
// guide and an About box.
#include "DeskFixture.h"

#include "WhereAmI.h"

#include <QDialog>
#include <QLabel>
#include <QMessageBox>
#include <QTextBrowser>

namespace migdesk::test {

namespace {
QAction *helpAction(MainWindow *window, const QString &text)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}
} // namespace

TEST_F(DeskFixture, TheStatusLineSaysWhichAlmaLibraryDeskAndOperator)
{
    QLabel *where = m_window->whereAmILabel();
    ASSERT_NE(where, nullptr);
    EXPECT_TRUE(where->isVisible());
    const QString text = where->text();
    EXPECT_TRUE(text.contains(QStringLiteral("sandbox"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Library MAIN"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Desk DEFAULT_CIRC_DESK"))) << text.toStdString();
    // The operator the journal records (Settings; the OS login name by default).
    EXPECT_TRUE(text.contains(QStringLiteral("Operator: %1").arg(m_settings->operatorName())))
        << text.toStdString();
    m_window->setOperatorName(QStringLiteral("jdoe"));
    EXPECT_TRUE(where->text().contains(QStringLiteral("Operator: jdoe")));
    // At the right of the menu bar, whole at 1366 px: nothing crowds it out.
    QTest::qWait(20);
    EXPECT_TRUE(where->isVisible());
    EXPECT_GE(where->width(), where->sizeHint().width());
}

TEST(WhereAmITextTest, RegionsByNameOtherAlmasByHost)
{
    WhereAmI where;
    where.baseUrl = QUrl(QStringLiteral("https://api-eu.hosted.exlibrisgroup.com"));
    where.environment = QStringLiteral("production");
    where.library = QStringLiteral("MAIN");
    EXPECT_TRUE(whereAmIText(where).startsWith(QStringLiteral("Alma EU (production)")))
        << whereAmIText(where).toStdString();
    where.environment = QStringLiteral("sandbox");
    EXPECT_TRUE(whereAmIText(where).contains(QStringLiteral("(sandbox)")));
    where.baseUrl = QUrl(QStringLiteral("https://alma.example.org"));
    EXPECT_TRUE(whereAmIText(where).contains(QStringLiteral("alma.example.org")));
    EXPECT_TRUE(whereAmIText(where).contains(QStringLiteral("Desk not set")));
}

TEST_F(DeskFixture, HelpHasTheUserGuideAndAnAboutBox)
{
    QAction *guide = helpAction(m_window.get(), QStringLiteral("User guide…"));
    ASSERT_NE(guide, nullptr);
    guide->trigger();
    auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("userGuideDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    auto *browser = dialog->findChild<QTextBrowser *>();
    ASSERT_NE(browser, nullptr);
    EXPECT_TRUE(browser->toPlainText().contains(QStringLiteral("MigDesk user guide")));
    dialog->close();

    QAction *about = helpAction(m_window.get(), QStringLiteral("About MigDesk…"));
    ASSERT_NE(about, nullptr);
    about->trigger();
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("aboutMessageBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(QStringLiteral("MigDesk")));
    box->close();
}

} // namespace migdesk::test
