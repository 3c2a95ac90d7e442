// `migdesk-cli bulk --operator`: the job's intent, every item's intent and every write of the
// run (set, job, verification) carry the operator.
#include "BulkHarness.h"
#include "CliRun.h"
#include "TestSupport.h"

#include "journal/Journal.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::test::barcodeRange;
using migdesk::test::BulkHarness;
using migdesk::test::CliRun;
using migdesk::test::runCli;
using migdesk::test::writeFile;

TEST(BulkOperatorTest, EveryJournalRowOfABulkRunCarriesTheOperator)
{
    BulkHarness h(8, 1);
    ASSERT_TRUE(h.loaded);
    const QString list = writeFile(h.dir, QStringLiteral("list.txt"),
                                   barcodeRange(8).join(QLatin1Char('\n')).toUtf8());
    const QString journalPath = h.dir.filePath(QStringLiteral("operator.db"));
    const QString report = h.dir.filePath(QStringLiteral("operator-report.csv"));
    const CliRun run = runCli(
        {QStringLiteral("bulk"), QStringLiteral("--status"), QStringLiteral("DAMAGED"),
         QStringLiteral("--alma-url"), h.server->baseUrl().toString(), QStringLiteral("--journal"),
         journalPath, QStringLiteral("--report"), report, QStringLiteral("--poll-ms"),
         QStringLiteral("100"), QStringLiteral("--operator"), QStringLiteral("AB"), list},
        h.server->options().apiKey);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    auto opened = Journal::open(journalPath);
    ASSERT_TRUE(opened.isOk());
    const auto intents = opened.value()->intents();
    ASSERT_GE(intents.size(), 9u); // the job and eight items
    int writes = 0;
    for (const JournalIntent &intent : intents) {
        EXPECT_EQ(intent.operatorName, QStringLiteral("AB")) << intent.source.toStdString();
        for (const JournalWrite &write : intent.writes) {
            EXPECT_EQ(write.operatorName, QStringLiteral("AB")) << write.kind.toStdString();
            ++writes;
        }
    }
    EXPECT_GT(writes, 0);
    QFile file(report);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
    ASSERT_GE(lines.size(), 9);
    EXPECT_TRUE(lines[0].endsWith(QStringLiteral(",Operator")));
    for (int i = 1; i <= 8; ++i)
        EXPECT_TRUE(lines[i].endsWith(QStringLiteral(",AB"))) << lines[i].toStdString();
}
