// Parse + plan per item (QUALITY.md: median under 20 us), the full classify line (JSON in,
// JSON out) on trimmed and on full Alma records with both readers, and a precompiled
// QRegularExpression reader side by side as a reference. `bench_parse_plan --generate N`
// (about 1.2 KB items) and `--generate-full N` (full records, FullItemRecords.h) write JSON
// Lines for the `migdesk-cli classify` throughput runs (see docs/PERFORMANCE.md).
#include "BenchSupport.h"
#include "FullItemRecords.h"

#include "legacy/NoteParser.h"
#include "legacy/StatusCatalogue.h"
#include "planning/Classify.h"
#include "planning/LeanItemReader.h"
#include "planning/Planner.h"

#include <QRegularExpression>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace migdesk;

namespace {

// Notes as they come out of the four ILSs, prose traps and Symphony noise included.
const char *const kNote1[] = {
    "Status: Missing",
    "STATUS - MISSING 2019-03-04 JS",
    "Item status: Billed",
    "Status: Lost and Paid",
    "Status: Long Ago Gone 12/01/2023",
    "Status: In Technical Services",
    "Status: Lost",
    "Status: Long Overdue (Lost)",
    "status: damaged",
    "Status: Withdrawn 2023-05-02 AB",
    "PRICE: $45.00 ; Status: Missing ; Gift of the Smith family",
    "Status: Damaged Billed $25.00 fine paid",
    "Fund: GEN-2019. Status: ASSUMED LOST. Replacement ordered",
    "Missing pages noted on receipt. Price $30.00. Status: In Transit",
    "Gift of Friends of the Library; missing pages noted on receipt",
    "Grant: NEH 2011 | Status: Discard",
    "Status: Missing in Transit",
    "Status: Checked Out",
    "Status: On Hold",
    "Status: kat - kat",
    "",
};
const char *const kNote3[] = {
    "Missing",           "Lost--Library Applied", "LOST-SYSTEM APPLIED",
    "Cataloging Review", "In Transit Discharged", "At Bindery",
    "Claims Returned",   "Circ Review 3/4/2019",  "",
};

std::string itemJson(std::mt19937 &random, int index)
{
    std::uniform_int_distribution<std::size_t> pick1(0, std::size(kNote1) - 1);
    std::uniform_int_distribution<std::size_t> pick3(0, std::size(kNote3) - 1);
    std::uniform_int_distribution<int> percent(0, 99);
    const bool voyager = percent(random) < 25;
    const bool technical = percent(random) < 90;
    nlohmann::json item = {
        {"bib_data",
         {{"mms_id", "99" + std::to_string(1000000 + index) + "2204"},
          {"title", "Generated title " + std::to_string(index)},
          {"author", "Author, A."},
          {"issn", nullptr},
          {"isbn", "978" + std::to_string(1000000000 + index)},
          {"network_number", {"(OCoLC)" + std::to_string(index)}},
          {"place_of_publication", "Helsinki"},
          {"publisher_const", "Publisher"},
          {"link", "https://api-eu.hosted.exlibrisgroup.com/almaws/v1/bibs/99"}}},
        {"holding_data",
         {{"holding_id", "22" + std::to_string(2000000 + index) + "2204"},
          {"call_number_type", {{"value", "8"}, {"desc", "Other scheme"}}},
          {"call_number", "QA76." + std::to_string(index % 997)},
          {"in_temp_location", false},
          {"temp_library", {{"value", nullptr}}},
          {"temp_location", {{"value", nullptr}}}}},
        {"item_data",
         {{"pid", "23" + std::to_string(3000000 + index) + "2204"},
          {"barcode", "GEN" + std::to_string(100000 + index)},
          {"creation_date", "2020-06-01Z"},
          {"modification_date", "2024-02-10Z"},
          {"base_status",
           {{"value", technical ? "0" : "1"},
            {"desc", technical ? "Item not in place" : "Item in place"}}},
          {"process_type",
           technical ? nlohmann::json{{"value", "TECHNICAL"}, {"desc", "Technical - Migration"}}
                     : nlohmann::json{{"value", nullptr}}},
          {"physical_material_type", {{"value", "BOOK"}, {"desc", "Book"}}},
          {"policy", {{"value", "01"}, {"desc", "Loanable"}}},
          {"library", {{"value", "MAIN"}, {"desc", "Main Library"}}},
          {"location", {{"value", "STACKS"}, {"desc", "Stacks"}}},
          {"requested", nullptr},
          {"physical_condition", {{"value", nullptr}}},
          {"internal_note_1", voyager ? "" : kNote1[pick1(random)]},
          {"internal_note_2", ""},
          {"internal_note_3", voyager ? kNote3[pick3(random)] : ""},
          {"fulfillment_note", ""},
          {"public_note", ""}}},
        {"link", "https://api-eu.hosted.exlibrisgroup.com/almaws/v1/bibs/99/holdings/22/items/23"},
    };
    if (percent(random) < 10) {
        nlohmann::json wrapper = {
            {"item", std::move(item)},
            {"loans", {{{"loan_id", std::to_string(index)}, {"loan_status", "ACTIVE"}}}}};
        return wrapper.dump();
    }
    return item.dump();
}

std::vector<std::string> generatedLines(int count)
{
    std::mt19937 random(42);
    std::vector<std::string> lines;
    lines.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        lines.push_back(itemJson(random, i));
    return lines;
}

std::vector<std::string> fullRecordLines(int count)
{
    std::mt19937 random(2204);
    std::vector<std::string> lines;
    lines.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        lines.push_back(bench::fullItemRecord(random, i));
    return lines;
}

std::vector<Item> generatedItems(int count)
{
    std::vector<Item> items;
    for (const auto &line : generatedLines(count)) {
        nlohmann::json json = nlohmann::json::parse(line);
        if (json.contains("item"))
            json = json["item"];
        items.push_back(itemFromJson(json).value());
    }
    return items;
}

void BM_ParseNote(benchmark::State &state)
{
    const NoteParser parser;
    const QString note =
        QStringLiteral("PRICE: $45.00 ; Status: Missing ; Gift of the Smith family");
    const QString field = QStringLiteral("internal_note_1");
    for (auto _ : state)
        benchmark::DoNotOptimize(parser.parseNote(note, field));
}
BENCHMARK(BM_ParseNote);

// The quality target: NoteParser::parse + Planner::plan for one item.
void BM_ParsePlan(benchmark::State &state)
{
    const std::vector<Item> items = generatedItems(1000);
    const NoteParser parser;
    const Planner planner;
    const PlanContext context;
    std::size_t i = 0;
    for (auto _ : state) {
        const Item &item = items[i++ % items.size()];
        const NoteReading reading = parser.parse(item);
        benchmark::DoNotOptimize(planner.plan(item, reading, context));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParsePlan);

// What `classify` does per line (JSON parse, item mapping, parse + plan, JSON out) on the
// trimmed generated items; the lean reader reads them.
void BM_ClassifyLine(benchmark::State &state)
{
    const std::vector<std::string> lines = generatedLines(1000);
    const Classifier classifier(NoteParser(), Planner(), WorkMode::Desk);
    std::size_t i = 0;
    for (auto _ : state) {
        const auto result = classifier.classifyLine(lines[i % lines.size()], qint64(i));
        benchmark::DoNotOptimize(result.toJsonLine());
        ++i;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyLine);

// The same on full Alma records (FullItemRecords.h, about 2.7 KB each), the full reader
// (nlohmann DOM, lean:0) and the lean reader (simdjson, lean:1) side by side.
void BM_ClassifyFullRecord(benchmark::State &state)
{
    const std::vector<std::string> lines = fullRecordLines(1000);
    const Classifier classifier(NoteParser(), Planner(), WorkMode::Desk);
    const bool lean = state.range(0) == 1;
    std::size_t i = 0;
    std::int64_t bytes = 0;
    for (auto _ : state) {
        const std::string &line = lines[i % lines.size()];
        const auto result = lean ? classifier.classifyLine(line, qint64(i))
                                 : classifier.classifyLineFull(line, qint64(i));
        benchmark::DoNotOptimize(result.toJsonLine());
        bytes += std::int64_t(line.size());
        ++i;
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ClassifyFullRecord)->ArgName("lean")->Arg(0)->Arg(1);

// The lean reader alone on the same records: simdjson's parse and the field copies.
void BM_LeanReadFullRecord(benchmark::State &state)
{
    const std::vector<std::string> lines = fullRecordLines(1000);
    std::size_t i = 0;
    std::int64_t bytes = 0;
    for (auto _ : state) {
        const std::string &line = lines[i++ % lines.size()];
        benchmark::DoNotOptimize(readLeanRecord(line));
        bytes += std::int64_t(line.size());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_LeanReadFullRecord);

// Reference only: one precompiled case-insensitive alternation of every phrase, run over the
// same notes. It finds phrases but does none of the prose/segment logic.
void BM_RegexReference(benchmark::State &state)
{
    QStringList alternatives;
    for (const auto &entry : legacy::statusCatalogue()) {
        for (std::string_view phrase : entry.phrases) {
            QString pattern = QRegularExpression::escape(
                QString::fromLatin1(phrase.data(), qsizetype(phrase.size())));
            pattern.replace(QStringLiteral("\\ "), QStringLiteral("[\\s\\-\\x{2013}:()]+"));
            alternatives.append(pattern);
        }
    }
    std::sort(alternatives.begin(), alternatives.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    const QRegularExpression regex(QStringLiteral("\\b(?:") + alternatives.join(QLatin1Char('|')) +
                                       QStringLiteral(")\\b"),
                                   QRegularExpression::CaseInsensitiveOption);
    regex.optimize();
    const std::vector<Item> items = generatedItems(1000);
    std::size_t i = 0;
    for (auto _ : state) {
        const Item &item = items[i++ % items.size()];
        int found = 0;
        for (const QString *note : {&item.internalNote1, &item.internalNote3}) {
            auto it = regex.globalMatch(*note);
            while (it.hasNext()) {
                it.next();
                ++found;
            }
        }
        benchmark::DoNotOptimize(found);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RegexReference);

} // namespace

int main(int argc, char **argv)
{
    const bool full = argc >= 3 && std::strcmp(argv[1], "--generate-full") == 0;
    if (full || (argc >= 3 && std::strcmp(argv[1], "--generate") == 0)) {
        const int count = std::atoi(argv[2]);
        std::string buffer;
        for (const auto &line : full ? fullRecordLines(count) : generatedLines(count)) {
            buffer += line;
            buffer += '\n';
        }
        std::fwrite(buffer.data(), 1, buffer.size(), stdout);
        return 0;
    }
    return migdesk::bench::runBenchmarks(argc, argv);
}
