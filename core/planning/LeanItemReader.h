// LeanItemReader: the fast reader of `migdesk-cli classify`. One pass of simdjson over a line
// (which validates all of it) and only the fields the classification reads are kept: the
// item's barcode, base status, process type and Internal Notes, and how many of its loans are
// active. Everything else (bib_data, holding_data, the other item fields) is never copied.
//
// The reader only answers for lines it reads exactly as the full reader (nlohmann with the
// skipping callback in Classify.cpp) would: a valid JSON object, an Alma item or an
// {"item": ..., "loans": [...]} wrapper, each field it needs given once and as a string, null
// or {"value", "desc"} object. Any other line (invalid JSON, a number where a note belongs, a
// repeated key, a wrapper with other keys) gets no answer, and Classifier reads it with the
// full reader, so its output and its error stay exactly what they were.
#pragma once

#include "model/Item.h"

#include <optional>
#include <string_view>

namespace migdesk {

struct LeanRecord {
    Item item;           // barcode, baseStatus, processType, internalNote1..3; the rest empty
    int activeLoans = 0; // loans of a wrapper line whose status is empty or ACTIVE
};

// The record in `line`, or nullopt when the line must go to the full reader. Never throws.
// Keeps one simdjson parser and buffer per thread.
std::optional<LeanRecord> readLeanRecord(std::string_view line);

} // namespace migdesk
