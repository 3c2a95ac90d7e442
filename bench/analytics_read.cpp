// Reading Alma Analytics report pages (docs/PERFORMANCE.md, "Analytics"): Alma's JSON answers
// (the report XML in anies[0], 1,000 rows a page, cells left out as Alma does) parsed with
// AnalyticsPageParser and grouped, for 10,000 to 1,000,000 rows.
//   BM_ReadPagesCounts: parse + the dashboard's counts (legacy status from the notes, library):
//                       the constant-memory path (BacklogPull's BacklogTally).
//   BM_ReadPagesParseOnly: the parser alone, for reference.
//   BM_ReadPagesGroups: parse + find-items' groups (NoteParser + Planner per row, BacklogBuilder);
//                       its result lists every barcode, so its memory grows with the barcodes.
// Each page is built while the clock is paused (it stands for the network), so the time is the
// client's parsing and grouping alone. Counters: rows_per_s, rss_growth_mb (VmRSS after the run
// minus before it: what the read kept), peak_rss_mb (VmHWM: run one size per process, e.g.
// --benchmark_filter='BM_ReadPagesCounts/1000000$', to read it for that size alone).
#include "BenchSupport.h"

#include "analytics/AnalyticsBacklog.h"
#include "analytics/AnalyticsPage.h"
#include "analytics/BacklogSnapshot.h"

#include <SandboxAnalytics.h>
#include <SandboxDemoData.h>

#include <QCoreApplication>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <memory>

using namespace migdesk;

namespace {

constexpr int kPageRows = 1000;

// The demo institution's backlog report, cycled; each row gets its own barcode.
class PageSource {
public:
    PageSource()
    {
        sandbox::SandboxAnalytics analytics;
        analytics.load(sandbox::generateDemoData(3000, 1).records);
        m_table = *analytics.table(sandbox::SandboxAnalytics::backlogReportPath());
    }

    const QStringList &headings() const { return m_table.headings; }

    QByteArray page(qint64 firstRow, int rows, bool first, bool finished) const
    {
        QString xml = QStringLiteral("<QueryResult xmlns=\"urn:schemas-microsoft-com:xml-analysis:"
                                     "rowset\">");
        if (first)
            xml += QStringLiteral("<ResumptionToken>BENCH</ResumptionToken>");
        xml += QStringLiteral("<IsFinished>%1</IsFinished><ResultXml><rowset>")
                   .arg(finished ? QStringLiteral("true") : QStringLiteral("false"));
        if (first) {
            xml += QStringLiteral("<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                                  "xmlns:saw-sql=\"urn:saw-sql\"><xsd:complexType name=\"Row\">"
                                  "<xsd:sequence><xsd:element name=\"Column0\" "
                                  "saw-sql:columnHeading=\"0\"/>");
            for (int c = 0; c < m_table.headings.size(); ++c)
                xml += QStringLiteral("<xsd:element name=\"Column%1\" type=\"xsd:string\" "
                                      "saw-sql:columnHeading=\"%2\"/>")
                           .arg(c + 1)
                           .arg(m_table.headings.at(c));
            xml += QStringLiteral("</xsd:sequence></xsd:complexType></xsd:schema>");
        }
        for (qint64 r = firstRow; r < firstRow + rows; ++r) {
            const QStringList &row = m_table.rows[std::size_t(r) % m_table.rows.size()];
            xml += QStringLiteral("<Row><Column0>0</Column0><Column1>B%1</Column1>").arg(r);
            for (int c = 1; c < row.size(); ++c) {
                if (!row[c].isEmpty())
                    xml += QStringLiteral("<Column%1>%2</Column%1>")
                               .arg(c + 1)
                               .arg(row[c].toHtmlEscaped());
            }
            xml += QStringLiteral("</Row>");
        }
        xml += QStringLiteral("</rowset></ResultXml></QueryResult>");
        return QByteArray::fromStdString(
            nlohmann::json{{"anies", nlohmann::json::array({xml.toStdString()})}}.dump());
    }

private:
    sandbox::SandboxAnalytics::Table m_table;
};

const PageSource &source()
{
    static const PageSource pages;
    return pages;
}

// Feeds `total` rows, page by page, through the parser into `sink`.
void readPages(benchmark::State &state, AnalyticsRowSink &sink, qint64 total)
{
    AnalyticsPageParser parser;
    bool headingsSent = false;
    for (qint64 first = 0; first < total; first += kPageRows) {
        const int rows = int(std::min<qint64>(kPageRows, total - first));
        state.PauseTiming();
        const QByteArray body = source().page(first, rows, first == 0, first + rows >= total);
        state.ResumeTiming();
        const ApiError error = parser.parse(body, [&](const QStringList &cells) {
            if (!headingsSent) {
                headingsSent = true;
                sink.headings(parser.headings());
            }
            sink.row(cells);
        });
        if (error.isError())
            state.SkipWithError(error.message.toStdString().c_str());
    }
}

void report(benchmark::State &state, qint64 rows, double rssBefore)
{
    state.SetItemsProcessed(rows * qint64(state.iterations()));
    state.counters["rows_per_s"] =
        benchmark::Counter(double(rows), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["rss_growth_mb"] = bench::procStatusMb("VmRSS") - rssBefore;
    state.counters["peak_rss_mb"] = bench::procStatusMb("VmHWM");
}

void BM_ReadPagesCounts(benchmark::State &state)
{
    const qint64 rows = state.range(0);
    (void)source();
    const double rssBefore = bench::procStatusMb("VmRSS");
    for (auto _ : state) {
        BacklogTally tally;
        readPages(state, tally, rows);
        const BacklogSnapshot snapshot = tally.snapshot(QDateTime::currentDateTimeUtc(), {});
        if (snapshot.rows != rows)
            state.SkipWithError("not every row was counted");
        benchmark::DoNotOptimize(snapshot.total);
    }
    report(state, rows, rssBefore);
}

// The parser alone (JSON, then the XML rows), rows handed to a sink that keeps nothing.
void BM_ReadPagesParseOnly(benchmark::State &state)
{
    struct NullSink : AnalyticsRowSink {
        qint64 rows = 0;
        void headings(const QStringList &) override {}
        void row(const QStringList &) override { ++rows; }
    };
    const qint64 rows = state.range(0);
    (void)source();
    const double rssBefore = bench::procStatusMb("VmRSS");
    for (auto _ : state) {
        NullSink sink;
        readPages(state, sink, rows);
        benchmark::DoNotOptimize(sink.rows);
    }
    report(state, rows, rssBefore);
}

void BM_ReadPagesGroups(benchmark::State &state)
{
    const qint64 rows = state.range(0);
    (void)source();
    const BacklogReader reader;
    const double rssBefore = bench::procStatusMb("VmRSS");
    for (auto _ : state) {
        BacklogRowSink sink(reader, WorkMode::Followup);
        readPages(state, sink, rows);
        const Backlog backlog = sink.finish();
        if (backlog.rows != rows)
            state.SkipWithError("not every row was grouped");
        benchmark::DoNotOptimize(backlog.groups.size());
        state.counters["groups"] = double(backlog.groups.size());
    }
    report(state, rows, rssBefore);
}

BENCHMARK(BM_ReadPagesCounts)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_ReadPagesParseOnly)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_ReadPagesGroups)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return bench::runBenchmarks(argc, argv);
}
