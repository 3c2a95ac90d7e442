// Modes: the follow-up strip, starting at the desk, the follow-up list kept across restarts,
// an import that asks before replacing a list and names each rejected line.
#include "DeskFixture.h"

#include "FollowUpPanel.h"
#include "MessageArea.h"
#include "OutcomeStyle.h"

#include <QFile>
#include <QLabel>
#include <QMessageBox>

namespace migdesk::test {

namespace {
QString writeList(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return path;
}

QMessageBox *replaceQuestion(MainWindow *window)
{
    return window->findChild<QMessageBox *>(QStringLiteral("replaceListMessageBox"));
}

void answer(QMessageBox *box, const QString &words)
{
    for (QAbstractButton *button : box->buttons()) {
        if (button->text().remove(QLatin1Char('&')).contains(words)) {
            button->click();
            return;
        }
    }
    ADD_FAILURE() << "no button " << words.toStdString();
}
} // namespace

TEST_F(DeskFixture, FollowUpModeShowsAStripTheDeskDoesNot)
{
    auto *strip = m_window->findChild<QLabel *>(QStringLiteral("modeStripLabel"));
    ASSERT_NE(strip, nullptr);
    EXPECT_FALSE(strip->isVisible());
    m_window->setFollowUpMode(true);
    EXPECT_TRUE(strip->isVisible());
    EXPECT_TRUE(strip->text().startsWith(QStringLiteral("FOLLOW-UP — items not in hand")));
    EXPECT_GE(contrastRatio(strip->palette().color(QPalette::Window),
                            strip->palette().color(QPalette::WindowText)),
              7.0);
    m_window->setFollowUpMode(false);
    EXPECT_FALSE(strip->isVisible());
}

TEST_F(DeskFixture, AStartIsAtTheDeskUnlessSettingsSayOtherwise)
{
    m_window->setFollowUpMode(true);
    restartWindow();
    EXPECT_FALSE(m_window->isFollowUpMode());
    EXPECT_EQ(m_settings->workMode(), WorkMode::Desk);
    m_settings->setStartInFollowUp(true);
    m_window->setFollowUpMode(true);
    restartWindow();
    EXPECT_TRUE(m_window->isFollowUpMode());
}

TEST_F(DeskFixture, TheFollowUpListIsKeptAcrossARestart)
{
    m_journalPath = m_dir.filePath(QStringLiteral("desk.journal"));
    restartWindow();
    const QString path = writeList(m_dir, QStringLiteral("list.txt"),
                                   "39015000000011\n39015000000029\n39015000000037\n");
    ASSERT_TRUE(m_window->importList(path));
    auto *followUp = m_window->findChild<FollowUpPanel *>();
    EXPECT_EQ(followUp->takeNext(), QStringLiteral("39015000000011"));
    restartWindow();
    followUp = m_window->findChild<FollowUpPanel *>();
    EXPECT_EQ(followUp->workList(),
              QStringList({QStringLiteral("39015000000029"), QStringLiteral("39015000000037")}));
}

TEST_F(DeskFixture, AnImportAsksBeforeReplacingAListWithItemsLeft)
{
    const QString first = writeList(m_dir, QStringLiteral("a.txt"), "39015000000011\n");
    const QString second =
        writeList(m_dir, QStringLiteral("b.txt"), "39015000000029\n39015000000037\n");
    ASSERT_TRUE(m_window->importList(first));
    EXPECT_EQ(replaceQuestion(m_window.get()), nullptr); // nothing to replace yet
    auto *followUp = m_window->findChild<FollowUpPanel *>();

    ASSERT_TRUE(m_window->importList(second));
    QMessageBox *box = replaceQuestion(m_window.get());
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    answer(box, QStringLiteral("Keep"));
    EXPECT_EQ(followUp->workList(), QStringList({QStringLiteral("39015000000011")}));

    ASSERT_TRUE(m_window->importList(second));
    box = replaceQuestion(m_window.get());
    ASSERT_NE(box, nullptr);
    answer(box, QStringLiteral("Replace"));
    EXPECT_EQ(followUp->workList().size(), 2);
}

TEST_F(DeskFixture, AnImportNamesEachRejectedLineAndWhy)
{
    const QString path =
        writeList(m_dir, QStringLiteral("list.csv"),
                  "Barcode,Title\n39015000000011,Kept\n,A row without a barcode\n1,Too short\n");
    ASSERT_TRUE(m_window->importList(path));
    MessageArea *area = m_window->messageArea();
    ASSERT_TRUE(area->isVisible());
    const QString text = area->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Line 3"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("no Barcode value"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Line 4"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("too short"))) << text.toStdString();
    EXPECT_EQ(m_window->findChild<FollowUpPanel *>()->workList().size(), 1);
}

} // namespace migdesk::test
