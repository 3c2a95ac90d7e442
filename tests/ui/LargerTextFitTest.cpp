// Larger text fits 1366x768: with a decision open, the banner, the card, the plan and every
// decision button are on screen, at desk and in follow-up mode.
#include "DeskFixture.h"

#include "ItemCardPanel.h"
#include "OutcomeBanner.h"

namespace migdesk::test {

namespace {
class LargerText1366 : public DeskFixture {
protected:
    void configure(Settings &settings) override { settings.setLargerText(true); }
};

// The widget is shown, inside the window and not hidden behind a scroll area's edge.
::testing::AssertionResult fullyInWindow(QWidget *widget, QWidget *window)
{
    if (!widget || !widget->isVisible())
        return ::testing::AssertionFailure() << "not visible";
    const QRect inWindow(widget->mapTo(window, QPoint(0, 0)), widget->size());
    if (!window->rect().contains(inWindow))
        return ::testing::AssertionFailure()
               << widget->objectName().toStdString() << " at " << inWindow.y() << "+"
               << inWindow.height() << " outside " << window->height();
    if (widget->visibleRegion().boundingRect().height() < widget->height() * 9 / 10)
        return ::testing::AssertionFailure()
               << widget->objectName().toStdString()
               << " is cut: " << widget->visibleRegion().boundingRect().height() << " of "
               << widget->height();
    return ::testing::AssertionSuccess();
}
} // namespace

TEST_F(LargerText1366, ADecisionFitsWithEveryButtonVisible)
{
    ASSERT_EQ(m_window->size(), QSize(1366, 768));
    for (bool followUp : {false, true}) {
        m_window->setFollowUpMode(followUp);
        const QString barcode =
            demoBarcode(QStringLiteral("Sierra Lost and Paid: return or withdraw"));
        m_settings->setRepeatWindowMs(0);
        scan(barcode);
        ASSERT_TRUE(waitFor([&] { return planPanel()->mode() == PlanMode::Decide; }));
        QTest::qWait(50);
        QWidget *window = m_window.get();
        EXPECT_TRUE(fullyInWindow(m_window->findChild<OutcomeBanner *>(), window));
        EXPECT_TRUE(fullyInWindow(m_window->findChild<QWidget *>(QStringLiteral("itemTitleLabel")),
                                  window));
        EXPECT_TRUE(fullyInWindow(planPanel(), window)) << "follow-up " << followUp;
        int buttons = 0;
        for (int i = 1; i <= 4; ++i) {
            QPushButton *choice = button(QStringLiteral("choice%1PushButton").arg(i));
            if (!choice || !choice->isVisibleTo(window))
                continue;
            ++buttons;
            EXPECT_TRUE(fullyInWindow(choice, window))
                << "choice " << i << " follow-up " << followUp;
        }
        EXPECT_GE(buttons, 2);
        EXPECT_TRUE(fullyInWindow(button(QStringLiteral("skipDecidePushButton")), window));
        QTest::keyClick(m_window->scanField(), Qt::Key_Escape);
        ASSERT_TRUE(waitFor([&] { return finished(barcode); }));
    }
}

} // namespace migdesk::test
