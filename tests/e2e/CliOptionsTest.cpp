// The command-line checks that `migdesk-cli batch`, `bulk` and `find-items` share: the exact
// message and exit code (2) of every bad usage, the order the checks run in, --help, and where
// the API key comes from (the environment wins; else the keychain entry of --profile, which a
// headless test cannot reach). Each case runs the real migdesk-cli as a child process; only the
// environment-key case talks to a sandbox.
#include "E2eSupport.h"
#include "TestSupport.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using migdesk::test::cliPath;

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs migdesk-cli with `arguments`; MIGDESK_API_KEY is `key` (unset when empty). No session bus
// and no display: the keychain is unreachable, as on a headless server.
CliRun runCli(const QStringList &arguments, const QString &key = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MIGDESK_API_KEY"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    if (!key.isEmpty())
        env.insert(QStringLiteral("MIGDESK_API_KEY"), key);
    process.setProcessEnvironment(env);
    process.start(cliPath(), arguments);
    CliRun run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        ADD_FAILURE() << "migdesk-cli did not finish";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// What every usage error prints: the command's name, the message, and where the help is.
QString usage(const QString &command, const QString &message)
{
    return command + QStringLiteral(": ") + message + QStringLiteral("\nRun `migdesk-cli ") +
           command + QStringLiteral(" --help` for the options.\n");
}

class CliOptionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_list = m_dir.filePath(QStringLiteral("barcodes.txt"));
        QFile file(m_list);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("123\n");
    }

    // `batch` with everything a run needs except what `extra` adds.
    QStringList batch(const QStringList &extra, bool withTarget = true) const
    {
        QStringList args{QStringLiteral("batch"), QStringLiteral("--library"),
                         QStringLiteral("MAIN"), QStringLiteral("--circ-desk"),
                         QStringLiteral("DESK")};
        if (withTarget)
            args << QStringLiteral("--alma-url") << QStringLiteral("http://127.0.0.1:9");
        return args << extra;
    }
    QStringList bulk(const QStringList &extra) const
    {
        return QStringList{QStringLiteral("bulk"), QStringLiteral("--status"),
                           QStringLiteral("MISSING")}
               << extra;
    }

    void expectUsage(const QStringList &arguments, const QString &command, const QString &message,
                     const QString &key = QStringLiteral("not-a-real-key"))
    {
        const CliRun run = runCli(arguments, key);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(run.err, usage(command, message))
            << arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(run.out.isEmpty()) << run.out.toStdString();
    }

    QTemporaryDir m_dir;
    QString m_list;
};

const QString kBatch = QStringLiteral("batch");
const QString kBulk = QStringLiteral("bulk");
const QString kFind = QStringLiteral("find-items");

TEST_F(CliOptionsTest, BatchRefusesAKeyOnTheCommandLineBeforeAnythingElse)
{
    const QString message = QStringLiteral("the API key is never taken from the command line; set "
                                           "MIGDESK_API_KEY in the environment.");
    expectUsage(batch({QStringLiteral("--api-key=abc"), m_list}), kBatch, message);
    // Even a call that is wrong in other ways names the key first.
    expectUsage({kBatch, QStringLiteral("--apikey"), QStringLiteral("abc")}, kBatch, message);
    expectUsage({kBatch, QStringLiteral("--KEY=abc")}, kBatch, message);
}

TEST_F(CliOptionsTest, BatchReportsTheFirstProblemInOrder)
{
    expectUsage(batch({QStringLiteral("--bogus"), m_list}), kBatch,
                QStringLiteral("Unknown option 'bogus'."));
    // No file and a wrong mode: the file is named first.
    expectUsage(batch({QStringLiteral("--mode"), QStringLiteral("x")}), kBatch,
                QStringLiteral("give exactly one BARCODES_FILE."));
    expectUsage(batch({m_list, m_list}), kBatch, QStringLiteral("give exactly one BARCODES_FILE."));
    expectUsage(batch({QStringLiteral("--mode"), QStringLiteral("x"), m_list}), kBatch,
                QStringLiteral("unknown mode \"x\" (desk or followup)."));
    expectUsage({kBatch, QStringLiteral("--alma-url"), QStringLiteral("x"), m_list}, kBatch,
                QStringLiteral("--library and --circ-desk are required."));
    expectUsage(batch({m_list}, false), kBatch,
                QStringLiteral("give either --alma-url or --region."));
    expectUsage(batch({QStringLiteral("--region"), QStringLiteral("eu"), m_list}), kBatch,
                QStringLiteral("give either --alma-url or --region."));
    expectUsage(batch({QStringLiteral("--region"), QStringLiteral("mars"), m_list}, false), kBatch,
                QStringLiteral("unknown region \"mars\"."));
    expectUsage(batch({QStringLiteral("--alma-url"), QStringLiteral("http://"), m_list}, false),
                kBatch, QStringLiteral("--alma-url is not a valid URL."));
    expectUsage(batch({QStringLiteral("--rate-limit"), QStringLiteral("0"), m_list}), kBatch,
                QStringLiteral("--rate-limit must be a number between 0 and 1000."));
    expectUsage(batch({QStringLiteral("--source"), QStringLiteral("aleph"), m_list}), kBatch,
                QStringLiteral("unknown source ILS \"aleph\"."));
    expectUsage(batch({QStringLiteral("--proxy"), QStringLiteral("http://proxy:3128"), m_list}),
                kBatch,
                QStringLiteral("--proxy: \"http://proxy:3128\" is not a proxy: write system, "
                               "none, or HOST:PORT (for example proxy.example.edu:3128)."));
    const QString missing = m_dir.filePath(QStringLiteral("missing-ca.pem"));
    expectUsage(batch({QStringLiteral("--ca-file"), missing, m_list}), kBatch,
                QStringLiteral("The trusted CA file %1 cannot be used: No such file or "
                               "directory.")
                    .arg(missing));
    expectUsage(batch({QStringLiteral("--ca-file"), m_list, m_list}), kBatch,
                QStringLiteral("The trusted CA file %1 cannot be used: it holds no PEM "
                               "certificate (-----BEGIN CERTIFICATE-----).")
                    .arg(m_list));
}

