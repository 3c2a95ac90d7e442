// Truthful outcomes: a withdrawal says the item was deleted (banner, card, export); a step that
// leaves the item in Technical - Migration is never a green Done; a reason names every status.
#include "DeskFixture.h"

#include "CsvText.h"
#include "OutcomeBanner.h"
#include "RecordPresenter.h"

#include <QFile>
#include <QLabel>

namespace migdesk::test {

namespace {
QString labelText(QWidget *window, const QString &name)
{
    auto *label = window->findChild<QLabel *>(name);
    return label ? label->text() : QString();
}
} // namespace

TEST_F(DeskFixture, AWithdrawalSaysDeletedFromAlmaEverywhere)
{
    const QString barcode = demoBarcode(QStringLiteral("Sierra Withdrawn"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return planPanel()->mode() == PlanMode::Withdraw; }));
    button(QStringLiteral("withdrawPushButton"))->click();
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    const QString deleted = QStringLiteral("Withdrawn — deleted from Alma");
    const QString banner = m_window->findChild<OutcomeBanner *>()->text();
    EXPECT_TRUE(banner.contains(deleted)) << banner.toStdString();
    EXPECT_FALSE(banner.contains(QStringLiteral("Technical - Migration"))) << banner.toStdString();
    const QString almaNow = labelText(m_window.get(), QStringLiteral("almaNowLabel"));
    EXPECT_TRUE(almaNow.contains(deleted)) << almaNow.toStdString();

    const QString path = m_dir.filePath(QStringLiteral("withdraw.csv"));
    ASSERT_TRUE(m_window->exportSessionTo(path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(csv.contains(deleted)) << csv.toStdString();
    EXPECT_FALSE(csv.contains(QStringLiteral("Alma now shows"))) << csv.toStdString();
}

TEST_F(DeskFixture, ListedForTheShelfSearchIsStillInMigrationNotDone)
{
    m_settings->setWorkMode(WorkMode::Followup);
    const QString barcode = demoBarcode(QStringLiteral("Symphony Missing in Transit"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::StillMigration);
    const QString banner = m_window->findChild<OutcomeBanner *>()->text();
    EXPECT_TRUE(banner.startsWith(QStringLiteral("STILL TECHNICAL - MIGRATION")))
        << banner.toStdString();
    EXPECT_TRUE(banner.contains(QStringLiteral("Listed"))) << banner.toStdString();
    EXPECT_FALSE(banner.contains(QStringLiteral("DONE"))) << banner.toStdString();
    EXPECT_EQ(historyRows(barcode, Outcome::StillMigration), 1);
    EXPECT_EQ(historyRows(barcode, Outcome::Done), 0);
}

TEST_F(DeskFixture, AReasonNamesEveryStatusItFound)
{
    const QString barcode =
        demoBarcode(QStringLiteral("Symphony two statuses: Damaged Billed and Lost Claim"));
    scan(barcode);
    ASSERT_TRUE(waitFor([&] {
        const ScanRecord *record = recordFor(barcode);
        return record && record->stage >= ScanStage::Planned;
    }));
    const QString reason = recordFor(barcode)->plan.explanation;
    EXPECT_TRUE(reason.contains(QStringLiteral("Damaged Billed"))) << reason.toStdString();
    EXPECT_TRUE(reason.contains(QStringLiteral("Lost Claim"))) << reason.toStdString();
    // Both matched words are quoted, not only the first.
    EXPECT_GE(reason.count(QLatin1Char('"')), 4) << reason.toStdString();
}

TEST(ChoiceWordsTest, ADecisionNamesOnlyTheNumbersItHas)
{
    ScanRecord record;
    record.stage = ScanStage::Planned;
    Step decide;
    decide.type = StepType::Decide;
    decide.choices.resize(2);
    record.plan.steps.push_back(decide);
    const CardView card = cardView(record, SourceIls::Auto);
    EXPECT_TRUE(card.headline.contains(QStringLiteral("1 or 2"))) << card.headline.toStdString();
    EXPECT_FALSE(card.headline.contains(QLatin1Char('3'))) << card.headline.toStdString();
}

} // namespace migdesk::test
