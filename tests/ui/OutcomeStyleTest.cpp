// OutcomeStyle and Sounds: colour, icon and word per outcome; contrast; the sound files.
#include "OutcomeStyle.h"
#include "Sounds.h"

#include <QFile>
#include <QIcon>
#include <QImage>
#include <QSet>

#include <gtest/gtest.h>

namespace migdesk::test {

TEST(OutcomeStyleTest, TextContrastIsAtLeastFourAndAHalf)
{
    for (Outcome outcome : countedOutcomes()) {
        const OutcomeStyle style = outcomeStyle(outcome);
        EXPECT_GE(contrastRatio(style.foreground, style.background), 4.5)
            << outcomeName(outcome).toStdString();
    }
}

TEST(OutcomeStyleTest, ContrastFormulaMatchesKnownValues)
{
    EXPECT_NEAR(contrastRatio(Qt::black, Qt::white), 21.0, 0.01);
    EXPECT_NEAR(contrastRatio(Qt::white, Qt::white), 1.0, 0.001);
    // White on the Okabe-Ito green would fail: the reason the ink is dark.
    EXPECT_LT(contrastRatio(Qt::white, QColor(0x00, 0x9E, 0x73)), 4.5);
}

TEST(OutcomeStyleTest, ThePaletteIsOkabeIto)
{
    EXPECT_EQ(outcomeStyle(Outcome::Done).background, QColor(0x00, 0x9E, 0x73));
    EXPECT_EQ(outcomeStyle(Outcome::NeedsStaff).background, QColor(0xE6, 0x9F, 0x00));
    EXPECT_EQ(outcomeStyle(Outcome::Error).background, QColor(0xD5, 0x5E, 0x00));
    EXPECT_EQ(outcomeStyle(Outcome::NotFound).background, QColor(0xCC, 0x79, 0xA7));
    EXPECT_EQ(outcomeStyle(Outcome::TransitOrHold).background, QColor(0x56, 0xB4, 0xE9));
}

TEST(OutcomeStyleTest, EachOutcomeHasItsOwnColourIconAndWord)
{
    QSet<QRgb> colours;
    QSet<QString> icons;
    QSet<QString> words;
    for (Outcome outcome : countedOutcomes()) {
        const OutcomeStyle style = outcomeStyle(outcome);
        colours.insert(style.background.rgb());
        icons.insert(style.iconPath);
        words.insert(style.word);
        ASSERT_TRUE(QFile::exists(style.iconPath)) << style.iconPath.toStdString();
        // The SVG renders to a non-empty picture (no emoji font needed).
        const QImage image = outcomeIcon(outcome).pixmap(48, 48).toImage();
        ASSERT_FALSE(image.isNull());
        int inked = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                inked += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
        EXPECT_GT(inked, 100) << style.iconPath.toStdString();
    }
    const auto count = static_cast<qsizetype>(countedOutcomes().size());
    EXPECT_EQ(colours.size(), count);
    EXPECT_EQ(icons.size(), count);
    EXPECT_EQ(words.size(), count);
}

TEST(OutcomeStyleTest, TheFiveMainOutcomesHaveDistinctSmallSounds)
{
    QSet<QByteArray> sounds;
    for (Outcome outcome : {Outcome::Done, Outcome::NeedsStaff, Outcome::Error, Outcome::NotFound,
                            Outcome::TransitOrHold}) {
        QFile file(outcomeStyle(outcome).soundPath);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
        const QByteArray data = file.readAll();
        EXPECT_TRUE(data.startsWith("RIFF"));
        EXPECT_LT(data.size(), 50 * 1024);
        sounds.insert(data);
    }
    EXPECT_EQ(sounds.size(), 5);
    // Errors are the longest sound: the most distinct.
    QFile error(outcomeStyle(Outcome::Error).soundPath);
    ASSERT_TRUE(error.open(QIODevice::ReadOnly));
    for (Outcome outcome :
         {Outcome::Done, Outcome::NeedsStaff, Outcome::NotFound, Outcome::TransitOrHold}) {
        QFile other(outcomeStyle(outcome).soundPath);
        ASSERT_TRUE(other.open(QIODevice::ReadOnly));
        EXPECT_GT(error.size(), other.size());
    }
}

TEST(SoundsTest, MuteSilencesAndVolumeIsClamped)
{
    Sounds sounds;
    sounds.setMuted(true);
    EXPECT_FALSE(sounds.play(Outcome::Done));
    EXPECT_EQ(sounds.playCount(), 0);
    sounds.setMuted(false);
    EXPECT_TRUE(sounds.play(Outcome::Error));
    EXPECT_EQ(sounds.lastPlayed(), Outcome::Error);
    EXPECT_FALSE(sounds.play(Outcome::Pending)); // silent by design
    sounds.setVolume(3.0);
    EXPECT_DOUBLE_EQ(sounds.volume(), 1.0);
    sounds.setVolume(-1.0);
    EXPECT_DOUBLE_EQ(sounds.volume(), 0.0);
}

} // namespace migdesk::test
