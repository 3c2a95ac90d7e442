// The "Bulk jobs" settings page: the job template is checked as it is typed (the problem shown
// under the field, an invalid template never saved), can be loaded from a file, and the Missing
// strategy, Damaged threshold and verification round-trip through Settings. With
// MIGDESK_SCREENSHOT_DIR set, also renders the page for docs/BULK_JOBS.md.
#include "BulkSettingsPage.h"
#include "SettingsDialog.h"

#include "settings/SecretStore.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace migdesk::test {

namespace {

const QString kGoodTemplate = QStringLiteral(
    "{\n  \"job_id\": \"M18\",\n  \"name\": \"Change Physical items\",\n  \"parameter\": [\n"
    "    {\"name\": {\"value\": \"set_id\"}, \"value\": \"{set_id}\"},\n"
    "    {\"name\": {\"value\": \"MISSING_STATUS_selected\"}, \"value\": \"{missing_selected}\"},\n"
    "    {\"name\": {\"value\": \"PHYSICAL_CONDITION_selected\"}, \"value\": "
    "\"{condition_selected}\"},\n"
    "    {\"name\": {\"value\": \"job_name\"}, \"value\": \"MigDesk {set_name}\"}\n  ]\n}");

struct Page {
    explicit Page(SettingsDialog &dialog)
        : tabs(dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabWidget")))
        , page(dialog.findChild<BulkSettingsPage *>(QStringLiteral("bulkSettingsPage")))
        , edit(dialog.findChild<QPlainTextEdit *>(QStringLiteral("jobTemplateEdit")))
        , status(dialog.findChild<QLabel *>(QStringLiteral("jobTemplateStatusLabel")))
        , missing(dialog.findChild<QComboBox *>(QStringLiteral("missingComboBox")))
        , threshold(dialog.findChild<QSpinBox *>(QStringLiteral("damagedThresholdSpinBox")))
        , verify(dialog.findChild<QComboBox *>(QStringLiteral("bulkVerifyComboBox")))
        , sample(dialog.findChild<QSpinBox *>(QStringLiteral("bulkSampleSpinBox")))
    {}
    bool complete() const
    {
        return tabs && page && edit && status && missing && threshold && verify && sample;
    }
    QTabWidget *tabs;
    BulkSettingsPage *page;
    QPlainTextEdit *edit;
    QLabel *status;
    QComboBox *missing;
    QSpinBox *threshold;
    QComboBox *verify;
    QSpinBox *sample;
};

} // namespace

TEST(BulkSettingsTest, SavesTheTemplateThresholdAndVerification)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    InMemorySecretStore secrets;
    EXPECT_EQ(settings.damagedJobThreshold(), 200);
    EXPECT_EQ(settings.bulkVerify(), QStringLiteral("sample:50"));
    {
        SettingsDialog dialog(&settings, &secrets);
        Page page(dialog);
        ASSERT_TRUE(page.complete());
        EXPECT_EQ(page.missing->currentData().toString(), QStringLiteral("job"));
        EXPECT_EQ(page.threshold->value(), 200);
        EXPECT_EQ(page.sample->value(), 50);
        // Nothing stored: the shipped M18 template is shown, editable, and valid.
        EXPECT_TRUE(page.edit->toPlainText().contains(QStringLiteral("MISSING_STATUS_selected")));
        EXPECT_TRUE(page.page->templateIsValid());
        EXPECT_TRUE(page.status->text().contains(QStringLiteral("(M18)")))
            << page.status->text().toStdString();

        page.edit->setPlainText(kGoodTemplate);
        EXPECT_TRUE(page.page->templateIsValid());
        EXPECT_TRUE(page.status->text().contains(QStringLiteral("M18")))
            << page.status->text().toStdString();
        EXPECT_TRUE(page.status->text().contains(QStringLiteral("MISSING_STATUS_selected")));
        page.missing->setCurrentIndex(page.missing->findData(QStringLiteral("put")));
        page.threshold->setValue(500);
        page.verify->setCurrentIndex(page.verify->findData(QStringLiteral("all")));
        EXPECT_FALSE(page.sample->isEnabled());
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
    }
    EXPECT_EQ(settings.jobTemplate(), kGoodTemplate.trimmed());
    EXPECT_EQ(settings.missingStrategy(), QStringLiteral("put"));
    EXPECT_EQ(settings.damagedJobThreshold(), 500);
    EXPECT_EQ(settings.bulkVerify(), QStringLiteral("all"));

    // Read back into a fresh dialog.
    settings.setBulkVerify(QStringLiteral("sample:12"));
    SettingsDialog again(&settings, &secrets);
    Page page(again);
    ASSERT_TRUE(page.complete());
    EXPECT_EQ(page.edit->toPlainText(), kGoodTemplate.trimmed());
    EXPECT_EQ(page.threshold->value(), 500);
    EXPECT_EQ(page.verify->currentData().toString(), QStringLiteral("sample"));
    EXPECT_EQ(page.sample->value(), 12);
    EXPECT_EQ(page.missing->currentData().toString(), QStringLiteral("put"));
}

