// LeanItemReader against the full reader, in process: every line of the golden input and
// thousands of mutations of a real record give the same bytes through Classifier::classifyLine
// and classifyLineFull. The lean reader must really read the plainly shaped records (or the
// comparison would prove nothing) and leave every odd line to the full reader.
#include "TestSupport.h"

#include "legacy/NoteParser.h"
#include "planning/Classify.h"
#include "planning/LeanItemReader.h"
#include "planning/Planner.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

using namespace migdesk;

namespace {

std::string fixtureLine(const char *name)
{
    const QByteArray text = test::readFixture(QLatin1String(name));
    return nlohmann::json::parse(text.toStdString()).dump();
}

std::string wrapperLine()
{
    nlohmann::json item = nlohmann::json::parse(fixtureLine("alma/item_response.json"));
    item["item_data"]["process_type"] = {{"value", "TECHNICAL"}, {"desc", nullptr}};
    item["item_data"]["internal_note_1"] = "Status: Lost";
    const nlohmann::json loans = nlohmann::json::parse(
        test::readFixture(QStringLiteral("alma/item_loan_response.json")).toStdString());
    return nlohmann::json{{"item", item}, {"loans", loans["item_loan"]}}.dump();
}

const std::vector<Classifier> &classifiers()
{
    static const std::vector<Classifier> all = {
        Classifier(NoteParser(), Planner(), WorkMode::Desk),
        Classifier(NoteParser(), Planner(), WorkMode::Followup),
        Classifier(NoteParser(SourceIls::Symphony), Planner(), WorkMode::Followup),
        Classifier(NoteParser(SourceIls::Voyager), Planner(), WorkMode::Desk),
    };
    return all;
}

// True when every classifier gives the same line through both readers.
::testing::AssertionResult sameThroughBothReaders(std::string_view line)
{
    for (const Classifier &classifier : classifiers()) {
        const std::string lean = classifier.classifyLine(line, 7).toJsonLine();
        const std::string full = classifier.classifyLineFull(line, 7).toJsonLine();
        if (lean != full)
            return ::testing::AssertionFailure() << "input " << std::string(line.substr(0, 200))
                                                 << "\n  lean " << lean << "\n  full " << full;
    }
    return ::testing::AssertionSuccess();
}

} // namespace

TEST(LeanItemReader, ReadsTheFieldsClassifyNeedsFromARealItem)
{
    const auto record = readLeanRecord(fixtureLine("alma/item_response.json"));
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->item.barcode, QStringLiteral("303011kj0"));
    EXPECT_EQ(record->item.internalNote1, QStringLiteral("Status: kat - kat"));
    EXPECT_EQ(record->item.internalNote2,
              QStringLiteral("TIME FOR CIRC STATUS: 2015-11-02 | CIRC STATUS: 0"));
    EXPECT_TRUE(record->item.internalNote3.isEmpty());
    EXPECT_EQ(record->item.baseStatus,
              (CodeValue{QStringLiteral("1"), QStringLiteral("Item in place")}));
    EXPECT_EQ(record->item.processType, CodeValue{});
    EXPECT_EQ(record->activeLoans, 0);
    // Nothing outside the fields classify reads is copied.
    EXPECT_TRUE(record->item.title.isEmpty());
    EXPECT_TRUE(record->item.library.isEmpty());

    const auto transit = readLeanRecord(fixtureLine("alma/scanin_transit_response.json"));
    ASSERT_TRUE(transit.has_value());
    EXPECT_EQ(transit->item.processType,
              (CodeValue{QStringLiteral("TRANSIT"), QStringLiteral("Transit")}));
}

TEST(LeanItemReader, CountsTheActiveLoansOfAWrapper)
{
    const auto one = readLeanRecord(wrapperLine());
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->activeLoans, 1);
    EXPECT_EQ(one->item.internalNote1, QStringLiteral("Status: Lost"));

    const std::string item = fixtureLine("alma/item_response.json");
    const auto mixed = readLeanRecord(
        R"({"item":)" + item +
        R"(,"loans":[{"loan_status":"COMPLETE"},{"loan_id":"1"},{"loan_status":null},)"
        R"({"loan_status":""},{"loan_status":"ACTIVE"},{"loan_status":"active"}]})");
    ASSERT_TRUE(mixed.has_value());
    EXPECT_EQ(mixed->activeLoans, 4);
    const auto none = readLeanRecord(R"({"loans":null,"item":)" + item + "}");
    ASSERT_TRUE(none.has_value());
    EXPECT_EQ(none->activeLoans, 0);
}

