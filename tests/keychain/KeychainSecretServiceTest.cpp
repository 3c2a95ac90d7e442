// The API key storage of the desk (ui/KeychainSecretStore) and of migdesk-cli (`key`, and the
// key lookup of `batch`) against a real Secret Service: gnome-keyring-daemon in a D-Bus session
// of the test's own (tests/scripts/with-secret-service.sh). Store, read, replace and delete, the
// two programs reading each other's entries, and what staff see without a keychain service.
#include "KeychainSupport.h"

#include "DemoBanner.h"
#include "DeskLauncher.h"
#include "DeskStack.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "ScanField.h"
#include "SelfCheckBanner.h"
#include "settings/Settings.h"

#include <SandboxServer.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

namespace migdesk::test {

namespace {

QString uniqueProfile()
{
    return QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList keyArgs(const QString &action, const QString &profile)
{
    return {QStringLiteral("key"), action, QStringLiteral("--profile"), profile};
}

} // namespace

TEST(KeychainStoreTest, GuiStoreStoresReadsReplacesAndDeletes)
{
    KeychainSecretStore store(QStringLiteral("MigDesk-test-") + QUuid::createUuid().toString());
    const QString name = SecretStore::apiKeyName(QStringLiteral("desk"));

    const KeychainAnswer missing = await(store.readSecret(name));
    EXPECT_TRUE(missing.notFound) << missing.error.toStdString();

    EXPECT_TRUE(await(store.writeSecret(name, QStringLiteral("first-key"))).ok);
    KeychainAnswer read = await(store.readSecret(name));
    ASSERT_TRUE(read.ok) << read.error.toStdString();
    EXPECT_EQ(read.value, QStringLiteral("first-key"));

    EXPECT_TRUE(await(store.writeSecret(name, QStringLiteral("second-key"))).ok);
    read = await(store.readSecret(name));
    ASSERT_TRUE(read.ok);
    EXPECT_EQ(read.value, QStringLiteral("second-key"));

    const KeychainAnswer deleted = await(store.deleteSecret(name));
    EXPECT_TRUE(deleted.ok) << deleted.error.toStdString();
    EXPECT_TRUE(await(store.readSecret(name)).notFound);
    // Deleting again: nothing there, which is no failure (libsecret does not tell the two apart).
    const KeychainAnswer again = await(store.deleteSecret(name));
    EXPECT_TRUE(again.ok || again.notFound);
    EXPECT_TRUE(again.error.isEmpty()) << again.error.toStdString();
}

TEST(KeychainStoreTest, ProfilesAndServicesKeepTheirOwnEntries)
{
    const QString service = QStringLiteral("MigDesk-test-") + QUuid::createUuid().toString();
    KeychainSecretStore store(service);
    KeychainSecretStore other(service + QStringLiteral("-other"));
    const QString a = SecretStore::apiKeyName(QStringLiteral("branch-a"));
    const QString b = SecretStore::apiKeyName(QStringLiteral("branch-b"));
    ASSERT_TRUE(await(store.writeSecret(a, QStringLiteral("key-a"))).ok);
    ASSERT_TRUE(await(store.writeSecret(b, QStringLiteral("key-b"))).ok);
    EXPECT_EQ(await(store.readSecret(a)).value, QStringLiteral("key-a"));
    EXPECT_EQ(await(store.readSecret(b)).value, QStringLiteral("key-b"));
    EXPECT_TRUE(await(other.readSecret(a)).notFound);
    ASSERT_TRUE(await(store.deleteSecret(a)).ok);
    EXPECT_EQ(await(store.readSecret(b)).value, QStringLiteral("key-b"));
    EXPECT_TRUE(await(store.deleteSecret(b)).ok);
}

TEST(KeychainCliTest, KeyCommandSharesTheEntriesOfTheSettingsDialog)
{
    const QString profile = uniqueProfile();
    KeychainSecretStore desk; // the GUI's own service and entry names
    const QString name = SecretStore::apiKeyName(profile);

    ProgramRun run = runProgram(cliPath(), keyArgs(QStringLiteral("check"), profile));
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("no key is stored"))) << run.out.toStdString();