TEST(BulkSettingsTest, KeepSetsCheckboxRoundTrips)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    InMemorySecretStore secrets;
    EXPECT_FALSE(settings.keepBulkSets()); // MigDesk deletes its sets by default
    {
        SettingsDialog dialog(&settings, &secrets);
        auto *keep = dialog.findChild<QCheckBox *>(QStringLiteral("keepBulkSetsCheckBox"));
        ASSERT_NE(keep, nullptr);
        EXPECT_FALSE(keep->isChecked());
        keep->setChecked(true);
        dialog.accept();
    }
    EXPECT_TRUE(settings.keepBulkSets());
    SettingsDialog again(&settings, &secrets);
    auto *keep = again.findChild<QCheckBox *>(QStringLiteral("keepBulkSetsCheckBox"));
    ASSERT_NE(keep, nullptr);
    EXPECT_TRUE(keep->isChecked());
}

TEST(BulkSettingsTest, ABrokenTemplateIsShownInlineAndNotSaved)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    InMemorySecretStore secrets;
    SettingsDialog dialog(&settings, &secrets);
    Page page(dialog);
    ASSERT_TRUE(page.complete());

    // "parameters" (plural) instead of Alma's "parameter".
    QString plural = kGoodTemplate;
    plural.replace(QStringLiteral("\"parameter\""), QStringLiteral("\"parameters\""));
    page.edit->setPlainText(plural);
    EXPECT_FALSE(page.page->templateIsValid());
    EXPECT_TRUE(page.status->text().contains(QStringLiteral("\"parameters\"")))
        << page.status->text().toStdString();

    // Not JSON: the line is named.
    page.edit->setPlainText(QStringLiteral("{\n  \"job_id\": \"M18\",\n  oops\n}"));
    EXPECT_FALSE(page.page->templateIsValid());
    EXPECT_TRUE(page.status->text().contains(QStringLiteral("line 3")))
        << page.status->text().toStdString();

    // A misspelt placeholder.
    QString misspelt = kGoodTemplate;
    misspelt.replace(QStringLiteral("{missing_selected}"), QStringLiteral("{missing_selectd}"));
    page.edit->setPlainText(misspelt);
    EXPECT_FALSE(page.page->templateIsValid());
    EXPECT_TRUE(page.status->text().contains(QStringLiteral("{missing_selectd}")));

    // Saving is refused: the dialog stays open on the bulk page, nothing is written.
    page.tabs->setCurrentIndex(0);
    page.threshold->setValue(321);
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(page.tabs->currentWidget(), page.page);
    EXPECT_TRUE(settings.jobTemplate().isEmpty());
    EXPECT_EQ(settings.damagedJobThreshold(), 200);

    // Valid but unable to set a condition: said so, still savable.
    QString missingOnly = kGoodTemplate;
    missingOnly.remove(
        QStringLiteral("    {\"name\": {\"value\": \"PHYSICAL_CONDITION_selected\"}, \"value\": "
                       "\"{condition_selected}\"},\n"));
    page.edit->setPlainText(missingOnly);
    EXPECT_TRUE(page.page->templateIsValid());
    EXPECT_TRUE(page.status->text().contains(QStringLiteral("cannot set: Damaged")))
        << page.status->text().toStdString();
}

TEST(BulkSettingsTest, LoadsATemplateFile)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(&settings, nullptr);
    Page page(dialog);
    ASSERT_TRUE(page.complete());
    const QString path = dir.filePath(QStringLiteral("change-physical-items.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(kGoodTemplate.toUtf8());
    file.close();
    EXPECT_TRUE(page.page->loadTemplateFile(path));
    EXPECT_EQ(page.edit->toPlainText(), kGoodTemplate);
    EXPECT_TRUE(page.status->text().contains(QStringLiteral("M18")));
    EXPECT_FALSE(page.page->loadTemplateFile(dir.filePath(QStringLiteral("absent.json"))));
    EXPECT_TRUE(page.status->text().contains(QStringLiteral("absent.json")));
}

TEST(BulkSettingsTest, RejectsStoredValuesOutOfRange)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("bulk/damagedJobThreshold"), 0);
        raw.setValue(QStringLiteral("bulk/verify"), QStringLiteral("sample:zero"));
    }
    Settings settings(path);
    EXPECT_EQ(settings.damagedJobThreshold(), 200);
    EXPECT_EQ(settings.bulkVerify(), QStringLiteral("sample:50"));
    EXPECT_EQ(settings.problems().size(), 2)
        << settings.problems().join(QLatin1Char('\n')).toStdString();
}

// Rendered only for scripts/screenshots.sh (MIGDESK_SCREENSHOT_DIR): the bulk jobs page with the
// shipped M18 template, for docs/BULK_JOBS.md.
TEST(BulkSettingsScreenshot, BulkJobsPage)
{
    const QString out = qEnvironmentVariable("MIGDESK_SCREENSHOT_DIR");
    if (out.isEmpty())
        GTEST_SKIP() << "set MIGDESK_SCREENSHOT_DIR to render screenshots";
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(&settings, nullptr);
    Page page(dialog);
    ASSERT_TRUE(page.complete());
    page.tabs->setCurrentWidget(page.page);
    dialog.resize(760, 600);
    dialog.show();
    (void)QTest::qWaitForWindowExposed(&dialog);
    QTest::qWait(50);
    QDir().mkpath(out);
    ASSERT_TRUE(
        dialog.grab().save(QDir(out).filePath(QStringLiteral("20-settings-bulk-jobs.png"))));
}

} // namespace migdesk::test
