// `migdesk-cli journal` as staff run it against the in-process sandbox: list, show and export
// name the operator; undo restores a condition MigDesk set (after its scan-in too), is journaled
// as an undo of that write, and is refused when Alma's record changed since.
#include "TestSupport.h"

#include "../bulk/CliRun.h"
#include "ExecutorSupport.h"
#include "journal/Journal.h"
#include "model/JsonUtil.h"

#include <SandboxServer.h>

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::sandbox::SandboxOptions;
using migdesk::sandbox::SandboxServer;
using migdesk::test::CliRun;
using migdesk::test::runCli;

namespace {

const QString kKey = QStringLiteral("sandbox-demo-key");

class JournalCliTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        SandboxOptions options;
        options.rateLimit = 0;
        m_server = std::make_unique<SandboxServer>(options);
        m_server->loadDemo(120, 1);
        ASSERT_TRUE(m_server->listen());
        m_barcode = test::demoExample(*m_server, QStringLiteral("Voyager Damaged: condition"));
        m_conditionBefore = condition();
        fixItem();
    }

    QString journalPath() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }

    // The desk's fix, as J. Smith: condition Damaged, then the scan-in; the journal is closed
    // after it so the CLI can open it.
    void fixItem()
    {
        AlmaConfig config;
        config.baseUrl = m_server->baseUrl();
        config.apiKey = kKey;
        config.rateLimitPerSecond = 500;
        AlmaClient client(&m_network, config);
        auto opened = Journal::open(journalPath());
        ASSERT_TRUE(opened.isOk());
        Journal &journal = *opened.value();
        journal.setOperator(QStringLiteral("J. Smith"));
        auto executor = test::makeDeskExecutor(&client, &journal);
        const Item shown = test::lookUpItem(client, m_barcode);
        const qint64 intent =
            journal.recordIntent(m_barcode, QStringLiteral("desk"), QStringLiteral("desk"));
        Step setCondition;
        setCondition.type = StepType::SetCondition;
        setCondition.conditionCode = QStringLiteral("DAMAGED");
        Step ret;
        ret.type = StepType::Return;
        const ExecutionResult result = test::waitForJob(
            executor->execute(intent, shown, {setCondition, ret}, QDateTime::currentDateTimeUtc()),
            &client);
        ASSERT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
        journal.finishIntent(intent, Outcome::Done, QStringLiteral("returned"));
        ASSERT_EQ(condition(), QStringLiteral("DAMAGED"));
    }

    QString condition() const
    {
        return json::code(m_server->itemJson(m_barcode)["item_data"], "physical_condition").value;
    }

    int puts() const
    {
        int count = 0;
        for (const auto &op : m_server->operations())
            count += op.barcode == m_barcode && op.method == QLatin1String("PUT") ? 1 : 0;
        return count;
    }

    CliRun journal(const QStringList &extra)
    {
        QStringList args{QStringLiteral("journal")};
        args << extra << QStringLiteral("--journal") << journalPath();
        return runCli(args, kKey);
    }

    CliRun undo()
    {
        return journal({QStringLiteral("undo"), QStringLiteral("--barcode"), m_barcode,
                        QStringLiteral("--yes"), QStringLiteral("--operator"),
                        QStringLiteral("K. Lee"), QStringLiteral("--alma-url"),
                        m_server->baseUrl().toString()});
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<SandboxServer> m_server;
    QString m_barcode;
    QString m_conditionBefore;
};

} // namespace

