// `migdesk-cli bulk` and `find-items` as a user runs them: against the in-process sandbox over
// loopback (the process runs asynchronously so the sandbox keeps serving).
#include "BulkHarness.h"
#include "CliRun.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QProcess>
#include <QSignalSpy>

using namespace migdesk;
using migdesk::test::barcodeRange;
using migdesk::test::BulkHarness;
using migdesk::test::CliRun;
using migdesk::test::runCli;
using migdesk::test::writeFile;

namespace {

TEST(BulkCliTest, BulkAgainstTheSandboxNeedsNoTemplateAndWritesTheReport)
{
    BulkHarness h(40, 1);
    ASSERT_TRUE(h.loaded);
    const QString list = writeFile(h.dir, QStringLiteral("list.txt"),
                                   barcodeRange(40).join(QLatin1Char('\n')).toUtf8() + "\nNOPE\n");
    const QString report = h.dir.filePath(QStringLiteral("report.csv"));
    const CliRun run =
        runCli({QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("MISSING"),
                QStringLiteral("--alma-url"), h.server->baseUrl().toString(),
                QStringLiteral("--journal"), h.dir.filePath(QStringLiteral("cli.db")),
                QStringLiteral("--report"), report, QStringLiteral("--verify"),
                QStringLiteral("all"), QStringLiteral("--poll-ms"), QStringLiteral("100"), list},
               h.server->options().apiKey);
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString(); // NOPE is not a member: not all done
    EXPECT_TRUE(run.out.contains(QStringLiteral("done 40"))) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("not_found 1"))) << run.out.toStdString();
    QFile file(report);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    EXPECT_EQ(csv.count(QStringLiteral(",MARK_MISSING,done,")), 40);
    // Added with fail_on_invalid_id=false: Alma skipped NOPE; its own row says so.
    const QString nope = csv.split(QLatin1Char('\n')).filter(QStringLiteral("NOPE")).value(0);
    EXPECT_TRUE(nope.contains(QStringLiteral(",not_found,"))) << nope.toStdString();
    EXPECT_TRUE(nope.contains(QStringLiteral("did not add this barcode"))) << nope.toStdString();
    EXPECT_FALSE(csv.contains(h.server->options().apiKey));
    for (const QString &barcode : barcodeRange(40))
        EXPECT_EQ(h.processType(barcode), QStringLiteral("MISSING"));
    // The shipped M18 ran, in Alma's vocabulary.
    EXPECT_EQ(
        h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/M18"), QStringLiteral("run")),
        1);
}

TEST(BulkCliTest, DamagedAgainstTheSandboxNeedsNoTemplate)
{
    BulkHarness h(12, 1);
    ASSERT_TRUE(h.loaded);
    const QString list = writeFile(h.dir, QStringLiteral("list.txt"),
                                   barcodeRange(12).join(QLatin1Char('\n')).toUtf8());
    const CliRun run =
        runCli({QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("DAMAGED"),
                QStringLiteral("--alma-url"), h.server->baseUrl().toString(),
                QStringLiteral("--journal"), h.dir.filePath(QStringLiteral("cli.db")),
                QStringLiteral("--poll-ms"), QStringLiteral("100"), list},
               h.server->options().apiKey);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("done 12"))) << run.out.toStdString();
    for (const QString &barcode : barcodeRange(12)) {
        const auto item = h.server->itemJson(barcode);
        EXPECT_EQ(item["item_data"]["physical_condition"].value("value", std::string()), "DAMAGED");
        EXPECT_EQ(h.processType(barcode), QStringLiteral("TECHNICAL")); // Missing not selected
    }
}

