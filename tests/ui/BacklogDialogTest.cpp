// "Find migration items" in the desk window: an Analytics export is grouped by legacy status and
// planned step; a Missing group goes to the bulk job collection (the menu and button count it),
// a small Damaged group is refused for the job below the threshold and goes to the follow-up
// work list instead; from the threshold on it goes to the Damaged job.
#include "DeskFixture.h"

#include "BacklogDialog.h"
#include "BulkJobController.h"
#include "BulkJobDialog.h"
#include "FollowUpPanel.h"
#include "bulk/BulkRunner.h"
#include "legacy/LegacyStatus.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>

namespace migdesk::test {

namespace {

const QByteArray kExport = "Barcode,Title,Process Type,Internal Note 1,Internal Note 3\r\n"
                           "M1,One,Technical - Migration,Status: Missing,\r\n"
                           "M2,Two,Technical - Migration,,Missing\r\n"
                           "M3,Three,Technical - Migration,Status: Missing,\r\n"
                           "D1,Four,Technical - Migration,Status: Damaged,\r\n"
                           "D2,Five,Technical - Migration,Status: Damaged,\r\n"
                           "L1,Six,Loan,Status: Missing,\r\n";

int rowWithStatus(QTableWidget *table, const QString &status)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, BacklogDialog::StatusColumn)->text() == status)
            return row;
    }
    return -1;
}

} // namespace

class BacklogDesk : public DeskFixture {
protected:
    BacklogDialog *openDialog()
    {
        m_window->bulkJobs()->findItemsAction()->trigger();
        BacklogDialog *dialog = nullptr;
        waitFor(
            [&] {
                dialog = m_window->findChild<BacklogDialog *>();
                return dialog && dialog->isVisible();
            },
            3000);
        return dialog;
    }

    QString writeExport()
    {
        const QString path = m_dir.filePath(QStringLiteral("analytics.csv"));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(kExport);
        return path;
    }
};

TEST_F(BacklogDesk, GroupsAnExportAndSendsGroupsToTheJobOrFollowUp)
{
    BacklogDialog *dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->openFile(writeExport())) << dialog->message().toStdString();
    QTableWidget *table = dialog->table();
    ASSERT_EQ(table->rowCount(), 3); // Missing, Damaged, not a migration item
    const int missing = rowWithStatus(table, legacyStatusLabel(QStringLiteral("MISSING")));
    const int damaged = rowWithStatus(table, legacyStatusLabel(QStringLiteral("DAMAGED")));
    ASSERT_GE(missing, 0);
    ASSERT_GE(damaged, 0);
    EXPECT_EQ(table->item(missing, BacklogDialog::CountColumn)->text(), QStringLiteral("3"));
    EXPECT_EQ(table->item(damaged, BacklogDialog::CountColumn)->text(), QStringLiteral("2"));
    EXPECT_TRUE(table->item(missing, BacklogDialog::StepsColumn)
                    ->text()
                    .contains(stepTypeLabel(StepType::MarkMissing)));
    EXPECT_TRUE(dialog->message().contains(QStringLiteral("6 rows")))
        << dialog->message().toStdString();

    // The Missing group goes to the job: the desk's run entry counts it.
    BulkJobController *bulk = m_window->bulkJobs();
    table->selectRow(missing);
    auto *jobButton = dialog->findChild<QPushButton *>(QStringLiteral("backlogJobPushButton"));
    auto *followButton =
        dialog->findChild<QPushButton *>(QStringLiteral("backlogFollowUpPushButton"));
    ASSERT_TRUE(jobButton && followButton);
    EXPECT_TRUE(jobButton->isEnabled());
    QTest::mouseClick(jobButton, Qt::LeftButton);
    EXPECT_EQ(bulk->count(BulkAction::Missing), 3);
    EXPECT_EQ(bulk->missingButton()->text(),
              QStringLiteral("Run the Missing job for this session's 3 items"));
    EXPECT_TRUE(bulk->missingButton()->isEnabled());
    // Sent twice, nothing is counted twice.
    EXPECT_TRUE(dialog->sendToJob(missing));
    EXPECT_EQ(bulk->count(BulkAction::Missing), 3);

    // Two Damaged items are below the threshold (200): not for the job.
    table->selectRow(damaged);
    EXPECT_FALSE(jobButton->isEnabled());
    EXPECT_FALSE(dialog->sendToJob(damaged));
    EXPECT_TRUE(dialog->message().contains(QStringLiteral("threshold")));
    EXPECT_EQ(bulk->count(BulkAction::Damaged), 0);
    EXPECT_FALSE(bulk->damagedAction()->isEnabled());

    // They go to the follow-up work list instead.
    EXPECT_TRUE(followButton->isEnabled());
    QTest::mouseClick(followButton, Qt::LeftButton);
    EXPECT_TRUE(m_window->isFollowUpMode());
    auto *panel = m_window->findChild<FollowUpPanel *>();
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(panel->workList(), (QStringList{QStringLiteral("D1"), QStringLiteral("D2")}));

    // The group that is not a migration item goes nowhere.
    const int loan = rowWithStatus(table, QStringLiteral("process type LOAN"));
    ASSERT_GE(loan, 0);
    table->selectRow(loan);
    EXPECT_FALSE(followButton->isEnabled());
    EXPECT_FALSE(jobButton->isEnabled());
    dialog->close();
}