TEST_F(JournalCliTest, ListShowAndExportNameTheOperatorAndTheChange)
{
    const CliRun list = journal({QStringLiteral("list")});
    EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(m_barcode)) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("J. Smith")));
    EXPECT_TRUE(list.out.contains(QStringLiteral("done")));

    const CliRun show = journal({QStringLiteral("show"), QStringLiteral("--barcode"), m_barcode});
    EXPECT_EQ(show.exitCode, 0);
    EXPECT_TRUE(show.out.contains(QStringLiteral("scan_in ok by J. Smith")))
        << show.out.toStdString();
    EXPECT_TRUE(show.out.contains(QStringLiteral("put ok by J. Smith")));

    const CliRun exported = journal({QStringLiteral("export")});
    EXPECT_EQ(exported.exitCode, 0);
    const QStringList lines = exported.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << exported.out.toStdString();
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("intent,time,operator,barcode")));
    EXPECT_TRUE(lines[1].contains(QStringLiteral(",J. Smith,") + m_barcode));
    EXPECT_TRUE(lines[1].contains(QStringLiteral(",done,")));
    EXPECT_TRUE(lines[1].contains(QStringLiteral("physical_condition:"))) << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains(QStringLiteral("process_type:")));

    const CliRun summary = journal({QStringLiteral("export"), QStringLiteral("--summary")});
    EXPECT_EQ(summary.exitCode, 0);
    EXPECT_TRUE(summary.out.startsWith(QStringLiteral("operator,day,items,done,needs_staff")));
    EXPECT_TRUE(summary.out.contains(QStringLiteral("J. Smith,") +
                                     QDate::currentDate().toString(Qt::ISODate) +
                                     QStringLiteral(",1,1,0,0,")))
        << summary.out.toStdString();
}

TEST_F(JournalCliTest, UndoRestoresTheConditionAndIsJournaledAsAnUndo)
{
    const int putsBefore = puts();
    const CliRun run = undo();
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    EXPECT_EQ(condition(), m_conditionBefore);
    EXPECT_EQ(puts(), putsBefore + 1);

    auto opened = Journal::open(journalPath());
    ASSERT_TRUE(opened.isOk());
    const auto intents = opened.value()->intents();
    ASSERT_EQ(intents.size(), 1u);
    const auto &writes = intents[0].writes;
    ASSERT_EQ(writes.size(), 3u); // the condition PUT, the scan-in, the undo
    EXPECT_EQ(writes[2].kind, QStringLiteral("put"));
    EXPECT_EQ(writes[2].undoOf, writes[0].id);
    EXPECT_EQ(writes[2].status, QStringLiteral("ok"));
    EXPECT_EQ(writes[2].operatorName, QStringLiteral("K. Lee"));
    EXPECT_FALSE(opened.value()->lastFieldChange(m_barcode).has_value());
    opened.value().reset();

    const CliRun again = undo();
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("no field change"))) << again.err.toStdString();
}

TEST_F(JournalCliTest, UndoIsRefusedWhenAlmasRecordChangedSince)
{
    ASSERT_TRUE(m_server->touchItem(m_barcode));
    const int putsBefore = puts();
    const CliRun run = undo();
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("changed in Alma"))) << run.err.toStdString();
    EXPECT_EQ(condition(), QStringLiteral("DAMAGED"));
    EXPECT_EQ(puts(), putsBefore);
}

TEST_F(JournalCliTest, UsageErrorsExitTwo)
{
    EXPECT_EQ(runCli({QStringLiteral("journal"), QStringLiteral("list")}).exitCode, 2);
    EXPECT_EQ(journal({QStringLiteral("remove")}).exitCode, 2);
    EXPECT_EQ(journal({QStringLiteral("undo")}).exitCode, 2);
    EXPECT_EQ(
        journal({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("0")}).exitCode,
        2);
}