TEST(BulkCliTest, BulkUsageErrorsExitTwo)
{
    QTemporaryDir dir;
    const QString list = writeFile(dir, QStringLiteral("l.txt"), "A\n");
    // No key in the environment.
    EXPECT_EQ(runCli({QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("MISSING"),
                      QStringLiteral("--alma-url"), QStringLiteral("http://127.0.0.1:9"), list})
                  .exitCode,
              2);
    // A key on the command line is refused.
    EXPECT_EQ(
        runCli({QStringLiteral("bulk"), QStringLiteral("--api-key=x"), list}, QStringLiteral("k"))
            .exitCode,
        2);
    // No template: the shipped M18, against any Alma (here one that refuses the connection).
    const CliRun noTemplate =
        runCli({QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("MISSING"),
                QStringLiteral("--alma-url"), QStringLiteral("http://127.0.0.1:9"),
                QStringLiteral("--journal"), dir.filePath(QStringLiteral("j.db")), list},
               QStringLiteral("k"));
    EXPECT_EQ(noTemplate.exitCode, 1);
    EXPECT_TRUE(noTemplate.err.contains(QStringLiteral("M18"))) << noTemplate.err.toStdString();
    // An unusable --ca-file or --proxy is a usage error naming it.
    const CliRun badCa = runCli({QStringLiteral("bulk"), QStringLiteral("--status"),
                                 QStringLiteral("MISSING"), QStringLiteral("--region"),
                                 QStringLiteral("eu"), QStringLiteral("--ca-file"), list, list},
                                QStringLiteral("k"));
    EXPECT_EQ(badCa.exitCode, 2);
    EXPECT_TRUE(badCa.err.contains(QStringLiteral("no PEM certificate")))
        << badCa.err.toStdString();
    const CliRun badProxy =
        runCli({QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("MISSING"),
                QStringLiteral("--region"), QStringLiteral("eu"), QStringLiteral("--proxy"),
                QStringLiteral("proxy-without-port"), list},
               QStringLiteral("k"));
    EXPECT_EQ(badProxy.exitCode, 2);
    EXPECT_TRUE(badProxy.err.contains(QStringLiteral("HOST:PORT"))) << badProxy.err.toStdString();
    // A broken template names the problem.
    const QString broken = writeFile(dir, QStringLiteral("t.json"), R"({"job_id":"M1"})");
    const CliRun badTemplate =
        runCli({QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("MISSING"),
                QStringLiteral("--region"), QStringLiteral("eu"), QStringLiteral("--job-template"),
                broken, list},
               QStringLiteral("k"));
    EXPECT_EQ(badTemplate.exitCode, 2);
    EXPECT_TRUE(badTemplate.err.contains(QStringLiteral("t.json")))
        << badTemplate.err.toStdString();
    // Unknown status.
    EXPECT_EQ(runCli({QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("LOST"),
                      QStringLiteral("--region"), QStringLiteral("eu"), list},
                     QStringLiteral("k"))
                  .exitCode,
              2);
}

TEST(BulkCliTest, FindItemsGroupsAnExport)
{
    QTemporaryDir dir;
    const QString csv = writeFile(dir, QStringLiteral("export.csv"),
                                  "Barcode,Process Type,Internal Note 1,Internal Note 3\r\n"
                                  "B1,Technical - Migration,Status: Missing,\r\n"
                                  "B2,Technical - Migration,,Missing\r\n"
                                  "B3,Technical - Migration,Status: Damaged,\r\n");
    const CliRun json = runCli({QStringLiteral("find-items"), csv, QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const auto doc = nlohmann::json::parse(json.out.toStdString(), nullptr, false);
    ASSERT_TRUE(doc.is_object());
    EXPECT_EQ(doc["rows"], 3);
    EXPECT_EQ(doc["groups"][0]["count"], 2);
    EXPECT_EQ(doc["groups"][0]["route"], "job");

    const CliRun list = runCli(
        {QStringLiteral("find-items"), csv, QStringLiteral("--list"), QStringLiteral("job")});
    EXPECT_EQ(list.out, QStringLiteral("B1\nB2\n"));

    const QString bad = writeFile(dir, QStringLiteral("bad.csv"), "Title\r\nx\r\n");
    EXPECT_EQ(runCli({QStringLiteral("find-items"), bad}).exitCode, 1);
    EXPECT_EQ(runCli({QStringLiteral("find-items")}).exitCode, 2);
}

} // namespace
