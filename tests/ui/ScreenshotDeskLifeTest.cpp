// Screenshots of issue 15's desk (docs/screenshots/50-55): 1366x768 with and without larger
// text, a withdrawal, a loan return waiting for Enter, follow-up mode, and the message line with
// an export failure. Run by scripts/screenshots.sh (MIGDESK_SCREENSHOT_DIR set).
#include "ScreenshotSupport.h"

#include "MessageArea.h"

namespace migdesk::test {

TEST_F(ScreenshotDesk, DeskAsStaffLiveIt)
{
    const QString missing = demoBarcode(QStringLiteral("Sierra Missing, in hand"));
    scanAndWait(missing, [&] { return finished(missing); });
    save(QStringLiteral("50-desk-1366"));

    const QString decide = demoBarcode(QStringLiteral("Sierra Lost and Paid"));
    m_settings->setLargerText(true);
    scanAndWait(decide, [&] { return planPanel()->mode() == PlanMode::Decide; });
    save(QStringLiteral("51-desk-1366-larger-text"));
    QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return finished(decide); }));
    m_settings->setLargerText(false);

    const QString withdrawn = demoBarcode(QStringLiteral("Sierra Withdrawn"));
    scanAndWait(withdrawn, [&] { return planPanel()->mode() == PlanMode::Withdraw; });
    button(QStringLiteral("withdrawPushButton"))->click();
    ASSERT_TRUE(waitFor([&] { return finished(withdrawn); }));
    save(QStringLiteral("52-withdrawn"));

    const QString loaned = demoBarcode(QStringLiteral("Lost--Library Applied with an active loan"));
    scanAndWait(loaned, [&] { return planPanel()->mode() == PlanMode::Confirm; });
    save(QStringLiteral("53-loan-return-prompt"));
    QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return finished(loaned); }));

    // A folder that cannot exist anywhere (the screenshot shows no path of the build machine).
    m_window->exportSessionTo(QStringLiteral("/no-such-folder/migdesk-session.csv"));
    save(QStringLiteral("55-export-failed-message"));
    m_window->messageArea()->dismiss();

    m_window->setFollowUpMode(true);
    const QString transit = demoBarcode(QStringLiteral("Symphony Missing in Transit"));
    scanAndWait(transit, [&] { return finished(transit); });
    save(QStringLiteral("54-follow-up-mode"));
}

} // namespace migdesk::test