    // Store: the key comes on standard input, the desk reads it.
    run = runProgram(cliPath(), keyArgs(QStringLiteral("store"), profile), "cli-key-1\n");
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("stored the key"))) << run.out.toStdString();
    EXPECT_FALSE(run.out.contains(QStringLiteral("cli-key-1")));
    EXPECT_EQ(await(desk.readSecret(name)).value, QStringLiteral("cli-key-1"));

    // Replace from the CLI; the desk sees the new key.
    run = runProgram(cliPath(), keyArgs(QStringLiteral("store"), profile), "cli-key-2\n");
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.out.contains(QStringLiteral("replaced the key"))) << run.out.toStdString();
    EXPECT_EQ(await(desk.readSecret(name)).value, QStringLiteral("cli-key-2"));

    // The desk replaces it; the CLI sees one stored, and never prints it.
    ASSERT_TRUE(await(desk.writeSecret(name, QStringLiteral("desk-key"))).ok);
    run = runProgram(cliPath(), keyArgs(QStringLiteral("check"), profile));
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_FALSE(run.out.contains(QStringLiteral("desk-key")));

    // Delete from the CLI; gone for the desk too.
    run = runProgram(cliPath(), keyArgs(QStringLiteral("delete"), profile));
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(await(desk.readSecret(name)).notFound);
    run = runProgram(cliPath(), keyArgs(QStringLiteral("delete"), profile));
    EXPECT_EQ(run.exitCode, 1);

    // Never a key on the command line, and an empty input stores nothing.
    run = runProgram(cliPath(), {QStringLiteral("key"), QStringLiteral("store"),
                                 QStringLiteral("secret-on-the-command-line")});
    EXPECT_EQ(run.exitCode, 2);
    run = runProgram(cliPath(), keyArgs(QStringLiteral("store"), profile), "\n");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(await(desk.readSecret(name)).notFound);
}

class KeychainSandboxTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_sandbox = std::make_unique<sandbox::SandboxServer>();
        ASSERT_TRUE(m_sandbox->listen(QHostAddress::LocalHost, 0));
        m_sandbox->loadDemo();
        ASSERT_FALSE(m_sandbox->demoExamples().empty());
        QFile list(m_dir.filePath(QStringLiteral("barcodes.txt")));
        ASSERT_TRUE(list.open(QIODevice::WriteOnly));
        list.write(m_sandbox->demoExamples().front().barcode.toUtf8() + '\n');
    }

    ProgramRun batch()
    {
        const QString report = m_dir.filePath(QStringLiteral("report-%1.csv").arg(++m_runs));
        QFile::remove(report);
        ProgramRun run = runProgram(
            cliPath(), {QStringLiteral("batch"), QStringLiteral("--dry-run"),
                        QStringLiteral("--library"), QStringLiteral("MAIN"),
                        QStringLiteral("--circ-desk"), QStringLiteral("DEFAULT_CIRC_DESK"),
                        QStringLiteral("--alma-url"), m_sandbox->baseUrl().toString(),
                        QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("j.sqlite")),
                        QStringLiteral("--report"), report, QStringLiteral("--profile"), m_profile,
                        m_dir.filePath(QStringLiteral("barcodes.txt"))});
        QFile file(report);
        m_report = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        return run;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    KeychainSecretStore m_desk;
    QString m_profile = uniqueProfile();
    QString m_report;
    int m_runs = 0;
};

TEST_F(KeychainSandboxTest, BatchReadsTheStoredKeyAndFollowsAReplaceAndADelete)
{
    const QString name = SecretStore::apiKeyName(m_profile);
    ASSERT_TRUE(await(m_desk.writeSecret(name, m_sandbox->options().apiKey)).ok);
    ProgramRun run = batch();
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_FALSE(m_report.isEmpty());
    EXPECT_TRUE(m_report.contains(m_sandbox->demoExamples().front().barcode));
    EXPECT_FALSE(m_report.contains(QStringLiteral("UNAUTHORIZED"))) << m_report.toStdString();

    // Replaced by a key Alma refuses: the batch used the new one.
    ASSERT_TRUE(await(m_desk.writeSecret(name, QStringLiteral("a-revoked-key"))).ok);
    run = batch();
    EXPECT_TRUE(m_report.contains(QStringLiteral("UNAUTHORIZED"))) << m_report.toStdString();

    // Deleted: no key, and the message says where one comes from.
    ASSERT_TRUE(await(m_desk.deleteSecret(name)).ok);
    run = batch();
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("MIGDESK_API_KEY"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(m_profile));
}

