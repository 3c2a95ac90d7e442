// The set a bulk run creates: deleted once the run is verified (journaled as a write), kept when
// the library's setting says so or when any item did not show the change, and a name Alma already
// has (402263, e.g. a kept set of an earlier run that day) answered by a numbered name.
#include "BulkHarness.h"

#include "TestSupport.h"
#include "bulk/BulkState.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::test::barcodeRange;
using migdesk::test::BulkHarness;

namespace {

int setDeletes(const BulkHarness &h)
{
    return h.countOps(QStringLiteral("DELETE"), QStringLiteral("/conf/sets/"));
}

bool setExists(const BulkHarness &h, const QString &setId)
{
    for (const auto &operation : h.server->operations()) {
        if (operation.method == QLatin1String("DELETE") && operation.path.endsWith(setId))
            return operation.status != 204;
    }
    return true;
}

TEST(BulkSetCleanupTest, VerifiedRunDeletesItsSet)
{
    BulkHarness h(20, 0);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, h.request(barcodeRange(20)));
    ASSERT_TRUE(summary.ok) << summary.message.toStdString();
    EXPECT_TRUE(summary.setDeleted);
    EXPECT_EQ(setDeletes(h), 1);
    EXPECT_FALSE(setExists(h, summary.setId));
    EXPECT_TRUE(summary.message.contains(QStringLiteral("was deleted")))
        << summary.message.toStdString();
    // The deletion is a journaled write of the run, and nothing is left to resume.
    bool journaled = false;
    JournalQuery query;
    for (const auto &intent : h.journal->intents(query)) {
        for (const auto &write : intent.writes)
            journaled = journaled || (write.kind == QLatin1String("set_delete") &&
                                      write.status == QLatin1String("ok"));
    }
    EXPECT_TRUE(journaled);
    EXPECT_TRUE(findUnfinishedBulkRuns(*h.journal).empty());
}

TEST(BulkSetCleanupTest, SettingKeepsTheSet)
{
    BulkHarness h(10, 0);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRunner runner(h.client.get(), h.journal.get());
    BulkRequest request = h.request(barcodeRange(10));
    request.keepSet = true;
    const BulkSummary summary = BulkHarness::run(runner, request);
    ASSERT_TRUE(summary.ok) << summary.message.toStdString();
    EXPECT_FALSE(summary.setDeleted);
    EXPECT_EQ(setDeletes(h), 0);

    // The same session the same day again: the kept set holds the name, so Alma answers 402263
    // and the run takes a numbered name.
    BulkRunner second(h.client.get(), h.journal.get());
    const BulkSummary again = BulkHarness::run(second, h.request(barcodeRange(10)));
    EXPECT_TRUE(again.ok) << again.message.toStdString();
    EXPECT_EQ(again.setName, summary.setName + QStringLiteral(" (2)"));
    EXPECT_NE(again.setId, summary.setId);
    EXPECT_TRUE(again.setDeleted);
}

TEST(BulkSetCleanupTest, UnverifiedRunKeepsTheSet)
{
    // Every fifth item is on loan: the job cannot mark it Missing, so the re-read finds it
    // unchanged and the set stays for staff to look at.
    BulkHarness h(10, 0, 5);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, h.request(barcodeRange(10)));
    EXPECT_FALSE(summary.ok);
    EXPECT_GT(summary.count(Outcome::Error), 0);
    EXPECT_FALSE(summary.setDeleted);
    EXPECT_EQ(setDeletes(h), 0);
}

TEST(BulkSetCleanupTest, CliKeepSetOption)
{
    BulkHarness h(5, 0);
    ASSERT_TRUE(h.loaded);
    QFile list(h.dir.filePath(QStringLiteral("list.txt")));
    ASSERT_TRUE(list.open(QIODevice::WriteOnly));
    list.write(barcodeRange(5).join(QLatin1Char('\n')).toUtf8());
    list.close();
    auto run = [&](bool keep) {
        QStringList arguments = {QStringLiteral("bulk"),
                                 QStringLiteral("--status"),
                                 QStringLiteral("MISSING"),
                                 QStringLiteral("--alma-url"),
                                 h.server->baseUrl().toString(),
                                 QStringLiteral("--journal"),
                                 h.dir.filePath(QStringLiteral("cli.db")),
                                 QStringLiteral("--report"),
                                 h.dir.filePath(QStringLiteral("report.csv")),
                                 QStringLiteral("--poll-ms"),
                                 QStringLiteral("100")};
        if (keep)
            arguments << QStringLiteral("--keep-set");
        arguments << list.fileName();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MIGDESK_API_KEY"), h.server->options().apiKey);
        process.setProcessEnvironment(env);
        process.start(test::cliPath(), arguments);
        // The sandbox runs in this process: keep its event loop turning while the CLI works.
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 90000));
        EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    };
    run(true);
    EXPECT_EQ(setDeletes(h), 0);
    run(false); // the kept set holds the name: this run's set is "... (2)", then deleted
    EXPECT_EQ(setDeletes(h), 1);
}

} // namespace
