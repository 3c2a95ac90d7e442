// Loans at the desk: an item in hand on an active loan shows the loan on the card, and the
// return that closes it waits for Enter with a prompt naming the patron.
#include "DeskFixture.h"

#include <QLabel>

namespace migdesk::test {

TEST_F(DeskFixture, AReturnThatClosesALoanWaitsForEnterNamingThePatron)
{
    const QString barcode =
        demoBarcode(QStringLiteral("Lost--Library Applied with an active loan"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return reachedStage(barcode, ScanStage::Planned); }));
    const ScanRecord *record = recordFor(barcode);
    ASSERT_FALSE(record->activeLoans.empty());
    const QString patron = record->activeLoans.front().userId;
    ASSERT_FALSE(patron.isEmpty());
    // Still a RETURN, marked to wait: nothing written yet.
    ASSERT_EQ(record->plan.steps.size(), 1u);
    EXPECT_EQ(record->plan.steps.front().type, StepType::Return);
    EXPECT_TRUE(record->plan.steps.front().confirmLoan);
    EXPECT_EQ(record->awaiting, Awaiting::Enter);
    EXPECT_TRUE(record->message.contains(patron)) << record->message.toStdString();
    QTest::qWait(200);
    EXPECT_TRUE(writesFor(barcode).empty());

    auto *loan = m_window->findChild<QLabel *>(QStringLiteral("itemLoanLabel"));
    ASSERT_NE(loan, nullptr);
    EXPECT_TRUE(loan->isVisible());
    EXPECT_TRUE(loan->text().contains(patron)) << loan->text().toStdString();
    EXPECT_TRUE(loan->text().contains(QStringLiteral("due"))) << loan->text().toStdString();
    EXPECT_EQ(planPanel()->mode(), PlanMode::Confirm);

    // Enter returns it (and Alma closes the loan).
    QTest::keyClick(m_window->scanField(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Done);
    EXPECT_EQ(writesFor(barcode).size(), 1u);
}

TEST_F(DeskFixture, AnItemWithoutALoanIsReturnedWithoutWaiting)
{
    const QString barcode = demoBarcode(QStringLiteral("Voyager Missing"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Done);
    EXPECT_FALSE(m_window->findChild<QLabel *>(QStringLiteral("itemLoanLabel"))->isVisible());
}

} // namespace migdesk::test
