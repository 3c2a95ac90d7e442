// Screenshots of the desk's main states, rendered offscreen with QWidget::grab(). Runs only
// when MIGDESK_SCREENSHOT_DIR is set (scripts/screenshots.sh); the PNGs go to that folder.
#include "ScreenshotSupport.h"

#include "DeskController.h"
#include "FollowUpPanel.h"
#include "RecoveryBanner.h"
#include "journal/Journal.h"

#include <QDir>
#include <QFile>
#include <QPixmap>

namespace migdesk::test {

TEST_F(ScreenshotDesk, MainStates)
{
    save(QStringLiteral("01-ready"));

    const QString missing = demoBarcode(QStringLiteral("Sierra Missing, in hand"));
    scanAndWait(missing, [&] { return finished(missing); });
    save(QStringLiteral("02-done"));
    save(QStringLiteral("02-done"), {1920, 1080});

    const QString transit = demoBarcode(QStringLiteral("goes in transit"));
    scanAndWait(transit, [&] { return finished(transit); });
    save(QStringLiteral("03-transit"));

    const QString decide = demoBarcode(QStringLiteral("Sierra Lost and Paid"));
    scanAndWait(decide, [&] { return planPanel()->mode() == PlanMode::Decide; });
    save(QStringLiteral("04-decide"));
    save(QStringLiteral("04-decide"), {1920, 1080});
    QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return finished(decide); }));

    const QString withdrawn = demoBarcode(QStringLiteral("Sierra Withdrawn"));
    scanAndWait(withdrawn, [&] { return planPanel()->mode() == PlanMode::Withdraw; });
    save(QStringLiteral("05-withdraw-confirm"));
    QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return finished(withdrawn); }));

    const QString unknown = demoBarcode(QStringLiteral("Unknown note (Voyager)"));
    scanAndWait(unknown, [&] {
        const ScanRecord *r = recordFor(unknown);
        return r && r->stage >= ScanStage::Planned;
    });
    save(QStringLiteral("06-needs-review"));
    QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
    QTest::qWait(100);

    const QString notMigration = demoBarcode(QStringLiteral("Not a migration item: in place"));
    scanAndWait(notMigration, [&] { return finished(notMigration); });
    save(QStringLiteral("06b-not-a-migration-item"));

    const QString notFound = QStringLiteral("39999999999999");
    scanAndWait(notFound, [&] { return finished(notFound); });
    save(QStringLiteral("07-not-found"));

    scan(QStringLiteral("hello world"));
    QTest::qWait(100);
    save(QStringLiteral("08-rejected"));

    m_settings->setLargerText(true);
    QTest::qWait(50);
    save(QStringLiteral("09-larger-text"));
    m_settings->setLargerText(false);

    m_settings->setWorkMode(WorkMode::Followup);
    for (int nth = 0; nth < 2; ++nth) {
        const QString lost =
            demoBarcode(QStringLiteral("Lost--Library Applied with an active loan"), nth);
        scanAndWait(lost, [&] { return reachedStage(lost, ScanStage::Planned); });
        const bool guided = planPanel()->mode() == PlanMode::Guide;
        if (guided)
            save(QStringLiteral("10-follow-up-guide-lost"));
        QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
        ASSERT_TRUE(waitFor([&] { return finished(lost); }));
        if (guided)
            break;
    }

    // A work list with In Transit items: they go to the shelf-search list.
    const QString listPath = m_dir.filePath(QStringLiteral("list.txt"));
    QFile list(listPath);
    ASSERT_TRUE(list.open(QIODevice::WriteOnly));
    const QStringList barcodes = {demoBarcode(QStringLiteral("Symphony Missing in Transit")),
                                  demoBarcode(QStringLiteral("Symphony Missing in Transit"), 1),
                                  demoBarcode(QStringLiteral("In Transit Discharged")),
                                  demoBarcode(QStringLiteral("Koha Missing"))};
    list.write(barcodes.join(QLatin1Char('\n')).toUtf8());
    list.close();
    ASSERT_TRUE(m_window->importList(listPath));
    for (int i = 0; i < 3; ++i) {
        m_window->controller()->submitNextFromList();
        ASSERT_TRUE(waitFor([&] { return finished(barcodes.at(i)); }));
    }
    save(QStringLiteral("11-follow-up-work-list"));
    m_window->findChild<FollowUpPanel *>()->setCurrentIndex(1);
    save(QStringLiteral("12-follow-up-shelf-list"));
}

// The recovery offer: the journal of the last session holds three scans it did not finish.
class ScreenshotRecovery : public ScreenshotDesk {
protected:
    void SetUp() override
    {
        if (screenshotDir().isEmpty())
            GTEST_SKIP() << "set MIGDESK_SCREENSHOT_DIR to render screenshots";
        DeskFixture::SetUp();
        m_window.reset();
        m_stack.reset();
        m_journalPath = m_dir.filePath(QStringLiteral("journal.sqlite"));
        {
            auto journal = Journal::open(m_journalPath);
            ASSERT_TRUE(journal.isOk());
            for (const QString &words :
                 {QStringLiteral("Sierra Missing, in hand"), QStringLiteral("Koha Missing"),
                  QStringLiteral("Unknown note (Voyager)")})
                journal.value()->recordIntent(demoBarcode(words), QStringLiteral("desk"),
                                              QStringLiteral("desk"));
        }
        startWindow(m_sandbox->baseUrl(), m_sandbox->options().apiKey);
    }
};

TEST_F(ScreenshotRecovery, ResumeOffer)
{
    ASSERT_TRUE(m_window->recoveryBanner()->isVisible());
    save(QStringLiteral("13-recovery-offer"));
    QTest::keyClick(m_window->scanField(), Qt::Key_U, Qt::AltModifier);
    ASSERT_TRUE(waitFor([&] {
        const std::vector<qint64> ids = session()->recordIds();
        return ids.size() == 3 && std::all_of(ids.begin(), ids.end(), [&](qint64 id) {
                   return session()->record(id)->stage >= ScanStage::Planned;
               });
    }));
    QTest::qWait(100);
    save(QStringLiteral("14-recovery-resumed"));
}

// The pipelined desk: a withdrawal and a decision wait for staff while the rest of the cart is
// looked up and applied, and shows in the history.
TEST_F(ScreenshotDesk, CartGoesOnWhileOneWaits)
{
    const QString withdrawn = demoBarcode(QStringLiteral("Sierra Withdrawn"));
    const QString decide = demoBarcode(QStringLiteral("Sierra Lost and Paid"));
    const QStringList cart{demoBarcode(QStringLiteral("Voyager Missing, in hand")),
                           demoBarcode(QStringLiteral("Voyager Damaged: condition")),
                           demoBarcode(QStringLiteral("Sierra Missing, in hand")),
                           demoBarcode(QStringLiteral("Koha Damaged")),
                           demoBarcode(QStringLiteral("Koha Missing"))};
    scan(withdrawn);
    scan(decide);
    for (const QString &barcode : cart)
        scan(barcode);
    ASSERT_TRUE(waitFor([&] {
        for (const QString &barcode : cart) {
            if (!finished(barcode))
                return false;
        }
        return planPanel()->mode() == PlanMode::Withdraw;
    }));
    QTest::qWait(100);
    save(QStringLiteral("15-cart-goes-on-while-one-waits"));
}

} // namespace migdesk::test
