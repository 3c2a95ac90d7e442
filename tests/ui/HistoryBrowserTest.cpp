// The history browser: earlier sessions from the journal, by date, after a restart.
#include "DeskFixture.h"

#include "HistoryBrowser.h"

#include <QListWidget>
#include <QTableWidget>

namespace migdesk::test {

TEST_F(DeskFixture, EarlierSessionsAreShownByDateAfterARestart)
{
    m_journalPath = m_dir.filePath(QStringLiteral("desk.journal"));
    restartWindow();
    const QString barcode = demoBarcode(QStringLiteral("Voyager Missing"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    restartWindow(); // the window's own history is empty again; the journal is not

    HistoryBrowser *browser = m_window->openHistoryBrowser();
    ASSERT_NE(browser, nullptr);
    EXPECT_TRUE(browser->isVisible());
    ASSERT_EQ(browser->days()->count(), 1);
    EXPECT_EQ(browser->days()->item(0)->data(Qt::UserRole).toDate(), QDate::currentDate());
    QTableWidget *scans = browser->scans();
    ASSERT_GE(scans->rowCount(), 1);
    bool found = false;
    for (int row = 0; row < scans->rowCount(); ++row) {
        if (scans->item(row, 1)->text() == barcode) {
            found = true;
            EXPECT_EQ(scans->item(row, 3)->text(), QStringLiteral("Done"));
        }
    }
    EXPECT_TRUE(found);
    browser->close();
}

TEST_F(DeskFixture, TheHistoryBrowserSaysWhenNoJournalIsKept)
{
    HistoryBrowser *browser = m_window->openHistoryBrowser();
    ASSERT_EQ(browser->days()->count(), 1);
    EXPECT_FALSE(browser->days()->isEnabled());
    browser->close();
}

} // namespace migdesk::test