TEST_F(BacklogDesk, DamagedGroupsFromTheThresholdGoToTheDamagedJob)
{
    m_settings->setDamagedJobThreshold(2);
    BacklogDialog *dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->openFile(writeExport()));
    const int damaged =
        rowWithStatus(dialog->table(), legacyStatusLabel(QStringLiteral("DAMAGED")));
    ASSERT_GE(damaged, 0);
    EXPECT_TRUE(dialog->sendToJob(damaged)) << dialog->message().toStdString();
    BulkJobController *bulk = m_window->bulkJobs();
    EXPECT_EQ(bulk->count(BulkAction::Damaged), 2);
    EXPECT_EQ(bulk->count(BulkAction::Missing), 0);
    EXPECT_TRUE(bulk->damagedAction()->isEnabled());
    EXPECT_TRUE(bulk->damagedAction()->text().contains(QStringLiteral("2 items")));
    const BulkRequest request = bulk->request(BulkAction::Damaged);
    EXPECT_TRUE(BulkRunner::confirmation(request).problems.isEmpty())
        << BulkRunner::confirmation(request).problems.join(QLatin1Char('\n')).toStdString();
    dialog->close();
}

TEST_F(BacklogDesk, AMissingGroupRunsThroughTheJobAndAppearsInTheHistory)
{
    // An export naming demo items that are Missing in the sandbox (not scanned here).
    const QStringList barcodes{demoBarcode(QStringLiteral("Koha Missing")),
                               demoBarcode(QStringLiteral("Sierra Missing, in hand"))};
    QByteArray csv = "Barcode,Process Type,Internal Note 1\r\n";
    for (const QString &barcode : barcodes)
        csv += barcode.toUtf8() + ",Technical - Migration,Status: Missing\r\n";
    const QString path = m_dir.filePath(QStringLiteral("missing.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    BacklogDialog *dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->openFile(path)) << dialog->message().toStdString();
    ASSERT_EQ(dialog->table()->rowCount(), 1);
    ASSERT_TRUE(dialog->sendToJob(0)) << dialog->message().toStdString();
    dialog->close();

    BulkJobController *bulk = m_window->bulkJobs();
    ASSERT_EQ(bulk->count(BulkAction::Missing), 2);
    const size_t before = m_sandbox->operations().size();
    QSignalSpy finished(bulk, &BulkJobController::runFinished);
    bulk->missingAction()->trigger();
    BulkJobDialog *confirm = nullptr;
    ASSERT_TRUE(waitFor(
        [&] {
            confirm = m_window->findChild<BulkJobDialog *>();
            return confirm && confirm->isVisible();
        },
        3000));
    EXPECT_TRUE(confirm->text().contains(QStringLiteral("2 items")));
    QTest::mouseClick(confirm->runButton(), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(30000) || !finished.isEmpty());
    EXPECT_TRUE(finished.takeFirst().at(0).value<BulkSummary>().ok);
    for (const QString &barcode : barcodes) {
        const nlohmann::json item = m_sandbox->itemJson(barcode);
        EXPECT_EQ(item["item_data"]["process_type"].value("value", std::string()), "MISSING");
        const ScanRecord *record = recordFor(barcode);
        ASSERT_NE(record, nullptr) << barcode.toStdString();
        EXPECT_EQ(record->outcome, Outcome::Done) << record->message.toStdString();
    }
    EXPECT_EQ(m_window->historyModel()->rowCount(), 2);
    int itemWrites = 0;
    const auto ops = m_sandbox->operations();
    for (size_t i = before; i < ops.size(); ++i)
        itemWrites += ops[i].path.contains(QStringLiteral("/items")) ? 1 : 0;
    EXPECT_EQ(itemWrites, 0);
    EXPECT_EQ(bulk->count(BulkAction::Missing), 0);
}

TEST_F(BacklogDesk, AFileThatIsNotAnExportSaysSo)
{
    BacklogDialog *dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    const QString path = m_dir.filePath(QStringLiteral("notes.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Title,Author\r\nA,B\r\n");
    file.close();
    EXPECT_FALSE(dialog->openFile(path));
    EXPECT_FALSE(dialog->message().isEmpty());
    EXPECT_EQ(dialog->table()->rowCount(), 0);
    dialog->close();
}

} // namespace migdesk::test
