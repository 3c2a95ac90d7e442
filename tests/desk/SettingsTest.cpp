// Settings: typed values over a temporary INI file, change signals, enums as strings, and
// corrupt values falling back to defaults with a message naming the key and file.
#include "settings/Settings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using migdesk::Settings;

namespace {

class SettingsTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path() const { return m_dir.filePath(QStringLiteral("migdesk.ini")); }
    void writeFile(const QByteArray &text)
    {
        QFile file(path());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    QByteArray readFile() const
    {
        QFile file(path());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(SettingsTest, DefaultsWithoutAFile)
{
    Settings settings(path());
    EXPECT_TRUE(settings.problems().isEmpty());
    EXPECT_EQ(settings.region(), QStringLiteral("na"));
    EXPECT_TRUE(settings.autoApply());
    EXPECT_FALSE(settings.dryRun());
    EXPECT_EQ(settings.workMode(), migdesk::WorkMode::Desk);
    EXPECT_EQ(settings.conditionCode(), QStringLiteral("DAMAGED"));
    EXPECT_EQ(settings.missingStrategy(), QStringLiteral("job"));
    EXPECT_EQ(settings.withdrawHoldings(), QStringLiteral("retain"));
    EXPECT_EQ(settings.repeatWindowMs(), 4000);
    EXPECT_EQ(settings.volume(), 70);
    EXPECT_TRUE(settings.soundsEnabled());
    EXPECT_EQ(settings.sourceIls(), migdesk::SourceIls::Auto);
}

TEST_F(SettingsTest, ValuesPersistAndEnumsAreStoredAsNames)
{
    {
        Settings settings(path());
        settings.setLibrary(QStringLiteral("MAIN"));
        settings.setCircDesk(QStringLiteral("DEFAULT_CIRC_DESK"));
        settings.setWorkMode(migdesk::WorkMode::Followup);
        settings.setSourceIls(migdesk::SourceIls::Symphony);
        settings.setAutoApply(false);
        settings.setVolume(35);
        settings.setWorkOrder(QStringLiteral("AT_BINDERY"),
                              {QStringLiteral("BINDERY"), QStringLiteral("BIND")});
        settings.sync();
    }
    const QByteArray text = readFile();
    EXPECT_TRUE(text.contains("mode=followup")) << text.toStdString();
    EXPECT_TRUE(text.contains("sourceIls=symphony")) << text.toStdString();

    Settings again(path());
    EXPECT_EQ(again.library(), QStringLiteral("MAIN"));
    EXPECT_EQ(again.circDesk(), QStringLiteral("DEFAULT_CIRC_DESK"));
    EXPECT_EQ(again.workMode(), migdesk::WorkMode::Followup);
    EXPECT_EQ(again.sourceIls(), migdesk::SourceIls::Symphony);
    EXPECT_FALSE(again.autoApply());
    EXPECT_EQ(again.volume(), 35);
    EXPECT_EQ(again.workOrder(QStringLiteral("AT_BINDERY")).department, QStringLiteral("BINDERY"));
    EXPECT_TRUE(again.workOrder(QStringLiteral("AT_BINDERY")).isConfigured());
    EXPECT_FALSE(again.workOrder(QStringLiteral("REPAIR")).isConfigured());
}

TEST_F(SettingsTest, ChangeSignalOnlyWhenTheValueChanges)
{
    Settings settings(path());
    QSignalSpy spy(&settings, &Settings::changed);
    settings.setLibrary(QStringLiteral("MAIN"));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), QStringLiteral("desk/library"));
    settings.setLibrary(QStringLiteral("MAIN"));
    EXPECT_EQ(spy.count(), 1);
    settings.setDryRun(true);
    EXPECT_EQ(spy.count(), 2);
    settings.setDryRun(true);
    EXPECT_EQ(spy.count(), 2);
}

TEST_F(SettingsTest, CorruptValuesFallBackAndAreNamed)
{
    writeFile("[alma]\nregion=mars\n[desk]\nmode=sideways\nautoApply=perhaps\n"
              "[feedback]\nvolume=900\n[scanner]\nrepeatWindowMs=abc\n"
              "[rules]\nsourceIls=dos\nwithdrawBib=burn\n");
    Settings settings(path());
    EXPECT_EQ(settings.region(), QStringLiteral("na"));
    EXPECT_EQ(settings.workMode(), migdesk::WorkMode::Desk);
    EXPECT_TRUE(settings.autoApply());
    EXPECT_EQ(settings.volume(), 70);
    EXPECT_EQ(settings.repeatWindowMs(), 4000);
    EXPECT_EQ(settings.sourceIls(), migdesk::SourceIls::Auto);
    EXPECT_EQ(settings.withdrawBib(), QStringLiteral("retain"));
    const QString all = settings.problems().join(QLatin1Char('\n'));
    EXPECT_EQ(settings.problems().size(), 7) << all.toStdString();
    for (const char *key : {"alma/region", "desk/mode", "desk/autoApply", "feedback/volume",
                            "scanner/repeatWindowMs", "rules/sourceIls", "rules/withdrawBib"})
        EXPECT_TRUE(all.contains(QLatin1String(key))) << key;
    EXPECT_TRUE(all.contains(path()));
}

TEST_F(SettingsTest, ASecretInTheFileIsRemovedAndNotRepeated)
{
    const QByteArray sentinel = "SENTINEL-KEY-9f8e7d";
    writeFile("[alma]\napiKey=" + sentinel + "\nregion=eu\n");
    Settings settings(path());
    settings.sync();
    EXPECT_EQ(settings.region(), QStringLiteral("eu"));
    ASSERT_EQ(settings.problems().size(), 1);
    EXPECT_FALSE(settings.problems().first().contains(QString::fromLatin1(sentinel)));
    EXPECT_FALSE(readFile().contains(sentinel));
}

TEST_F(SettingsTest, ClampsOutOfRangeWrites)
{
    Settings settings(path());
    settings.setVolume(250);
    EXPECT_EQ(settings.volume(), 100);
    settings.setRepeatWindowMs(-5);
    EXPECT_EQ(settings.repeatWindowMs(), 0);
}