TEST(LeanItemReader, LeavesOddLinesToTheFullReader)
{
    const std::string item = fixtureLine("alma/item_response.json");
    const std::string odd[] = {
        "{not json",
        "[1,2]",
        "{}",
        R"({"item_data":null})",
        R"({"item_data":{"barcode":5}})",
        R"({"item_data":{"barcode":"A","barcode":"B"}})",
        R"({"item_data":{},"item_data":{}})",
        R"({"item_data":{"process_type":["TECHNICAL"]}})",
        R"({"item_data":{"process_type":{"value":1}}})",
        R"({"item_data":{"process_type":{"value":"A","value":"B"}}})",
        R"({"item":)" + item + R"(,"total_record_count":1})",
        R"({"item":)" + item + R"(,"loans":[{"loan_status":5}]})",
        R"({"item":)" + item + R"(,"loans":["ACTIVE"]})",
        R"({"item":)" + item + R"(,"loans":{"loan_status":"ACTIVE"}})",
        R"({"item":"B1"})",
        // Valid for nlohmann, refused by simdjson: still the full reader's to answer.
        R"({"a":123456789012345678901234567890,"item_data":{}})",
        std::string(R"({"item_data":{}})") + '\0' + "trailing",
        R"({"b":)" + std::string(2000, '[') + std::string(2000, ']') + R"(,"item_data":{}})",
    };
    for (const std::string &line : odd) {
        EXPECT_FALSE(readLeanRecord(line).has_value()) << line.substr(0, 120);
        EXPECT_TRUE(sameThroughBothReaders(line));
    }
}

TEST(LeanItemReader, JudgesNumbersInSkippedFieldsAsTheFullReaderDoes)
{
    // nlohmann refuses a number that overflows a double and reads 30-digit integers as doubles;
    // simdjson has its own limits. Whichever reader answers, the output must be the same.
    const std::string numbers[] = {
        "1e0000000000000000000400",
        "1e-0000000000000000000400",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "4.9e-324",
        "2e-324",
        "-0",
        "-0.0",
        "0e0",
        "1E-7",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "0." + std::string(400, '0') + "1e400",
        "1" + std::string(400, '0'),
        "1" + std::string(400, '0') + ".0e-400",
        "123456789012345678901234567890e-10",
    };
    int lean = 0;
    for (const std::string &number : numbers) {
        const std::string line =
            R"({"bib_data":{"n":)" + number +
            R"(},"item_data":{"barcode":"B","process_type":"TECHNICAL","internal_note_1":"Status: Missing"}})";
        EXPECT_TRUE(sameThroughBothReaders(line)) << number;
        lean += readLeanRecord(line).has_value() ? 1 : 0;
    }
    EXPECT_GT(lean, 0);
}

TEST(LeanItemReader, MatchesTheFullReaderOnTheGoldenInput)
{
    const QByteArray input = test::readFixture(QStringLiteral("classify/input.jsonl"));
    const QList<QByteArray> lines = input.split('\n');
    ASSERT_GT(lines.size(), 300);
    int lean = 0;
    for (const QByteArray &line : lines) {
        const std::string_view view(line.constData(), std::size_t(line.size()));
        EXPECT_TRUE(sameThroughBothReaders(view));
        lean += readLeanRecord(view).has_value() ? 1 : 0;
    }
    // The 24 full records at the end go the lean way, and so do the edge cases that are plain
    // items (about half: the others are odd or malformed on purpose).
    for (qsizetype i = lines.size() - 25; i < lines.size() - 1; ++i) {
        EXPECT_TRUE(
            readLeanRecord(std::string_view(lines[i].constData(), std::size_t(lines[i].size())))
                .has_value())
            << "line " << i + 1;
    }
    EXPECT_GE(lean, 130);
}

TEST(LeanItemReader, MatchesTheFullReaderOnMutatedRecords)
{
    // Byte-level mutations of a real wrapper line: deletions, insertions of JSON's structural
    // and escape characters, NUL and invalid UTF-8 bytes, replacements, cut lines, copied
    // slices. Each mutated line must give the same output through both readers.
    const std::string base = wrapperLine();
    const std::string alphabet =
        std::string("{}[],:\"\\/ 0123456789eE+-.utnfalsr") + '\0' + "\x01\x7f\xc3\xa5\xed\xa0\xff";
    std::mt19937 random(20261203);
    std::uniform_int_distribution<int> op(0, 4);
    int lean = 0;
    int full = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string line = base;
        const int edits = 1 + int(random() % 3);
        for (int e = 0; e < edits && !line.empty(); ++e) {
            const std::size_t at = random() % line.size();
            const char c = alphabet[random() % alphabet.size()];
            switch (op(random)) {
            case 0:
                line.erase(at, 1 + random() % 3);
                break;
            case 1:
                line.insert(at, 1, c);
                break;
            case 2:
                line[at] = c;
                break;
            case 3:
                line.resize(at);
                break;
            default:
                line.insert(at, line.substr(random() % line.size(), random() % 40));
                break;
            }
        }
        ASSERT_TRUE(sameThroughBothReaders(line)) << "mutation " << i;
        (readLeanRecord(line) ? lean : full) += 1;
    }
    // Both readers were exercised.
    EXPECT_GT(lean, 100);
    EXPECT_GT(full, 100);
}

TEST(LeanItemReader, ReadsAOneMegabyteNote)
{
    nlohmann::json item = nlohmann::json::parse(fixtureLine("alma/item_response.json"));
    std::string note = "Status: Missing";
    while (note.size() < (1u << 20))
        note += " Gift of the Smith family. Ålesund – 東京;";
    item["item_data"]["internal_note_1"] = note;
    item["item_data"]["process_type"] = {{"value", "TECHNICAL"}};
    const std::string line = item.dump();
    const auto record = readLeanRecord(line);
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->item.internalNote1.toStdString(), note);
    EXPECT_TRUE(sameThroughBothReaders(line));
}
