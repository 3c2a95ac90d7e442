// Classify: one line of `migdesk-cli classify` input (an Alma item, or {"item": ..., "loans":
// [...]}) to its output object (barcode, statuses with evidence, plan) or an error object.
#pragma once

#include "legacy/NoteParser.h"
#include "planning/Planner.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace migdesk {

struct ClassifyResult {
    nlohmann::json output; // the object to print
    bool ok = false;       // false: output is {"line": N, "error": "..."}

    // One line of output, keys in the documented order: barcode, statuses, plan (or line,
    // error). No trailing newline.
    std::string toJsonLine() const;
};

class Classifier {
public:
    Classifier(NoteParser parser, Planner planner, WorkMode mode);

    // One input line: the lean reader (LeanItemReader.h) when it can read the line, else
    // classifyLineFull; both give the same output, byte for byte.
    ClassifyResult classifyLine(std::string_view line, long long lineNumber) const;
    // The full reader: nlohmann's DOM, skipping the blocks classify never reads.
    ClassifyResult classifyLineFull(std::string_view line, long long lineNumber) const;
    ClassifyResult classify(const nlohmann::json &input, long long lineNumber) const;

private:
    ClassifyResult classifyItem(const Item &item, const PlanContext &context) const;

    NoteParser m_parser;
    Planner m_planner;
    WorkMode m_mode;
};

nlohmann::json readingToJson(const NoteReading &reading);

} // namespace migdesk
