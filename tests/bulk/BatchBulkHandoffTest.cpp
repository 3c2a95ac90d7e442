// `migdesk-cli batch` and the bulk Missing job: with the "job" strategy the batch writes nothing
// for Mark Missing, says so in each report row, and lists the barcodes beside the report; that
// list, handed to `migdesk-cli bulk`, marks every item Missing with one job.
#include "BulkHarness.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QSignalSpy>

using namespace migdesk;
using migdesk::test::barcodeRange;
using migdesk::test::BulkHarness;

namespace {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments, const QString &apiKey)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MIGDESK_API_KEY"), apiKey);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(migdesk::test::cliPath(), arguments);
    if (!finished.wait(90000)) {
        process.kill();
        process.waitForFinished(5000);
        ADD_FAILURE() << "migdesk-cli did not finish";
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

TEST(BatchBulkHandoffTest, BatchListsMissingItemsForTheJobAndBulkMarksThem)
{
    BulkHarness h(30, 1);
    ASSERT_TRUE(h.loaded);
    const QString list = h.dir.filePath(QStringLiteral("list.txt"));
    {
        QFile file(list);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(barcodeRange(30).join(QLatin1Char('\n')).toUtf8() + '\n');
    }
    const QString report = h.dir.filePath(QStringLiteral("batch.csv"));
    const QString key = h.server->options().apiKey;
    const CliResult batch = runCli(
        {QStringLiteral("batch"), QStringLiteral("--mode"), QStringLiteral("followup"),
         QStringLiteral("--library"), QStringLiteral("MAIN"), QStringLiteral("--circ-desk"),
         QStringLiteral("DEFAULT_CIRC_DESK"), QStringLiteral("--alma-url"),
         h.server->baseUrl().toString(), QStringLiteral("--journal"),
         h.dir.filePath(QStringLiteral("batch.db")), QStringLiteral("--report"), report, list},
        key);
    EXPECT_EQ(batch.exitCode, 0) << batch.err.toStdString();
    // Nothing was written to Alma for these items.
    EXPECT_TRUE(h.server->operations().empty());
    const QString jobList = report + QStringLiteral(".missing-job.txt");
    EXPECT_TRUE(batch.err.contains(QStringLiteral("30 items wait for Alma's bulk Missing job")))
        << batch.err.toStdString();
    EXPECT_TRUE(batch.err.contains(jobList));
    EXPECT_EQ(readText(jobList).split(QLatin1Char('\n'), Qt::SkipEmptyParts), barcodeRange(30));
    const QString csv = readText(report);
    EXPECT_EQ(csv.count(QStringLiteral("Left for Alma's bulk Missing job")), 30)
        << csv.left(2000).toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("bulk --status MISSING batch.csv.missing-job.txt")));

    // The list goes to `bulk` as it is: one set, one job, every item Missing.
    const CliResult bulk =
        runCli({QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("MISSING"),
                QStringLiteral("--alma-url"), h.server->baseUrl().toString(),
                QStringLiteral("--journal"), h.dir.filePath(QStringLiteral("bulk.db")),
                QStringLiteral("--report"), h.dir.filePath(QStringLiteral("bulk.csv")),
                QStringLiteral("--poll-ms"), QStringLiteral("100"), jobList},
               key);
    EXPECT_EQ(bulk.exitCode, 0) << bulk.err.toStdString() << bulk.out.toStdString();
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/")), 1);
    EXPECT_EQ(h.countOps(QStringLiteral("PUT"), QStringLiteral("/items")), 0);
    for (const QString &barcode : barcodeRange(30))
        EXPECT_EQ(h.processType(barcode), QStringLiteral("MISSING"));
}