TEST_F(KeychainSandboxTest, TheDeskStartsOnTheConfiguredAlmaWithTheStoredKey)
{
    const QString settingsPath = m_dir.filePath(QStringLiteral("desk.ini"));
    {
        Settings settings(settingsPath);
        settings.setRegion(QStringLiteral("custom"));
        settings.setCustomUrl(m_sandbox->baseUrl().toString());
        settings.setLibrary(QStringLiteral("MAIN"));
        settings.setCircDesk(QStringLiteral("DEFAULT_CIRC_DESK"));
        settings.setProfile(m_profile);
        settings.setSoundsEnabled(false);
    }
    ASSERT_TRUE(
        await(m_desk.writeSecret(SecretStore::apiKeyName(m_profile), m_sandbox->options().apiKey))
            .ok);
    LaunchOptions options;
    options.settingsFile = settingsPath;
    DeskLauncher launcher(options);
    QSignalSpy ready(&launcher, &DeskLauncher::ready);
    launcher.start();
    ASSERT_TRUE(ready.count() == 1 || ready.wait(20000));
    MainWindow *window = launcher.window();
    ASSERT_NE(window, nullptr);
    EXPECT_EQ(window->findChild<DemoBanner *>(), nullptr);
    SelfCheckBanner *banner = window->selfCheckBanner();
    QSignalSpy checked(banner, &SelfCheckBanner::checked);
    ASSERT_TRUE(checked.wait(30000));
    EXPECT_TRUE(checked.at(0).at(0).toBool()) << banner->text().toStdString();
    bool almaOk = false;
    for (const CheckResult &result : banner->results()) {
        if (result.id == QLatin1String("alma") || result.id == QLatin1String("keychain")) {
            EXPECT_EQ(result.status, CheckStatus::Ok) << result.detail.toStdString();
        }
        almaOk = almaOk || (result.id == QLatin1String("alma") && result.status == CheckStatus::Ok);
    }
    EXPECT_TRUE(almaOk);
    EXPECT_TRUE(await(m_desk.deleteSecret(SecretStore::apiKeyName(m_profile))).ok);
}

TEST(KeychainMissingTest, WithoutAKeychainServiceBothProgramsSaySoAndNameTheFix)
{
    QTemporaryDir dir;
    const QString settingsPath = dir.filePath(QStringLiteral("desk.ini"));
    {
        Settings settings(settingsPath);
        settings.setRegion(QStringLiteral("eu"));
        settings.setLibrary(QStringLiteral("MAIN"));
        settings.setCircDesk(QStringLiteral("DEFAULT_CIRC_DESK"));
    }
    QProcessEnvironment env = keychainEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    const ProgramRun cli =
        runProgram(cliPath(), keyArgs(QStringLiteral("check"), QStringLiteral("default")), {}, env);
    EXPECT_EQ(cli.exitCode, 3);
    EXPECT_TRUE(cli.err.contains(QStringLiteral("gnome-keyring"))) << cli.err.toStdString();

    // The desk's self-test: the keychain fails with its fix, and the configured Alma is not
    // replaced by the demo: it fails for want of a key, and no call is made.
    const ProgramRun gui = runProgram(
        guiPath(), {QStringLiteral("--self-test"), QStringLiteral("--settings"), settingsPath}, {},
        env);
    EXPECT_EQ(gui.exitCode, 1) << gui.out.toStdString() << gui.err.toStdString();
    const QStringList lines = gui.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 7) << gui.out.toStdString();
    EXPECT_TRUE(lines.at(2).startsWith(QStringLiteral("FAILED   Keychain:")));
    EXPECT_TRUE(lines.at(2).contains(QStringLiteral("sudo apt install gnome-keyring")));
    EXPECT_TRUE(lines.at(4).startsWith(QStringLiteral("FAILED   Alma:")));
    EXPECT_TRUE(lines.at(4).contains(QStringLiteral("no API key")));
    EXPECT_FALSE(gui.out.contains(QStringLiteral("demo Alma")));
    EXPECT_EQ(lines.at(6), QStringLiteral("self-test: FAILED"));
}

} // namespace migdesk::test
