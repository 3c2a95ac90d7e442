// The "Network" settings page: the extra trusted CA is checked when chosen (its authority and
// expiry, or what is wrong, an unusable file never saved) and the proxy choice round-trips
// through Settings (system by default, none, a manual HOST:PORT checked as it is typed).
#include "NetworkSettingsPage.h"
#include "SettingsDialog.h"
#include "TlsFixtures.h"

#include "settings/SecretStore.h"
#include "settings/Settings.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace migdesk::test {

namespace {

struct NetworkPage {
    explicit NetworkPage(SettingsDialog &dialog)
        : tabs(dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabWidget")))
        , page(dialog.findChild<NetworkSettingsPage *>(QStringLiteral("networkSettingsPage")))
        , caFile(dialog.findChild<QLineEdit *>(QStringLiteral("caFileLineEdit")))
        , caStatus(dialog.findChild<QLabel *>(QStringLiteral("caFileStatusLabel")))
        , mode(dialog.findChild<QComboBox *>(QStringLiteral("proxyModeComboBox")))
        , address(dialog.findChild<QLineEdit *>(QStringLiteral("proxyAddressLineEdit")))
        , proxyStatus(dialog.findChild<QLabel *>(QStringLiteral("proxyStatusLabel")))
    {}
    bool complete() const
    {
        return tabs && page && caFile && caStatus && mode && address && proxyStatus;
    }
    QTabWidget *tabs;
    NetworkSettingsPage *page;
    QLineEdit *caFile;
    QLabel *caStatus;
    QComboBox *mode;
    QLineEdit *address;
    QLabel *proxyStatus;
};

TEST(NetworkSettingsTest, ChecksTheCaFileAndSavesTheProxy)
{
    TestCertificates certificates;
    ASSERT_TRUE(certificates.ok()) << certificates.error().toStdString();
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    EXPECT_EQ(settings.proxy().mode, ProxyChoice::Mode::System);
    EXPECT_TRUE(settings.caFile().isEmpty());
    InMemorySecretStore secrets;
    {
        SettingsDialog dialog(&settings, &secrets);
        NetworkPage page(dialog);
        ASSERT_TRUE(page.complete());
        EXPECT_EQ(page.mode->currentData().toString(), QStringLiteral("system"));
        EXPECT_FALSE(page.address->isEnabled());

        // A key file is not a CA certificate: said so, and Save is refused on this page.
        page.caFile->setText(certificates.keyFile());
        EXPECT_TRUE(page.caStatus->text().contains(QStringLiteral("no PEM certificate")))
            << page.caStatus->text().toStdString();
        page.caFile->setText(certificates.certFile(TestCertificates::Kind::Expired));
        EXPECT_TRUE(page.caStatus->text().contains(QStringLiteral("expired")));
        page.tabs->setCurrentIndex(0);
        dialog.accept();
        EXPECT_NE(dialog.result(), QDialog::Accepted);
        EXPECT_EQ(page.tabs->currentWidget(), page.page);
        EXPECT_TRUE(settings.caFile().isEmpty());

        page.caFile->setText(certificates.caFile());
        EXPECT_TRUE(page.caStatus->text().contains(QStringLiteral("MigDesk Test CA")))
            << page.caStatus->text().toStdString();

        // A manual proxy must be HOST:PORT.
        page.mode->setCurrentIndex(page.mode->findData(QStringLiteral("manual")));
        EXPECT_TRUE(page.address->isEnabled());
        page.address->setText(QStringLiteral("proxy.example.edu"));
        EXPECT_TRUE(page.proxyStatus->text().contains(QStringLiteral("HOST:PORT")));
        page.address->setText(QStringLiteral("proxy.example.edu:3128"));
        EXPECT_TRUE(page.proxyStatus->text().isEmpty());
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
    }
    EXPECT_EQ(settings.caFile(), certificates.caFile());
    EXPECT_EQ(settings.proxy().mode, ProxyChoice::Mode::Manual);
    EXPECT_EQ(settings.proxy().toText(), QStringLiteral("proxy.example.edu:3128"));

    // Loaded back as saved.
    SettingsDialog again(&settings, &secrets);
    NetworkPage page(again);
    ASSERT_TRUE(page.complete());
    EXPECT_EQ(page.caFile->text(), certificates.caFile());
    EXPECT_EQ(page.mode->currentData().toString(), QStringLiteral("manual"));
    EXPECT_EQ(page.address->text(), QStringLiteral("proxy.example.edu:3128"));
}

TEST(NetworkSettingsTest, AProxyValueThatIsNotOneFallsBackToTheSystemsAndIsReported)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("network/proxy"), QStringLiteral("http://proxy"));
    }
    Settings settings(path);
    EXPECT_EQ(settings.proxy().mode, ProxyChoice::Mode::System);
    ASSERT_EQ(settings.problems().size(), 1);
    EXPECT_TRUE(settings.problems().first().contains(QStringLiteral("network/proxy")));
}

// Rendered only for scripts/screenshots.sh (MIGDESK_SCREENSHOT_DIR): the network page with a
// network's CA chosen, for docs/USER_GUIDE.md and docs/SECURITY.md.
TEST(NetworkSettingsScreenshot, NetworkPage)
{
    const QString out = qEnvironmentVariable("MIGDESK_SCREENSHOT_DIR");
    if (out.isEmpty())
        GTEST_SKIP() << "set MIGDESK_SCREENSHOT_DIR to render screenshots";
    TestCertificates certificates;
    ASSERT_TRUE(certificates.ok()) << certificates.error().toStdString();
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    // A relative name, so the picture shows no path of the machine that rendered it.
    ASSERT_TRUE(QFile::copy(certificates.caFile(), dir.filePath(QStringLiteral("campus-ca.pem"))));
    const QString before = QDir::currentPath();
    QDir::setCurrent(dir.path());
    SettingsDialog dialog(&settings, nullptr);
    NetworkPage page(dialog);
    ASSERT_TRUE(page.complete());
    page.caFile->setText(QStringLiteral("campus-ca.pem"));
    page.tabs->setCurrentWidget(page.page);
    dialog.resize(760, 600);
    dialog.show();
    (void)QTest::qWaitForWindowExposed(&dialog);
    QTest::qWait(50);
    QDir().mkpath(out);
    const QImage image = dialog.grab().toImage();
    QDir::setCurrent(before);
    ASSERT_TRUE(image.save(QDir(out).filePath(QStringLiteral("21-settings-network.png"))));
}

} // namespace

} // namespace migdesk::test
