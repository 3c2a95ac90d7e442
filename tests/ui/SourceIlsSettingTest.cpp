// Changing the source ILS in Settings reaches the next scan without a restart: the real
// MainWindow on the sandbox (dry run, so nothing is written), a Voyager note (status in Internal
// Note 3) read before and after the setting changes.
#include "DeskFixture.h"

#include "legacy/LegacyStatus.h"

#include <QLabel>

namespace migdesk::test {

namespace {

class SourceIlsDesk : public DeskFixture {
protected:
    void configure(Settings &settings) override
    {
        settings.setDryRun(true);
        settings.setSourceIls(SourceIls::Auto);
        settings.setRepeatWindowMs(0); // the demo has two examples: the first is scanned twice
    }

    // Scans the nth Voyager "Missing, in hand" demo item and returns its record once planned.
    const ScanRecord *scanVoyager(int nth)
    {
        const QString barcode = demoBarcode(QStringLiteral("Voyager Missing, in hand"), nth);
        scan(barcode);
        if (!waitFor([&] { return finished(barcode); }))
            return nullptr;
        return recordFor(barcode);
    }

    QString sourceLabel() const
    {
        auto *label = m_window->findChild<QLabel *>(QStringLiteral("sourceIlsLabel"));
        return label ? label->text() : QString();
    }
};

} // namespace

TEST_F(SourceIlsDesk, TheNextScanReadsTheNoteForTheNewSourceIls)
{
    // Auto: Internal Notes 1 and 3 are read; the Voyager note names Missing.
    const ScanRecord *first = scanVoyager(0);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->reading.ids(), QStringList{QStringLiteral("MISSING")});
    EXPECT_EQ(m_stack->sourceIls(), SourceIls::Auto);

    // Sierra keeps its status in Internal Note 1: the Voyager note (in 3) is not read any more.
    m_settings->setSourceIls(SourceIls::Sierra);
    EXPECT_EQ(m_stack->sourceIls(), SourceIls::Sierra);
    const ScanRecord *second = scanVoyager(1);
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->reading.source, SourceIls::Sierra);
    EXPECT_FALSE(second->reading.ids().contains(QStringLiteral("MISSING")))
        << second->reading.ids().join(QLatin1Char(',')).toStdString();
    EXPECT_TRUE(sourceLabel().contains(QStringLiteral("Sierra"))) << sourceLabel().toStdString();

    // Back to Voyager: the note is read again, and the card names the configured ILS.
    m_settings->setSourceIls(SourceIls::Voyager);
    const ScanRecord *third = scanVoyager(0);
    ASSERT_NE(third, nullptr);
    EXPECT_EQ(third->reading.source, SourceIls::Voyager);
    EXPECT_EQ(third->reading.ids(), QStringList{QStringLiteral("MISSING")});
    EXPECT_TRUE(sourceLabel().contains(QStringLiteral("Voyager"))) << sourceLabel().toStdString();
    EXPECT_FALSE(sourceLabel().contains(QStringLiteral("guessed")));

    // The first record keeps what it was read with.
    ASSERT_NE(first, third);
    EXPECT_EQ(first->reading.source, SourceIls::Voyager); // guessed
    EXPECT_EQ(first->reading.ids(), QStringList{QStringLiteral("MISSING")});
    EXPECT_TRUE(m_sandbox->operations().empty()); // dry run
}

} // namespace migdesk::test
