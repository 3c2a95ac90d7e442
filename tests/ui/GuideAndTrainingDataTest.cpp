// The Claimed Returned guide on the real desk window (shown, stays "needs staff" until Alma shows
// the claim, then Done with nothing written by MigDesk), and `migdesk --sandbox-data FILE`:
// the launcher starts the embedded sandbox on a library's own small data set.
#include "DeskFixture.h"

#include "DeskLauncher.h"
#include "ItemCardPanel.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>

#include <nlohmann/json.hpp>

namespace migdesk::test {

namespace {
QString labelText(QWidget *window, const QString &name)
{
    auto *label = window->findChild<QLabel *>(name);
    return label ? label->text() : QString();
}
} // namespace

TEST_F(DeskFixture, ClaimedReturnedIsGuidedAndDoneOnlyWhenAlmaShowsTheClaim)
{
    // Not in hand, with an active loan: staff declare the claim in Alma, MigDesk checks.
    m_settings->setWorkMode(WorkMode::Followup);
    const QString barcode =
        demoBarcode(QStringLiteral("Voyager Claims Returned with an active loan"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return reachedStage(barcode, ScanStage::Planned); }));
    ASSERT_EQ(planPanel()->mode(), PlanMode::Guide);
    const QString loan = labelText(m_window.get(), QStringLiteral("loanLabel"));
    EXPECT_TRUE(loan.contains(QStringLiteral("Patron"))) << loan.toStdString();
    const QString steps = labelText(m_window.get(), QStringLiteral("almaStepsLabel"));
    EXPECT_TRUE(steps.contains(QStringLiteral("Claimed Return"))) << steps.toStdString();
    EXPECT_FALSE(steps.contains(QStringLiteral("> Lost"))) << steps.toStdString();
    QPushButton *checkNow = button(QStringLiteral("checkNowPushButton"));
    ASSERT_NE(checkNow, nullptr);

    // Checked before staff did it: Alma still shows the plain loan, so it still needs staff.
    checkNow->click();
    ASSERT_TRUE(waitFor([&] {
        const ScanRecord *r = recordFor(barcode);
        return r && r->stage != ScanStage::Verifying && r->outcome == Outcome::NeedsStaff;
    }));
    EXPECT_NE(recordFor(barcode)->stage, ScanStage::Finished);
    EXPECT_EQ(planPanel()->mode(), PlanMode::Guide);

    // Staff declare the claim in Alma; "check now" reads it back and only then records Done.
    ASSERT_TRUE(m_sandbox->declareLoan(barcode, QStringLiteral("claimed_returned")));
    checkNow->click();
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Done);
    EXPECT_TRUE(writesFor(barcode).empty()); // MigDesk itself wrote nothing to the item
    EXPECT_TRUE(m_window->scanField()->hasFocus());
}

TEST(DeskLauncherDataTest, SandboxDataFileStartsOnThatDataAndItsBarcodesScan)
{
    // A library's own sample, in the sandbox's --data format: Alma item JSON under "items".
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    nlohmann::json item = {
        {"bib_data",
         {{"mms_id", "991234567890123"},
          {"title", "A Training Copy of Our Own"},
          {"author", "Staff, Trainer"}}},
        {"holding_data",
         {{"holding_id", "221234567890123"},
          {"call_number", "Z665 .T7 2024"},
          {"in_temp_location", false}}},
        {"item_data",
         {{"pid", "231234567890123"},
          {"barcode", "TRAIN0001"},
          {"base_status", {{"value", "0"}, {"desc", "Item not in place"}}},
          {"process_type", {{"value", "TECHNICAL"}, {"desc", "Technical - Migration"}}},
          {"library", {{"value", "MAIN"}, {"desc", "Training Library"}}},
          {"location", {{"value", "STACKS"}, {"desc", "Practice Shelves"}}},
          {"internal_note_1", "Status: Missing"}}}};
    const QString path = dir.filePath(QStringLiteral("training.json"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        const std::string text = nlohmann::json({{"items", {item}}}).dump(2);
        file.write(text.data(), qint64(text.size()));
    }

    LaunchOptions options;
    options.settingsFile = dir.filePath(QStringLiteral("empty.ini"));
    options.sandboxDataFile = path;
    DeskLauncher launcher(options);
    QSignalSpy ready(&launcher, &DeskLauncher::ready);
    QSignalSpy failed(&launcher, &DeskLauncher::failed);
    launcher.start();
    ASSERT_TRUE(ready.count() == 1 || ready.wait(10000))
        << (failed.isEmpty() ? std::string() : failed.at(0).at(0).toString().toStdString());
    MainWindow *window = launcher.window();
    ASSERT_NE(window, nullptr);
    QApplication::setActiveWindow(window);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->scanField()->hasFocus(); }, 3000));

    QTest::keyClicks(window->scanField(), QStringLiteral("TRAIN0001"));
    QTest::keyClick(window->scanField(), Qt::Key_Return);
    auto *card = window->findChild<ItemCardPanel *>();
    ASSERT_NE(card, nullptr);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return card->card().title == QStringLiteral("A Training Copy of Our Own"); }, 10000));
    EXPECT_EQ(card->card().barcode, QStringLiteral("TRAIN0001"));
    EXPECT_TRUE(card->card().place.contains(QStringLiteral("Practice Shelves")))
        << card->card().place.toStdString();
    EXPECT_TRUE(labelText(window, QStringLiteral("itemTitleLabel"))
                    .contains(QStringLiteral("A Training Copy of Our Own")));
    // The migrated note comes from the file's item.
    EXPECT_TRUE(window->findChild<QLabel *>(QStringLiteral("noteLabel"))
                    ->text()
                    .contains(QStringLiteral("Missing")));
}

} // namespace migdesk::test
