// AnalyticsReader and the paths browser against the in-process sandbox: several pages, a
// single-row last page, cells left out, 420033 after a page that did not say it was the last,
// a bad path, a permission error, cancel, and the folder listing.
#include "SandboxAnalytics.h"
#include "SandboxClientTest.h"
#include "analytics/AnalyticsCalls.h"
#include "analytics/AnalyticsReader.h"
#include "model/ErrorPolicy.h"

#include <QSignalSpy>

namespace migdesk::test {
namespace {

using sandbox::SandboxAnalytics;

constexpr int kMigrationItems = 51; // 25 + 25 + 1: the last page holds a single row

struct CollectingSink : AnalyticsRowSink {
    int headingCalls = 0;
    QStringList heads;
    std::vector<QStringList> rows;
    void headings(const QStringList &h) override
    {
        ++headingCalls;
        heads = h;
    }
    void row(const QStringList &cells) override { rows.push_back(cells); }
};

class AnalyticsSandboxTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        sandbox::SandboxOptions options;
        options.apiKey = kSandboxKey;
        options.rateLimit = 0;
        server = std::make_unique<sandbox::SandboxServer>(options);
        nlohmann::json items = nlohmann::json::array();
        for (int i = 1; i <= kMigrationItems + 3; ++i) {
            nlohmann::json item = sandboxItem(QStringLiteral("AN-%1").arg(i), i);
            auto &data = item["item_data"];
            if (i <= kMigrationItems)
                data["process_type"] = {{"value", "TECHNICAL"}, {"desc", "Technical - Migration"}};
            data["internal_note_1"] = i % 3 == 0 ? "" : "MISSING";
            data["internal_note_3"] = i % 2 == 0 ? "" : "Damaged <spine> & cover";
            items.push_back(item);
        }
        QString error;
        ASSERT_TRUE(server->loadData(
            QByteArray::fromStdString(nlohmann::json{{"items", items}}.dump()), &error))
            << error.toStdString();
        ASSERT_TRUE(server->listen());
        client =
            std::make_unique<AlmaClient>(&network, loopbackConfig(server->baseUrl(), kSandboxKey));
    }

    // Reads `path` to the end; returns the reader's error.
    ApiError read(const QString &path, CollectingSink *sink, int limit, int *pages = nullptr,
                  bool cancelAtFirstPage = false)
    {
        AnalyticsReader reader(client.get());
        QSignalSpy finished(&reader, &AnalyticsReader::finished);
        QObject::connect(&reader, &AnalyticsReader::progress, &reader, [&](qint64, int) {
            if (cancelAtFirstPage)
                reader.cancel();
        });
        reader.start(path, sink, limit);
        EXPECT_TRUE(finished.wait(20000));
        EXPECT_EQ(finished.count(), 1);
        if (pages)
            *pages = reader.pages();
        return reader.error();
    }

    std::unique_ptr<sandbox::SandboxServer> server;
    QNetworkAccessManager network;
    std::unique_ptr<AlmaClient> client;
};

TEST_F(AnalyticsSandboxTest, ReadsSeveralPagesUpToASingleRowPage)
{
    CollectingSink sink;
    int pages = 0;
    const ApiError error = read(SandboxAnalytics::backlogReportPath(), &sink, 25, &pages);
    ASSERT_FALSE(error.isError()) << error.message.toStdString();
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(sink.headingCalls, 1);
    const auto table = server->analytics().table(SandboxAnalytics::backlogReportPath());
    ASSERT_TRUE(table.has_value());
    EXPECT_EQ(sink.heads, table->headings);
    ASSERT_EQ(sink.rows.size(), std::size_t(kMigrationItems));
    EXPECT_EQ(sink.rows, table->rows);
    EXPECT_EQ(sink.rows.back().front(), QStringLiteral("AN-51"));
}

TEST_F(AnalyticsSandboxTest, CellsLeftOutOfARowComeBackEmptyInTheirColumn)
{
    CollectingSink sink;
    ASSERT_FALSE(read(SandboxAnalytics::backlogReportPath(), &sink, 1000).isError());
    const int note1 = int(sink.heads.indexOf(QStringLiteral("Internal Note 1")));
    const int note3 = int(sink.heads.indexOf(QStringLiteral("Internal Note 3")));
    ASSERT_GE(note1, 0);
    ASSERT_GE(note3, 0);
    // AN-3: no note 1, a note 3; AN-4: a note 1, no note 3; every row as wide as the headings.
    EXPECT_EQ(sink.rows[2][note1], QString());
    EXPECT_EQ(sink.rows[2][note3], QStringLiteral("Damaged <spine> & cover"));
    EXPECT_EQ(sink.rows[3][note1], QStringLiteral("MISSING"));
    EXPECT_EQ(sink.rows[3][note3], QString());
    for (const auto &row : sink.rows)
        EXPECT_EQ(row.size(), sink.heads.size());
}

