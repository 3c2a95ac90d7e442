// SettingsDialog: the form round-trips Settings; the API key goes to the SecretStore only,
// never into the settings file.
#include "SettingsDialog.h"

#include "settings/SecretStore.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace migdesk::test {

TEST(SettingsDialogTest, SavesTheFormAndKeepsTheKeyOutOfTheSettingsFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    Settings settings(path);
    settings.setLibrary(QStringLiteral("MAIN"));
    InMemorySecretStore secrets;
    const QString sentinel = QStringLiteral("SENTINEL-KEY-4711");
    {
        SettingsDialog dialog(&settings, &secrets);
        auto *library = dialog.findChild<QLineEdit *>(QStringLiteral("libraryLineEdit"));
        auto *desk = dialog.findChild<QLineEdit *>(QStringLiteral("circDeskLineEdit"));
        auto *key = dialog.findChild<QLineEdit *>(QStringLiteral("apiKeyLineEdit"));
        auto *dryRun = dialog.findChild<QCheckBox *>(QStringLiteral("dryRunCheckBox"));
        auto *region = dialog.findChild<QComboBox *>(QStringLiteral("regionComboBox"));
        ASSERT_TRUE(library && desk && key && dryRun && region);
        EXPECT_EQ(library->text(), QStringLiteral("MAIN")); // loaded
        EXPECT_EQ(key->echoMode(), QLineEdit::Password);
        desk->setText(QStringLiteral("LAW_DESK"));
        key->setText(sentinel);
        dryRun->setChecked(true);
        region->setCurrentIndex(region->findData(QStringLiteral("eu")));
        QSignalSpy stored(&dialog, &SettingsDialog::keyStored);
        dialog.accept();
        ASSERT_TRUE(stored.wait(3000));
        EXPECT_TRUE(stored.at(0).at(0).toBool());
        EXPECT_EQ(dialog.formBaseUrl().host(), QStringLiteral("api-eu.hosted.exlibrisgroup.com"));
    }
    EXPECT_EQ(settings.circDesk(), QStringLiteral("LAW_DESK"));
    EXPECT_TRUE(settings.dryRun());
    EXPECT_EQ(settings.region(), QStringLiteral("eu"));
    EXPECT_TRUE(secrets.contains(SecretStore::apiKeyName(settings.profile())));

    settings.sync();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(file.readAll().contains(sentinel.toUtf8()));
}

TEST(SettingsDialogTest, TestConnectionWithoutKeySaysSo)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    InMemorySecretStore secrets;
    SettingsDialog dialog(&settings, &secrets);
    auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResultLabel"));
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnectionPushButton"));
    ASSERT_TRUE(result && test);
    test->click();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return result->text().contains(QStringLiteral("key")); }, 3000))
        << result->text().toStdString();
}

} // namespace migdesk::test
