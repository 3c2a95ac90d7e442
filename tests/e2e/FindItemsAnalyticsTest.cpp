// `migdesk-cli find-items --analytics-path` against `migdesk-cli sandbox`: the same JSON groups
// as `find-items` on a CSV export of the same report, for every report of the sandbox and for
// both work modes; and the report's errors (bad path, permission) as exit code 1.
#include "E2eSupport.h"

#include <SandboxAnalytics.h>

namespace migdesk::test {
namespace {

using sandbox::SandboxAnalytics;

constexpr int kItems = 600;
constexpr quint32 kSeed = 7;

// The report as Analytics' "Export to CSV" writes it: the headings, then every row, with the
// cells Analytics leaves out of its XML as empty fields.
QByteArray csvExport(const QString &path)
{
    SandboxAnalytics analytics;
    analytics.load(sandbox::generateDemoData(kItems, kSeed).records);
    const auto table = analytics.table(path);
    if (!table)
        return {};
    QString text = csv::formatRow(table->headings);
    for (const QStringList &row : table->rows)
        text += csv::formatRow(row);
    return text.toUtf8();
}

class FindItemsAnalyticsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(sandbox.start({QStringLiteral("--items"), QString::number(kItems),
                                   QStringLiteral("--seed"), QString::number(kSeed),
                                   QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    }

    BatchRun findItems(const QStringList &extra)
    {
        return runBatch(QStringList{QStringLiteral("find-items"), QStringLiteral("--json")} +
                        extra);
    }

    SandboxProcess sandbox;
    QTemporaryDir dir;
};

TEST_F(FindItemsAnalyticsTest, ReportAndItsCsvExportGiveIdenticalGroups)
{
    for (const QString &path :
         {SandboxAnalytics::backlogReportPath(), SandboxAnalytics::allItemsReportPath(),
          SandboxAnalytics::lateFinishReportPath()}) {
        const QString csvPath = dir.filePath(QStringLiteral("export.csv"));
        QFile file(csvPath);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(csvExport(path));
        file.close();
        for (const char *mode : {"followup", "desk"}) {
            const QStringList modeArgs{QStringLiteral("--mode"), QString::fromLatin1(mode)};
            const BatchRun fromCsv = findItems(modeArgs + QStringList{csvPath});
            // 75 rows a page: several pages, whatever the report's size.
            const BatchRun fromAlma =
                findItems(modeArgs + QStringList{QStringLiteral("--analytics-path"), path,
                                                 QStringLiteral("--alma-url"), sandbox.url(),
                                                 QStringLiteral("--limit"), QStringLiteral("75")});
            ASSERT_EQ(fromCsv.exitCode, 0) << fromCsv.err.toStdString();
            ASSERT_EQ(fromAlma.exitCode, 0) << fromAlma.err.toStdString();
            const auto csvJson = nlohmann::json::parse(fromCsv.out.toStdString());
            const auto almaJson = nlohmann::json::parse(fromAlma.out.toStdString());
            EXPECT_GT(csvJson["groups"].size(), 2u) << path.toStdString();
            EXPECT_GT(csvJson["rows"].get<int>(), 75) << path.toStdString();
            EXPECT_EQ(almaJson, csvJson) << path.toStdString() << " " << mode;
        }
    }
}

TEST_F(FindItemsAnalyticsTest, ReportErrorsExitWithOneAndSayWhy)
{
    const BatchRun bad = findItems({QStringLiteral("--analytics-path"),
                                    SandboxAnalytics::folderPath() + QStringLiteral("/Nope"),
                                    QStringLiteral("--alma-url"), sandbox.url()});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains("Nope")) << bad.err.toStdString();
    const BatchRun denied =
        findItems({QStringLiteral("--analytics-path"), SandboxAnalytics::restrictedReportPath(),
                   QStringLiteral("--alma-url"), sandbox.url()});
    EXPECT_EQ(denied.exitCode, 1);
    EXPECT_FALSE(denied.err.contains(sandboxKey().toUtf8()));
    const BatchRun both = findItems(
        {QStringLiteral("--analytics-path"), SandboxAnalytics::backlogReportPath(),
         QStringLiteral("--alma-url"), sandbox.url(), dir.filePath(QStringLiteral("x.csv"))});
    EXPECT_EQ(both.exitCode, 2);
    const BatchRun badLimit =
        findItems({QStringLiteral("--analytics-path"), SandboxAnalytics::backlogReportPath(),
                   QStringLiteral("--alma-url"), sandbox.url(), QStringLiteral("--limit"),
                   QStringLiteral("30")});
    EXPECT_EQ(badLimit.exitCode, 2);
}

} // namespace
} // namespace migdesk::test
