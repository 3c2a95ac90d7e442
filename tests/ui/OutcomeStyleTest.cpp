// OutcomeStyle and Sounds: colour, icon and word per outcome; contrast; the sound files.
#include "OutcomeStyle.h"
#include "Sounds.h"

#include <QFile>
#include <QIcon>
#include <QImage>
#include <QSet>

#include <gtest/gtest.h>

#include <array>
#include <cmath>

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

namespace {
using Matrix = std::array<std::array<double, 3>, 3>;

// Machado, Oliveira and Fernandes (2009), severity 1: what a dichromat sees of an sRGB colour.
QColor simulate(const QColor &colour, const Matrix &m)
{
    auto toLinear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    auto toSrgb = [](double c) {
        c = std::clamp(c, 0.0, 1.0);
        return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
    };
    const std::array<double, 3> in = {toLinear(colour.redF()), toLinear(colour.greenF()),
                                      toLinear(colour.blueF())};
    std::array<double, 3> out{};
    for (size_t i = 0; i < 3; ++i)
        out[i] = toSrgb(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2]);
    return QColor::fromRgbF(static_cast<float>(out[0]), static_cast<float>(out[1]),
                            static_cast<float>(out[2]));
}

double distance(const QColor &a, const QColor &b)
{
    return std::hypot(a.red() - b.red(), a.green() - b.green(), a.blue() - b.blue());
}
} // namespace

TEST(OutcomeStyleTest, ColourBlindStaffStillTellEveryOutcomeApart)
{
    const std::array<std::pair<const char *, Matrix>, 3> kinds = {{
        {"protanopia",
         {{{0.152286, 1.052583, -0.204868},
           {0.114503, 0.786281, 0.099216},
           {-0.003882, -0.048116, 1.051998}}}},
        {"deuteranopia",
         {{{0.367322, 0.860646, -0.227968},
           {0.280085, 0.672501, 0.047413},
           {-0.011820, 0.042940, 0.968881}}}},
        {"tritanopia",
         {{{1.255528, -0.076749, -0.178779},
           {-0.078411, 0.930809, 0.147602},
           {0.004733, 0.691367, 0.303900}}}},
    }};
    const std::vector<Outcome> &all = countedOutcomes();
    for (const auto &[name, matrix] : kinds) {
        for (size_t i = 0; i < all.size(); ++i) {
            for (size_t j = i + 1; j < all.size(); ++j) {
                const QColor a = simulate(outcomeStyle(all[i]).background, matrix);
                const QColor b = simulate(outcomeStyle(all[j]).background, matrix);
                EXPECT_GE(distance(a, b), 25.0)
                    << name << ": " << outcomeName(all[i]).toStdString() << " and "
                    << outcomeName(all[j]).toStdString() << " look alike";
            }
        }
    }
}

TEST(OutcomeStyleTest, StillInMigrationIsNotDone)
{
    const OutcomeStyle still = outcomeStyle(Outcome::StillMigration);
    const OutcomeStyle done = outcomeStyle(Outcome::Done);
    EXPECT_NE(still.background, done.background);
    EXPECT_NE(still.iconPath, done.iconPath);
    EXPECT_TRUE(still.iconPath.endsWith(QLatin1String(".svg")));
    EXPECT_TRUE(still.word.contains(QLatin1String("Technical - Migration")));
    EXPECT_EQ(outcomeFromName(outcomeName(Outcome::StillMigration)), Outcome::StillMigration);
    EXPECT_NE(
        std::find(countedOutcomes().begin(), countedOutcomes().end(), Outcome::StillMigration),
        countedOutcomes().end());
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
