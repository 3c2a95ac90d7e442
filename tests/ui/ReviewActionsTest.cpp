// The needs-review actions on the real MainWindow against the sandbox: for an unknown note (and
// for an item that is not a migration item) staff pick Return, Mark Missing, Set condition
// Damaged or Withdraw with big buttons (Alt+1..4); each chosen action lands in the sandbox's
// write log exactly once, Withdraw only after its own confirmation, and Enter picks nothing.
#include "DeskFixture.h"

#include <QLabel>

namespace migdesk::test {

namespace {

int countMethod(const std::vector<sandbox::Operation> &ops, const QString &method)
{
    return static_cast<int>(
        std::count_if(ops.begin(), ops.end(), [&](const auto &op) { return op.method == method; }));
}

class ReviewActions : public DeskFixture {
protected:
    // Scans the unknown-note item and waits for the review buttons.
    QString scanForReview(int nth = 0)
    {
        const QString barcode = demoBarcode(QStringLiteral("Unknown note (Voyager)"), nth);
        scan(barcode);
        EXPECT_TRUE(waitFor([&] { return reachedStage(barcode, ScanStage::Planned); }));
        EXPECT_TRUE(waitFor([&] { return reviewButtonsShown(); }, 3000));
        return barcode;
    }

    bool reviewButtonsShown() const
    {
        QPushButton *first = button(QStringLiteral("reviewReturnPushButton"));
        return first && first->isVisible() && planPanel()->plan().canChooseAction;
    }

    void press(int digit)
    {
        QTest::keyClick(m_window->scanField(), static_cast<Qt::Key>(Qt::Key_0 + digit),
                        Qt::AltModifier);
    }

    // Stray keys staff might hit: none picks an action.
    void strayKeys(const QString &barcode)
    {
        QTest::keyClick(m_window->scanField(), Qt::Key_Return);
        QTest::keyClick(m_window->scanField(), Qt::Key_Space);
        QTest::keyClick(m_window->scanField(), Qt::Key_Return);
        QTest::qWait(200);
        EXPECT_TRUE(writesFor(barcode).empty());
    }
};

} // namespace

TEST_F(ReviewActions, TheButtonsAreShownWithTheirShortcutsAndNeverTheDefault)
{
    const QString barcode = scanForReview();
    EXPECT_EQ(planPanel()->mode(), PlanMode::Review);
    for (const char *name : {"reviewReturnPushButton", "reviewMissingPushButton",
                             "reviewDamagedPushButton", "reviewWithdrawPushButton"}) {
        QPushButton *b = button(QString::fromLatin1(name));
        ASSERT_NE(b, nullptr) << name;
        EXPECT_TRUE(b->isVisible()) << name;
        EXPECT_FALSE(b->isDefault()) << name;
        EXPECT_FALSE(b->autoDefault()) << name;
        EXPECT_FALSE(b->accessibleName().isEmpty()) << name;
    }
    EXPECT_TRUE(
        button(QStringLiteral("reviewReturnPushButton"))->text().contains(QStringLiteral("&1")));
    EXPECT_TRUE(
        button(QStringLiteral("reviewWithdrawPushButton"))->text().contains(QStringLiteral("&4")));
    EXPECT_TRUE(button(QStringLiteral("skipReviewActionsPushButton"))->isVisible());
    strayKeys(barcode);
    EXPECT_EQ(recordFor(barcode)->stage, ScanStage::Planned);
    EXPECT_TRUE(m_window->scanField()->hasFocus());

    // Esc still skips it, writing nothing.
    QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Skipped);
    EXPECT_TRUE(writesFor(barcode).empty());
    EXPECT_FALSE(reviewButtonsShown());
}

TEST_F(ReviewActions, ReturnWithAlt1ScansInOnce)
{
    const QString barcode = scanForReview();
    strayKeys(barcode);
    press(1);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Done)
        << recordFor(barcode)->message.toStdString();
    const auto writes = writesFor(barcode);
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].method, QStringLiteral("POST"));
    EXPECT_EQ(writes[0].query.value(QStringLiteral("op")), QStringLiteral("scan"));
    EXPECT_TRUE(m_window->scanField()->hasFocus());
    // Done: the buttons are gone, and pressing again writes nothing more.
    EXPECT_FALSE(reviewButtonsShown());
    press(1);
    press(3);
    QTest::qWait(200);
    EXPECT_EQ(writesFor(barcode).size(), 1u);
    EXPECT_EQ(historyText(0, HistoryModel::OutcomeColumn), QStringLiteral("Done"));
}

