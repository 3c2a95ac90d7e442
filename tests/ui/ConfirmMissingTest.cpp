// Mark Missing with the "put" strategy is not one of the steps auto-apply runs on its own: the
// plan waits for one keystroke. Driven through the real MainWindow on the sandbox: the plan panel
// shows the confirm page, Enter in the scan field applies it once, and the sandbox shows the item
// Missing; Esc leaves it unwritten. Also: with larger text the history keeps rows in view.
#include "DeskFixture.h"

#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>

namespace migdesk::test {

class ConfirmMissing : public DeskFixture {
protected:
    void configure(Settings &settings) override
    {
        settings.setWorkMode(WorkMode::Followup); // not in hand: Missing items are marked Missing
        settings.setStartInFollowUp(true);        // every window of the test starts so
        settings.setMissingStrategy(QStringLiteral("put"));
    }
    void sandboxOptions(sandbox::SandboxOptions &options) override
    {
        options.processTypeWritable = true; // Alma's unsettled point: here the PUT is honoured
    }

    QString missingBarcode() const
    {
        return demoBarcode(QStringLiteral("Sierra Missing, in hand"));
    }

    std::string describe(const QString &barcode) const
    {
        const ScanRecord *record = recordFor(barcode);
        if (!record)
            return "no record";
        return QStringLiteral("stage %1, outcome %2: %3 (%4)")
            .arg(static_cast<int>(record->stage))
            .arg(static_cast<int>(record->outcome))
            .arg(record->message, record->plan.explanation)
            .toStdString();
    }
};

TEST_F(ConfirmMissing, EnterAppliesAPutMissingPlanOnce)
{
    const QString barcode = missingBarcode();
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return reachedStage(barcode, ScanStage::Planned); }))
        << describe(barcode);
    // Waiting for Enter, with the confirm page (not the review page) on screen.
    EXPECT_EQ(planPanel()->mode(), PlanMode::Confirm);
    EXPECT_TRUE(writesFor(barcode).empty());
    EXPECT_NE(processType(barcode), QStringLiteral("MISSING"));

    QTest::keyClick(m_window->scanField(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Done)
        << recordFor(barcode)->message.toStdString();
    EXPECT_EQ(processType(barcode), QStringLiteral("MISSING"));
    const auto writes = writesFor(barcode);
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes.front().method, QStringLiteral("PUT"));

    // A second Enter on the finished item writes nothing more.
    QTest::keyClick(m_window->scanField(), Qt::Key_Return);
    QTest::qWait(300);
    EXPECT_EQ(writesFor(barcode).size(), 1u);
    EXPECT_TRUE(m_window->scanField()->hasFocus());
}

TEST_F(ConfirmMissing, EscapeSkipsWithoutWriting)
{
    const QString barcode = missingBarcode();
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return reachedStage(barcode, ScanStage::Planned); }))
        << describe(barcode);
    QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Skipped);
    QTest::qWait(300);
    EXPECT_TRUE(writesFor(barcode).empty());
    EXPECT_NE(processType(barcode), QStringLiteral("MISSING"));
}

} // namespace migdesk::test

namespace migdesk::test {

class LargerTextDesk : public DeskFixture {
protected:
    void configure(Settings &settings) override { settings.setLargerText(true); }
};

// With larger text on a 1366x768 screen the history still shows at least three rows.
TEST_F(LargerTextDesk, HistoryKeepsThreeRowsInView)
{
    for (int i = 0; i < 4; ++i)
        scan(QStringLiteral("NOSUCHITEM%1").arg(i)); // not found: one history row each
    auto *view = m_window->findChild<QTableView *>(QStringLiteral("historyTableView"));
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(waitFor([&] { return view->model()->rowCount() >= 4; }));
    QTest::qWait(50);
    const int row = view->verticalHeader()->defaultSectionSize();
    EXPECT_GE(view->viewport()->height(), 3 * row)
        << "viewport " << view->viewport()->height() << " px, row " << row << " px";
    EXPECT_TRUE(m_window->scanField()->hasFocus());
}

} // namespace migdesk::test