TEST_F(JournalCliTest, BatchRecordsItsOperatorOnEveryRowAndInTheReport)
{
    QStringList barcodes;
    for (const auto &example : m_server->demoExamples()) {
        if (barcodes.size() < 6 && example.barcode != m_barcode)
            barcodes << example.barcode;
    }
    const QString list = m_dir.filePath(QStringLiteral("list.txt"));
    const QString report = m_dir.filePath(QStringLiteral("report.csv"));
    const QString batchJournal = m_dir.filePath(QStringLiteral("batch.sqlite"));
    test::writeFile(m_dir, QStringLiteral("list.txt"), barcodes.join(QLatin1Char('\n')).toUtf8());
    const CliRun run =
        runCli({QStringLiteral("batch"), QStringLiteral("--library"), QStringLiteral("MAIN"),
                QStringLiteral("--circ-desk"), QStringLiteral("DEFAULT_CIRC_DESK"),
                QStringLiteral("--alma-url"), m_server->baseUrl().toString(),
                QStringLiteral("--journal"), batchJournal, QStringLiteral("--report"), report,
                QStringLiteral("--operator"), QStringLiteral("Night Shift"), list},
               kKey);
    ASSERT_NE(run.exitCode, 2) << run.err.toStdString();
    auto opened = Journal::open(batchJournal);
    ASSERT_TRUE(opened.isOk());
    const auto intents = opened.value()->intents();
    ASSERT_EQ(intents.size(), static_cast<size_t>(barcodes.size()));
    int writes = 0;
    for (const JournalIntent &intent : intents) {
        EXPECT_EQ(intent.operatorName, QStringLiteral("Night Shift"));
        for (const JournalWrite &write : intent.writes) {
            EXPECT_EQ(write.operatorName, QStringLiteral("Night Shift"));
            ++writes;
        }
    }
    EXPECT_GT(writes, 0);
    QFile file(report);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
    EXPECT_TRUE(lines[0].endsWith(QStringLiteral(",Operator")));
    EXPECT_TRUE(lines[1].endsWith(QStringLiteral(",Night Shift")));

    const CliRun empty = runCli(
        {QStringLiteral("batch"), QStringLiteral("--library"), QStringLiteral("MAIN"),
         QStringLiteral("--circ-desk"), QStringLiteral("D"), QStringLiteral("--alma-url"),
         m_server->baseUrl().toString(), QStringLiteral("--operator"), QStringLiteral(" "), list},
        kKey);
    EXPECT_EQ(empty.exitCode, 2);
    EXPECT_TRUE(empty.err.contains(QStringLiteral("--operator"))) << empty.err.toStdString();
}

TEST_F(JournalCliTest, BatchStampsTheChosenNoteAndRefusesAnUnknownField)
{
    const QString barcode =
        test::demoExample(*m_server, QStringLiteral("Sierra Missing, in hand: returned"));
    test::writeFile(m_dir, QStringLiteral("one.txt"), barcode.toUtf8());
    QStringList args{QStringLiteral("batch"),
                     QStringLiteral("--library"),
                     QStringLiteral("MAIN"),
                     QStringLiteral("--circ-desk"),
                     QStringLiteral("DEFAULT_CIRC_DESK"),
                     QStringLiteral("--alma-url"),
                     m_server->baseUrl().toString(),
                     QStringLiteral("--journal"),
                     m_dir.filePath(QStringLiteral("stamp.sqlite")),
                     QStringLiteral("--operator"),
                     QStringLiteral("Night Shift"),
                     QStringLiteral("--stamp-note")};
    const CliRun wrong = runCli(QStringList(args) << QStringLiteral("internal_note_1")
                                                  << m_dir.filePath(QStringLiteral("one.txt")),
                                kKey);
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("statistics_note_1"))) << wrong.err.toStdString();

    const CliRun run = runCli(QStringList(args) << QStringLiteral("statistics_note_3")
                                                << m_dir.filePath(QStringLiteral("one.txt")),
                              kKey);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    const auto data = m_server->itemJson(barcode)["item_data"];
    EXPECT_TRUE(json::str(data, "statistics_note_3")
                    .startsWith(QStringLiteral("MigDesk %1 Night Shift: ")
                                    .arg(QDate::currentDate().toString(Qt::ISODate))))
        << json::str(data, "statistics_note_3").toStdString();
}