TEST_F(ReviewActions, SetConditionDamagedWithAlt3PutsOnce)
{
    const QString barcode = scanForReview();
    press(3);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    // The condition is set, but Alma still shows Technical - Migration: not a green Done.
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::StillMigration)
        << recordFor(barcode)->message.toStdString();
    const auto writes = writesFor(barcode);
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].method, QStringLiteral("PUT"));
    EXPECT_EQ(m_sandbox->itemJson(barcode)["item_data"]["physical_condition"]["value"], "DAMAGED");
}

TEST_F(ReviewActions, MarkMissingWithAlt2FollowsTheJobStrategyAndWritesNothingHere)
{
    // The default rules mark Missing with the bulk job (Alma ignores process_type in an item
    // update): the desk says so instead of pretending, and writes nothing.
    const QString barcode = scanForReview();
    press(2);
    ASSERT_TRUE(waitFor([&] {
        const ScanRecord *r = recordFor(barcode);
        return r && r->hasResult && r->stage != ScanStage::Applying;
    }));
    const ScanRecord *record = recordFor(barcode);
    EXPECT_EQ(record->plan.stepNames(), QStringList{QStringLiteral("MARK_MISSING")});
    EXPECT_NE(record->outcome, Outcome::Done);
    EXPECT_TRUE(record->message.contains(QStringLiteral("job")) ||
                record->result.error.message.contains(QStringLiteral("job")))
        << record->message.toStdString();
    EXPECT_TRUE(writesFor(barcode).empty());
}

TEST_F(ReviewActions, WithdrawWithAlt4StillNeedsItsConfirmation)
{
    const QString barcode = scanForReview();
    press(4);
    ASSERT_TRUE(waitFor([&] { return planPanel()->mode() == PlanMode::Withdraw; }));
    auto *confirm = m_window->findChild<QLabel *>(QStringLiteral("withdrawConfirmLabel"));
    ASSERT_NE(confirm, nullptr);
    EXPECT_TRUE(confirm->text().contains(barcode));
    // Neither Enter nor the review shortcuts withdraw.
    strayKeys(barcode);
    press(4);
    QTest::qWait(200);
    EXPECT_EQ(countMethod(writesFor(barcode), QStringLiteral("DELETE")), 0);
    EXPECT_EQ(recordFor(barcode)->stage, ScanStage::Planned);

    QTest::keyClick(m_window->scanField(), Qt::Key_W, Qt::AltModifier);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Done)
        << recordFor(barcode)->message.toStdString();
    const auto writes = writesFor(barcode);
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].method, QStringLiteral("DELETE"));
}

TEST_F(ReviewActions, ANonMigrationItemOffersTheActionsUntilTheNextScan)
{
    const QString barcode = demoBarcode(QStringLiteral("Not a migration item: in place"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Skipped);
    ASSERT_TRUE(waitFor([&] { return reviewButtonsShown(); }, 3000));
    // Finished already: there is nothing to skip.
    EXPECT_FALSE(button(QStringLiteral("skipReviewActionsPushButton"))->isVisible());
    strayKeys(barcode);

    press(3);
    ASSERT_TRUE(waitFor([&] {
        const ScanRecord *r = recordFor(barcode);
        return r && r->hasResult && r->stage == ScanStage::Finished;
    }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Done)
        << recordFor(barcode)->message.toStdString();
    ASSERT_EQ(writesFor(barcode).size(), 1u);
    EXPECT_EQ(writesFor(barcode)[0].method, QStringLiteral("PUT"));

    // Another non-migration item, then a next scan: the first one's actions are gone.
    const QString other = demoBarcode(QStringLiteral("Not a migration item: in place"), 1);
    const QString next = demoBarcode(QStringLiteral("Koha Missing"));
    scan(other);
    ASSERT_TRUE(waitFor([&] { return finished(other); }));
    scan(next);
    ASSERT_TRUE(waitFor([&] { return finished(next); }));
    EXPECT_FALSE(reviewButtonsShown());
    press(1);
    QTest::qWait(200);
    EXPECT_TRUE(writesFor(other).empty());
}

} // namespace migdesk::test