// The start of the message when neither the environment nor the keychain has a key (after it
// comes what the keychain said, which depends on the machine).
QString noKey(const QString &command, const char *profile)
{
    return command +
           QStringLiteral(": no key: set MIGDESK_API_KEY or store one with the MigDesk "
                          "settings dialog for profile \"") +
           QLatin1String(profile) + QStringLiteral("\".");
}

void expectNoKey(const CliRun &run, const QString &command, const char *profile)
{
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.startsWith(noKey(command, profile))) << run.err.toStdString();
    EXPECT_TRUE(run.err.endsWith(QStringLiteral("Run `migdesk-cli ") + command +
                                 QStringLiteral(" --help` for the options.\n")))
        << run.err.toStdString();
}

TEST_F(CliOptionsTest, BatchWithoutAKeyNamesTheVariableAndTheProfile)
{
    expectNoKey(runCli(batch({m_list})), kBatch, "default");
    // A blank key is no key.
    expectNoKey(runCli(batch({m_list}), QStringLiteral("  ")), kBatch, "default");
    expectNoKey(runCli(batch({QStringLiteral("--profile"), QStringLiteral("Branch-7"), m_list})),
                kBatch, "Branch-7");
}

TEST_F(CliOptionsTest, BatchHelpListsTheSharedOptionsAndExitsZero)
{
    const CliRun run = runCli({kBatch, QStringLiteral("--help")});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.err.isEmpty()) << run.err.toStdString();
    // Qt names the program by its path on the usage line.
    EXPECT_TRUE(run.out.startsWith(QStringLiteral("Usage: "))) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral(" [options] BARCODES_FILE\n")));
    for (const char *option : {"--mode <mode>", "--alma-url <url>", "--region <region>",
                               "--journal <file>", "--report <file>", "--rate-limit <n>",
                               "--profile <name>", "--ca-file <file>", "--proxy <proxy>"})
        EXPECT_TRUE(run.out.contains(QLatin1String(option))) << option;
    EXPECT_TRUE(run.out.contains(QStringLiteral("the batch journal in the user's")));
    EXPECT_TRUE(run.out.indexOf(QStringLiteral("--mode")) <
                run.out.indexOf(QStringLiteral("--alma-url")));
}

TEST_F(CliOptionsTest, BulkReportsTheFirstProblemInOrder)
{
    expectUsage({kBulk, QStringLiteral("--key"), QStringLiteral("abc")}, kBulk,
                QStringLiteral("the API key is never taken from the command line; set "
                               "MIGDESK_API_KEY in the environment."));
    expectUsage({kBulk, QStringLiteral("--bogus")}, kBulk,
                QStringLiteral("Unknown option 'bogus'."));
    expectUsage(bulk({}), kBulk, QStringLiteral("give exactly one BARCODES_FILE."));
    expectUsage({kBulk, QStringLiteral("--resume"), m_list}, kBulk,
                QStringLiteral("--resume takes no BARCODES_FILE."));
    expectUsage({kBulk, m_list}, kBulk, QStringLiteral("--status must be MISSING or DAMAGED."));
    expectUsage(bulk({QStringLiteral("--verify"), QStringLiteral("some"), m_list}), kBulk,
                QStringLiteral("--verify must be all or sample:N."));
    expectUsage(bulk({m_list}), kBulk, QStringLiteral("give either --alma-url or --region."));
    expectUsage(bulk({QStringLiteral("--region"), QStringLiteral("mars"), m_list}), kBulk,
                QStringLiteral("unknown region \"mars\"."));
    expectUsage(bulk({QStringLiteral("--alma-url"), QStringLiteral("http://"), m_list}), kBulk,
                QStringLiteral("--alma-url is not a valid URL."));
    expectUsage(bulk({QStringLiteral("--alma-url"), QStringLiteral("http://127.0.0.1:9"),
                      QStringLiteral("--poll-ms"), QStringLiteral("10"), m_list}),
                kBulk, QStringLiteral("--poll-ms must be at least 50."));
}

