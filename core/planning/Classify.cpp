// Classifier (see Classify.h). Never throws: every failure becomes an error object.
#include "planning/Classify.h"

#include "model/JsonUtil.h"
#include "planning/LeanItemReader.h"

namespace migdesk {

namespace {

ClassifyResult failure(long long lineNumber, const QString &message)
{
    return {{{"line", lineNumber}, {"error", json::utf8(message)}}, false};
}

std::string dump(const nlohmann::json &value)
{
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

std::string ClassifyResult::toJsonLine() const
{
    if (!ok || !output.is_object() || !output.contains("plan"))
        return dump(output);
    std::string line = "{\"barcode\":";
    line += dump(output["barcode"]);
    line += ",\"statuses\":";
    line += dump(output["statuses"]);
    line += ",\"plan\":";
    line += dump(output["plan"]);
    line += '}';
    return line;
}

Classifier::Classifier(NoteParser parser, Planner planner, WorkMode mode)
    : m_parser(parser)
    , m_planner(std::move(planner))
    , m_mode(mode)
{}

nlohmann::json readingToJson(const NoteReading &reading)
{
    nlohmann::json statuses = nlohmann::json::array();
    for (const auto &match : reading.statuses) {
        statuses.push_back({{"id", json::utf8(match.id)},
                            {"note", json::utf8(match.noteField)},
                            {"matched", json::utf8(match.matchedText)}});
    }
    return statuses;
}

ClassifyResult Classifier::classifyLine(std::string_view line, long long lineNumber) const
{
    if (std::optional<LeanRecord> record = readLeanRecord(line)) {
        PlanContext context;
        context.mode = m_mode;
        // Only how many loans are active matters to the plan (PlanContext::hasActiveLoan).
        context.activeLoans.resize(std::size_t(record->activeLoans));
        return classifyItem(record->item, context);
    }
    return classifyLineFull(line, lineNumber);
}

ClassifyResult Classifier::classifyLineFull(std::string_view line, long long lineNumber) const
{
    // Classifying needs a few item_data fields only: skipping everything else while parsing
    // saves most allocations (measured in bench/parse_plan.cpp). Loans are kept whole.
    int itemDataDepth = -1;
    bool nextIsItemData = false;
    const nlohmann::json::parser_callback_t skipUnused =
        [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json &parsed) {
            using Event = nlohmann::json::parse_event_t;
            if (event == Event::object_start && nextIsItemData) {
                itemDataDepth = depth;
                nextIsItemData = false;
            } else if (event == Event::object_end && depth == itemDataDepth) {
                itemDataDepth = -1;
            } else if (event == Event::key) {
                const auto &key = parsed.get_ref<const std::string &>();
                if (depth == itemDataDepth + 1 && itemDataDepth >= 0)
                    return key == "barcode" || key == "pid" || key == "process_type" ||
                           key == "base_status" || key == "internal_note_1" ||
                           key == "internal_note_2" || key == "internal_note_3";
                if (depth <= 2) {
                    nextIsItemData = key == "item_data";
                    return key != "bib_data" && key != "holding_data" && key != "link";
                }
            }
            return true;
        };
    nlohmann::json input = nlohmann::json::parse(line.begin(), line.end(), skipUnused, false);
    if (input.is_discarded())
        return failure(lineNumber, QStringLiteral("not valid JSON"));
    return classify(input, lineNumber);
}

ClassifyResult Classifier::classify(const nlohmann::json &input, long long lineNumber) const
{
    if (!input.is_object())
        return failure(lineNumber, QStringLiteral("expected a JSON object (an Alma item)"));
    const auto wrapped = input.find("item");
    const bool isWrapper = wrapped != input.end() && !input.contains("item_data");
    const nlohmann::json &itemJson = isWrapper ? *wrapped : input;
    if (!itemJson.is_object() || !itemJson.contains("item_data"))
        return failure(lineNumber, QStringLiteral("no item_data: not an Alma item"));

    auto item = itemFromJson(itemJson);
    if (!item.isOk())
        return failure(lineNumber, item.error().message);

    PlanContext context;
    context.mode = m_mode;
    if (isWrapper && input.contains("loans")) {
        const auto &loans = input["loans"];
        if (!loans.is_array() && !loans.is_null())
            return failure(lineNumber, QStringLiteral("\"loans\" must be a list of item loans"));
        auto parsed = loansFromJson(nlohmann::json{{"item_loan", loans}});
        if (!parsed.isOk())
            return failure(lineNumber, parsed.error().message);
        for (auto &loan : parsed.value()) {
            if (loan.isActive())
                context.activeLoans.push_back(std::move(loan));
        }
    }

    return classifyItem(item.value(), context);
}

ClassifyResult Classifier::classifyItem(const Item &item, const PlanContext &context) const
{
    const NoteReading reading = m_parser.parse(item);
    const Plan plan = m_planner.plan(item, reading, context);
    return {{{"barcode", json::utf8(item.barcode)},
             {"statuses", readingToJson(reading)},
             {"plan", planToJson(plan)}},
            true};
}

} // namespace migdesk