TEST_F(AnalyticsSandboxTest, NoMoreRowsAfterAnUnfinishedLastPageEndsTheReport)
{
    CollectingSink sink;
    int pages = 0;
    const ApiError error = read(SandboxAnalytics::lateFinishReportPath(), &sink, 25, &pages);
    EXPECT_FALSE(error.isError()) << error.message.toStdString();
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(sink.rows.size(), std::size_t(kMigrationItems));
}

TEST_F(AnalyticsSandboxTest, ASpentTokenGetsNoMoreRows)
{
    // The token is only ever the first page's: asking with a spent one gives 420033 at once.
    CollectingSink sink;
    ASSERT_FALSE(read(SandboxAnalytics::backlogReportPath(), &sink, 1000).isError());
    const CallOutcome outcome = waitFor(
        requestAnalyticsNextPage(client.get(), QStringLiteral("SANDBOX0000000001TOKEN"), 25));
    EXPECT_EQ(outcome.error.code, kAnalyticsNoMoreRows);
}

TEST_F(AnalyticsSandboxTest, AllItemsReportHoldsTheOtherProcessTypesToo)
{
    CollectingSink sink;
    ASSERT_FALSE(read(SandboxAnalytics::allItemsReportPath(), &sink, 50).isError());
    EXPECT_EQ(sink.rows.size(), std::size_t(kMigrationItems + 3));
}

TEST_F(AnalyticsSandboxTest, BadPathIsAnAlmaErrorNamingThePath)
{
    CollectingSink sink;
    const QString path = SandboxAnalytics::folderPath() + QStringLiteral("/Reports/Nope");
    const ApiError error = read(path, &sink, 25);
    EXPECT_TRUE(error.isError());
    EXPECT_FALSE(isTransientError(error)); // asking again will not help
    EXPECT_EQ(error.code, QStringLiteral("INVALID_REQUEST"));
    EXPECT_EQ(error.httpStatus, 400);
    EXPECT_TRUE(error.message.contains(path)) << error.message.toStdString();
    EXPECT_TRUE(sink.rows.empty());
    EXPECT_EQ(sink.headingCalls, 0);
}

TEST_F(AnalyticsSandboxTest, PermissionErrorIsAnAuthError)
{
    CollectingSink sink;
    const ApiError error = read(SandboxAnalytics::restrictedReportPath(), &sink, 25);
    EXPECT_EQ(error.kind, ErrorKind::Auth);
    EXPECT_EQ(error.httpStatus, 403);
    EXPECT_TRUE(sink.rows.empty());
}

TEST_F(AnalyticsSandboxTest, ARelativePathIsRefusedBeforeAnyCall)
{
    CollectingSink sink;
    EXPECT_EQ(read(QStringLiteral("Reports/x"), &sink, 25).kind, ErrorKind::Validation);
}

TEST_F(AnalyticsSandboxTest, CancelStopsAfterThePageInHand)
{
    CollectingSink sink;
    const ApiError error =
        read(SandboxAnalytics::backlogReportPath(), &sink, 25, nullptr, /*cancel*/ true);
    EXPECT_EQ(error.kind, ErrorKind::Cancelled);
    EXPECT_EQ(sink.rows.size(), 25u);
}

TEST_F(AnalyticsSandboxTest, BrowsesFoldersAndReports)
{
    auto list = [&](const QString &path) {
        std::vector<AnalyticsPathEntry> entries;
        auto *reply = requestAnalyticsPaths(client.get(), path);
        QObject::connect(reply, &AlmaReply::finished, reply,
                         [&entries, reply] { entries = reply->entries(); });
        EXPECT_TRUE(waitFor(reply).ok) << path.toStdString();
        return entries;
    };
    const auto root = list(QString());
    ASSERT_EQ(root.size(), 1u);
    EXPECT_EQ(root[0].path, QStringLiteral("/shared"));
    EXPECT_FALSE(root[0].isReport);
    const auto folder = list(SandboxAnalytics::folderPath());
    ASSERT_EQ(folder.size(), 2u);
    EXPECT_EQ(folder[0].name, QStringLiteral("Reports"));
    const auto reports = list(SandboxAnalytics::folderPath() + QStringLiteral("/Reports"));
    ASSERT_EQ(reports.size(), 3u);
    EXPECT_TRUE(
        std::all_of(reports.begin(), reports.end(), [](const auto &e) { return e.isReport; }));
    EXPECT_TRUE(std::any_of(reports.begin(), reports.end(), [](const auto &e) {
        return e.path == SandboxAnalytics::backlogReportPath();
    }));
    const CallOutcome missing =
        waitFor(requestAnalyticsPaths(client.get(), QStringLiteral("/shared/Nowhere")));
    EXPECT_EQ(missing.error.httpStatus, 400);
    EXPECT_TRUE(missing.error.message.contains(QStringLiteral("/shared/Nowhere")));
}

} // namespace
} // namespace migdesk::test