TEST_F(CliOptionsTest, BulkWithoutAKeyNamesTheVariableAndTheProfile)
{
    expectNoKey(
        runCli(bulk({QStringLiteral("--alma-url"), QStringLiteral("http://127.0.0.1:9"), m_list})),
        kBulk, "default");
    // --resume needs no file and no status, but still a key.
    expectNoKey(runCli({kBulk, QStringLiteral("--resume"), QStringLiteral("--region"),
                        QStringLiteral("eu"), QStringLiteral("--profile"), QStringLiteral("p2")}),
                kBulk, "p2");
}

TEST_F(CliOptionsTest, TheEnvironmentKeyWinsOverTheProfile)
{
    migdesk::test::SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start({QStringLiteral("--items"), QStringLiteral("3")}));
    QFile list(m_list);
    ASSERT_TRUE(list.open(QIODevice::WriteOnly));
    list.write(migdesk::test::demoBarcodes(3).join(QLatin1Char('\n')).toUtf8() + '\n');
    list.close();
    const QStringList args{kBatch,
                           QStringLiteral("--library"),
                           QStringLiteral("MAIN"),
                           QStringLiteral("--circ-desk"),
                           QStringLiteral("DEFAULT_CIRC_DESK"),
                           QStringLiteral("--alma-url"),
                           sandbox.url(),
                           QStringLiteral("--dry-run"),
                           QStringLiteral("--profile"),
                           QStringLiteral("no-such-profile"),
                           QStringLiteral("--journal"),
                           m_dir.filePath(QStringLiteral("j.sqlite")),
                           QStringLiteral("--report"),
                           m_dir.filePath(QStringLiteral("r.csv")),
                           m_list};
    // The sandbox accepts only its own key: the run succeeds only with the environment's key,
    // although the profile has none (and no keychain is reachable).
    const CliRun run = runCli(args, migdesk::test::sandboxKey());
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("batch: 3 rows"))) << run.out.toStdString();
    EXPECT_FALSE(run.err.contains(QStringLiteral("no key"))) << run.err.toStdString();
}

TEST_F(CliOptionsTest, BulkHelpUsesTheSharedOptionTexts)
{
    const CliRun run = runCli({kBulk, QStringLiteral("-h")});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.out.contains(QStringLiteral(" [options] BARCODES_FILE\n")));
    EXPECT_TRUE(run.out.contains(QStringLiteral("the bulk journal in the user's")));
    EXPECT_TRUE(
        run.out.contains(QStringLiteral("Report CSV (default: BARCODES_FILE.report.csv).")));
}

TEST_F(CliOptionsTest, FindItemsReportsTheFirstProblemInOrder)
{
    expectUsage({kFind}, kFind, QStringLiteral("give exactly one ANALYTICS_CSV."));
    expectUsage({kFind, QStringLiteral("--mode"), QStringLiteral("x")}, kFind,
                QStringLiteral("give exactly one ANALYTICS_CSV."));
    expectUsage({kFind, QStringLiteral("--mode"), QStringLiteral("x"), m_list}, kFind,
                QStringLiteral("unknown mode \"x\" (desk or followup)."));
    expectUsage({kFind, QStringLiteral("--source"), QStringLiteral("aleph"), m_list}, kFind,
                QStringLiteral("unknown source ILS \"aleph\"."));
    expectUsage({kFind, QStringLiteral("--list"), QStringLiteral("nowhere"), m_list}, kFind,
                QStringLiteral("unknown route \"nowhere\"."));
    const CliRun help = runCli({kFind, QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral(" [options] ANALYTICS_CSV\n")));
    // The key is read only for --analytics-path, as batch reads it (never from the command line).
    EXPECT_TRUE(help.out.contains(QStringLiteral("--analytics-path")));
    EXPECT_TRUE(help.out.contains(QStringLiteral("--profile")));
    expectUsage({kFind, QStringLiteral("--api-key=abc"), m_list}, kFind,
                QStringLiteral("the API key is never taken from the command line; set "
                               "MIGDESK_API_KEY in the environment."));
    expectUsage({kFind, QStringLiteral("--region"), QStringLiteral("eu"), m_list}, kFind,
                QStringLiteral("--alma-url, --region and --limit go with --analytics-path."));
}

} // namespace
