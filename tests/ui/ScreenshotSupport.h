// ScreenshotDesk: the desk window on the demo data, saved as PNGs with QWidget::grab(). Its
// tests run only when MIGDESK_SCREENSHOT_DIR is set (scripts/screenshots.sh).
#pragma once

#include "DeskFixture.h"

#include <QDir>
#include <QPixmap>

namespace migdesk::test {

inline QString screenshotDir()
{
    return qEnvironmentVariable("MIGDESK_SCREENSHOT_DIR");
}

class ScreenshotDesk : public DeskFixture {
protected:
    // A named operator, as a desk has one (the test environment has no login name).
    void configure(Settings &settings) override
    {
        settings.setOperatorName(QStringLiteral("J. Smith"));
    }

    void SetUp() override
    {
        if (screenshotDir().isEmpty())
            GTEST_SKIP() << "set MIGDESK_SCREENSHOT_DIR to render screenshots";
        DeskFixture::SetUp();
    }

    void save(const QString &name, QSize size = {1366, 768})
    {
        m_window->resize(size);
        QTest::qWait(50);
        const QPixmap pixmap = m_window->grab();
        QDir().mkpath(screenshotDir());
        const QString suffix =
            size.width() == 1366 ? QString() : QStringLiteral("-%1").arg(size.width());
        ASSERT_TRUE(
            pixmap.save(QDir(screenshotDir()).filePath(name + suffix + QStringLiteral(".png"))));
    }

    void scanAndWait(const QString &barcode, const std::function<bool()> &until)
    {
        scan(barcode);
        ASSERT_TRUE(waitFor(until));
    }
};

} // namespace migdesk::test
