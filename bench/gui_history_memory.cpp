// Memory of a long desk session (QUALITY.md: a 10,000-row session history under 150 MB). The desk
// window is built as app/gui builds it; then 10,000 finished scans are filled in directly, without
// 10,000 HTTP round trips: each record is what the session keeps after a done scan (the item
// parsed from a demo item's Alma JSON made unique per row, the note reading, the plan, Alma's
// before/after state and sentence), with Alma's raw JSON dropped from all but the newest 200 as
// ScanSession::setHistoryDetailLimit does, and its history row goes into the window's model (the
// table and its filter show it). Reports VmRSS (Linux /proc) before and after as counters.
#include "BenchSupport.h"

#include "DeskStack.h"
#include "HistoryModel.h"
#include "MainWindow.h"
#include "RecordPresenter.h"
#include "desk/ScanRecord.h"
#include "legacy/NoteParser.h"
#include "planning/Planner.h"
#include "settings/SecretStore.h"
#include "settings/Settings.h"

#include <SandboxServer.h>

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <map>
#include <vector>

namespace {

using namespace migdesk;

// The Alma JSON of the demo's example items (every scenario), from a small in-process sandbox
// that is gone again before the measurement starts.
std::vector<nlohmann::json> demoItemTemplates()
{
    std::vector<nlohmann::json> templates;
    sandbox::SandboxServer sandbox;
    sandbox.loadDemo(400, 1);
    for (const sandbox::DemoExample &example : sandbox.demoExamples()) {
        nlohmann::json item = sandbox.itemJson(example.barcode);
        if (item.is_object() && item.contains("item_data"))
            templates.push_back(std::move(item));
    }
    return templates;
}

// One finished, done scan as the session keeps it; strings are made unique per row (no
// implicit sharing between rows flatters the figure).
ScanRecord doneRecord(const nlohmann::json &templ, int i, const NoteParser &parser,
                      const Planner &planner)
{
    nlohmann::json json = templ;
    const std::string suffix = std::to_string(i);
    json["item_data"]["barcode"] = "3901" + std::string(10 - suffix.size(), '0') + suffix;
    json["item_data"]["pid"] = "23" + suffix + "0004100";
    json["bib_data"]["title"] = json["bib_data"].value("title", std::string()) + " / " + suffix;
    const Result<Item> parsed = parseItem(QByteArray::fromStdString(json.dump()));
    ScanRecord r;
    r.id = i + 1;
    r.intentId = i + 1;
    r.at = QDateTime::currentDateTime();
    r.stage = ScanStage::Finished;
    if (!parsed.isOk())
        return r;
    r.hasItem = true;
    r.item = parsed.value();
    r.barcode = r.item.barcode;
    r.readAt = QDateTime::currentDateTimeUtc();
    r.reading = parser.parse(r.item);
    r.plan = planner.plan(r.item, r.reading, PlanContext{});
    r.hasResult = true;
    r.result.outcome = Outcome::Done;
    r.result.before = r.item;
    r.result.after = r.item;
    r.result.after.processType = {};
    r.result.hasAfter = true;
    r.result.almaSentence =
        QStringLiteral("Item %1 was returned to Main Library, Stacks (call number %2).")
            .arg(r.barcode, r.item.callNumber);
    r.result.message = QStringLiteral("Returned to the shelf.");
    r.result.calls = 3;
    r.outcome = Outcome::Done;
    r.message = QStringLiteral("Returned: %1").arg(r.item.title);
    return r;
}

void dropRaw(ScanRecord &r)
{
    r.item.raw = nlohmann::json::object();
    r.result.before.raw = nlohmann::json::object();
    r.result.after.raw = nlohmann::json::object();
}

void BM_DeskHistoryMemory(benchmark::State &state)
{
    const int rows = int(state.range(0));
    constexpr int kDetailLimit = 200; // ScanSession's default
    const std::vector<nlohmann::json> templates = demoItemTemplates();
    if (templates.empty()) {
        state.SkipWithError("no demo items");
        return;
    }
    for (auto _ : state) {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setSoundsEnabled(false);
        DeskConnection connection; // never called: the rows are filled in directly
        connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        connection.apiKey = QStringLiteral("bench");
        connection.library = QStringLiteral("MAIN");
        connection.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
        InMemorySecretStore secrets;
        DeskStack stack(settings, connection);
        MainWindow window(&stack, &settings, &secrets, {});
        window.resize(1366, 768);
        window.show();
        QCoreApplication::processEvents();
        const double before = bench::procStatusMb("VmRSS");

        const NoteParser parser;
        const Planner planner;
        std::map<qint64, ScanRecord> records; // as ScanSession keeps them
        HistoryModel *history = window.historyModel();
        for (int i = 0; i < rows; ++i) {
            ScanRecord record = doneRecord(templates[static_cast<size_t>(i) % templates.size()], i,
                                           parser, planner);
            history->upsert(historyRow(record));
            records.emplace(record.id, std::move(record));
            if (i >= kDetailLimit)
                dropRaw(records[i + 1 - kDetailLimit]);
            if (i % 500 == 0)
                QCoreApplication::processEvents();
        }
        QCoreApplication::processEvents();
        const double after = bench::procStatusMb("VmRSS");
        state.counters["history_rows"] = history->rowCount();
        state.counters["records"] = double(records.size());
        state.counters["rss_mb_window_ready"] = before;
        state.counters["rss_mb_after_rows"] = after;
        state.counters["rss_mb_peak"] = bench::procStatusMb("VmHWM");
        state.counters["kb_per_row"] = rows > 0 ? (after - before) * 1024.0 / rows : 0;
    }
}
BENCHMARK(BM_DeskHistoryMemory)->Arg(10000)->Iterations(1)->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MigDeskBench"));
    return migdesk::bench::runBenchmarks(argc, argv);
}
