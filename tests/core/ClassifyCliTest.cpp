// `migdesk-cli classify` as a process: JSON Lines in and out, a bad line reported with its
// number while the rest goes on, exit code 1 when any line failed.
#include "TestSupport.h"

#include <QProcess>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace {

struct CliRun {
    int exitCode = -1;
    std::vector<nlohmann::json> lines;
    QByteArray err;
};

CliRun runClassify(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    process.start(migdesk::test::cliPath(), QStringList{QStringLiteral("classify")} + args);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitCode();
    run.err = process.readAllStandardError();
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            run.lines.push_back(nlohmann::json::parse(line.toStdString()));
    }
    return run;
}

QByteArray itemLine(const char *barcode, const char *note1, const char *process = "TECHNICAL")
{
    nlohmann::json item = {{"bib_data", {{"mms_id", "991"}, {"title", "A book"}}},
                           {"holding_data", {{"holding_id", "221"}}},
                           {"item_data",
                            {{"pid", "231"},
                             {"barcode", barcode},
                             {"base_status", {{"value", "0"}}},
                             {"process_type", {{"value", process}}},
                             {"internal_note_1", note1}}}};
    return QByteArray::fromStdString(item.dump());
}

} // namespace

TEST(ClassifyCli, ClassifiesLinesAndReportsBadOnes)
{
    const QByteArray fixture =
        migdesk::test::readFixture(QStringLiteral("alma/item_response.json")).simplified();
    ASSERT_FALSE(fixture.isEmpty());
    QByteArray input = itemLine("B1", "Status: Missing") + '\n';
    input += "{not json\n";
    input += "\n";
    input += fixture + '\n';
    input += R"({"item": )" + itemLine("B4", "Status: Lost") +
             R"(, "loans": [{"loan_id": "L1", "loan_status": "ACTIVE"}]})" + '\n';
    input += "[1,2]\n";

    const CliRun run = runClassify({QStringLiteral("--mode"), QStringLiteral("followup")}, input);
    EXPECT_EQ(run.exitCode, 1);
    ASSERT_EQ(run.lines.size(), 5u) << run.err.toStdString();

    const auto &first = run.lines[0];
    EXPECT_EQ(first["barcode"], "B1");
    EXPECT_EQ(first["statuses"][0]["id"], "MISSING");
    EXPECT_EQ(first["statuses"][0]["note"], "internal_note_1");
    EXPECT_EQ(first["statuses"][0]["matched"], "Status: Missing");
    EXPECT_EQ(first["plan"]["steps"][0]["type"], "MARK_MISSING");
    EXPECT_FALSE(first["plan"]["explanation"].get<std::string>().empty());

    EXPECT_EQ(run.lines[1]["line"], 2);
    EXPECT_TRUE(run.lines[1].contains("error"));

    // The real Alma item: "Status: kat - kat" is no known status, shown verbatim.
    EXPECT_EQ(run.lines[2]["barcode"], "303011kj0");
    EXPECT_EQ(run.lines[2]["statuses"][0]["id"], "UNKNOWN");
    EXPECT_EQ(run.lines[2]["statuses"][0]["matched"], "Status: kat - kat");

    // With an active loan, a Lost item in follow-up is guided to Alma's Lost action.
    EXPECT_EQ(run.lines[3]["barcode"], "B4");
    EXPECT_EQ(run.lines[3]["plan"]["steps"][0]["type"], "GUIDE_LOST");

    EXPECT_EQ(run.lines[4]["line"], 6);
    EXPECT_TRUE(run.lines[4].contains("error"));
}

TEST(ClassifyCli, SourceNarrowsAndCleanRunExitsZero)
{
    const QByteArray input =
        itemLine("B1", "Status: Lost") + '\n' + itemLine("B2", "Status: Missing", "LOAN") + '\n';
    const CliRun koha = runClassify({QStringLiteral("--source"), QStringLiteral("koha")}, input);
    EXPECT_EQ(koha.exitCode, 0);
    ASSERT_EQ(koha.lines.size(), 2u);
    EXPECT_EQ(koha.lines[0]["statuses"][0]["id"], "LOST");
    EXPECT_EQ(koha.lines[0]["plan"]["steps"][0]["type"], "RETURN");
    EXPECT_EQ(koha.lines[1]["plan"]["steps"][0]["type"], "NOTHING");

    const CliRun sierra =
        runClassify({QStringLiteral("--source"), QStringLiteral("sierra")}, input);
    ASSERT_EQ(sierra.lines.size(), 2u);
    EXPECT_EQ(sierra.lines[0]["statuses"][0]["id"], "UNKNOWN");
    EXPECT_EQ(sierra.lines[0]["plan"]["steps"][0]["type"], "NEEDS_REVIEW");

    const CliRun bad = runClassify({QStringLiteral("--mode"), QStringLiteral("sideways")}, input);
    EXPECT_EQ(bad.exitCode, 2);
}
