// The small things of issue 15: keychain advice, the summary export, Done said once, the work
// list's outcome icon, no doubled full stop in parentheses.
#include "CsvText.h"
#include "FollowUpPanel.h"
#include "KeychainSecretStore.h"
#include "RecordPresenter.h"
#include "alma/ErrorMessages.h"
#include "desk/ScanRecord.h"

#include <QListWidget>
#include <qt6keychain/keychain.h>

#include <gtest/gtest.h>

namespace migdesk::test {

TEST(KeychainAdviceTest, SaysWhatToInstallOrStart)
{
    const QString none =
        keychainAdvice(QKeychain::NoBackendAvailable, QStringLiteral("Unknown error"));
    EXPECT_TRUE(none.contains(QStringLiteral("GNOME Keyring"))) << none.toStdString();
    EXPECT_TRUE(none.contains(QStringLiteral("install"))) << none.toStdString();
    EXPECT_TRUE(none.contains(QStringLiteral("Unknown error")));
    const QString locked = keychainAdvice(QKeychain::AccessDenied, QStringLiteral("locked"));
    EXPECT_TRUE(locked.contains(QStringLiteral("unlock"))) << locked.toStdString();
    const QString other = keychainAdvice(QKeychain::OtherError, QStringLiteral("Unknown error"));
    EXPECT_TRUE(other.contains(QStringLiteral("running"))) << other.toStdString();
}

TEST(SummaryExportTest, AScanWithoutStatusIsNamedNotDashed)
{
    HistoryRow row;
    row.finished = true;
    row.outcome = Outcome::NotFound;
    const QString csv = historySummaryCsv({row});
    EXPECT_FALSE(csv.contains(QStringLiteral("'-"))) << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("(no status)"))) << csv.toStdString();
}

TEST(PlanViewTest, DoneIsSaidOnceAfterAShelfListFind)
{
    ScanRecord record;
    record.stage = ScanStage::Finished;
    record.outcome = Outcome::Done;
    record.hasResult = true;
    record.result.outcome = Outcome::Done;
    record.result.message = QStringLiteral("Done: Alma now shows in place, no process type.");
    record.message = record.result.message + QStringLiteral(" Ticked off the shelf-search list.");
    const PlanView view = planView(record);
    EXPECT_EQ(view.message.count(QStringLiteral("Alma now shows")), 1)
        << view.message.toStdString();
}

TEST(WorkListTest, AWorkedItemShowsTheOutcomeIconNotAGlyph)
{
    FollowUpPanel panel;
    panel.setWorkList({QStringLiteral("39015000000011")}, QStringLiteral("1 barcode"));
    panel.markWorked(QStringLiteral("39015000000011"), Outcome::NeedsStaff);
    auto *list = panel.findChild<QListWidget *>(QStringLiteral("followUpListWidget"));
    ASSERT_NE(list, nullptr);
    QListWidgetItem *item = list->item(0);
    EXPECT_FALSE(item->icon().isNull());
    EXPECT_FALSE(item->text().contains(QChar(0x270B))); // no hand glyph a font may lack
    EXPECT_TRUE(item->text().contains(QStringLiteral("Needs staff")));
}

TEST(ErrorSummaryTest, NoDoubledFullStopInsideParentheses)
{
    ApiError error =
        ApiError::make(ErrorKind::Network, QStringLiteral("Check the network, then try again."));
    const QString sentence = QStringLiteral("Waiting for Alma (%1).").arg(errorSummary(error));
    EXPECT_FALSE(sentence.contains(QStringLiteral(".)."))) << sentence.toStdString();
    EXPECT_EQ(withoutFinalStop(QStringLiteral("try again.")), QStringLiteral("try again"));
    EXPECT_EQ(withoutFinalStop(QStringLiteral("wait...")), QStringLiteral("wait..."));
}

} // namespace migdesk::test
