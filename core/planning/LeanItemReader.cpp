// LeanItemReader (see LeanItemReader.h). Each reader below mirrors json::str, json::code or
// Loan::isActive for the simplest types only (a string is its UTF-8 text, null is empty) and
// returns false (go to the full reader) for every other type, so the numeric and boolean
// conversions stay in one place, model/JsonUtil.
#include "planning/LeanItemReader.h"

#include <simdjson.h>

#include <cstring>
#include <vector>

namespace migdesk {

namespace {

using simdjson::dom::element;
using Type = simdjson::dom::element_type;

// Typed views of an element whose type was checked (an empty view otherwise).
std::string_view asString(element value)
{
    std::string_view s;
    return value.get_string().get(s) ? std::string_view() : s;
}
simdjson::dom::object asObject(element value)
{
    simdjson::dom::object object;
    return value.get_object().get(object) ? simdjson::dom::object() : object;
}
simdjson::dom::array asArray(element value)
{
    simdjson::dom::array array;
    return value.get_array().get(array) ? simdjson::dom::array() : array;
}

QString text(element value)
{
    const std::string_view s = asString(value);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// As json::str for a string or null; anything else is the full reader's.
bool readText(element value, QString &out)
{
    if (value.type() == Type::STRING) {
        out = text(value);
        return true;
    }
    return value.type() == Type::NULL_VALUE;
}

// As json::code for null, a bare string or {"value": ..., "desc": ...} of strings or nulls.
bool readCode(element value, CodeValue &out)
{
    switch (value.type()) {
    case Type::NULL_VALUE:
        return true;
    case Type::STRING:
        out.value = text(value);
        return true;
    case Type::OBJECT: {
        bool seenValue = false;
        bool seenDesc = false;
        for (const auto field : asObject(value)) {
            const bool isValue = field.key == "value";
            if (!isValue && field.key != "desc")
                continue;
            bool &seen = isValue ? seenValue : seenDesc;
            if (seen || !readText(field.value, isValue ? out.value : out.desc))
                return false;
            seen = true;
        }
        return true;
    }
    default:
        return false;
    }
}

// The fields of item_data the classification reads, each at most once. The full reader drops
// every other item_data field while parsing, so they are skipped here too.
bool readItemData(element value, Item &item)
{
    if (value.type() != Type::OBJECT)
        return false;
    struct Field {
        std::string_view key;
        bool isCode;
        QString *text;
        CodeValue *code;
        bool seen;
    };
    Field fields[] = {
        {"barcode", false, &item.barcode, nullptr, false},
        {"base_status", true, nullptr, &item.baseStatus, false},
        {"process_type", true, nullptr, &item.processType, false},
        {"internal_note_1", false, &item.internalNote1, nullptr, false},
        {"internal_note_2", false, &item.internalNote2, nullptr, false},
        {"internal_note_3", false, &item.internalNote3, nullptr, false},
    };
    for (const auto entry : asObject(value)) {
        for (Field &field : fields) {
            if (entry.key != field.key)
                continue;
            if (field.seen)
                return false;
            field.seen = true;
            if (!(field.isCode ? readCode(entry.value, *field.code)
                               : readText(entry.value, *field.text)))
                return false;
            break;
        }
    }
    return true;
}

// A wrapper's "loans": null, or a list of loan objects whose loan_status is a string or null.
bool countActiveLoans(element value, int &active)
{
    if (value.type() == Type::NULL_VALUE)
        return true;
    if (value.type() != Type::ARRAY)
        return false;
    for (const element loan : asArray(value)) {
        if (loan.type() != Type::OBJECT)
            return false;
        bool seen = false;
        bool isActive = true; // no status counts as active (Loan::isActive)
        for (const auto field : asObject(loan)) {
            if (field.key != "loan_status")
                continue;
            if (seen)
                return false;
            seen = true;
            if (field.value.type() == Type::STRING) {
                const std::string_view status = asString(field.value);
                isActive = status.empty() || status == "ACTIVE";
            } else if (field.value.type() != Type::NULL_VALUE) {
                return false;
            }
        }
        active += isActive ? 1 : 0;
    }
    return true;
}

// The first occurrence of `key` in `object` in `found`; false when it occurs twice.
bool findOnce(simdjson::dom::object object, std::string_view key, std::optional<element> &found)
{
    for (const auto field : object) {
        if (field.key != key)
            continue;
        if (found)
            return false;
        found = field.value;
    }
    return true;
}

struct ThreadState {
    simdjson::dom::parser parser;
    std::vector<char> padded;
};

} // namespace

std::optional<LeanRecord> readLeanRecord(std::string_view line)
{
    thread_local ThreadState state;
    const std::size_t needed = line.size() + simdjson::SIMDJSON_PADDING;
    if (state.padded.size() < needed)
        state.padded.resize(needed);
    if (!line.empty())
        std::memcpy(state.padded.data(), line.data(), line.size());

    element root;
    if (state.parser.parse(state.padded.data(), line.size(), false).get(root) ||
        root.type() != Type::OBJECT)
        return std::nullopt;

    // As Classifier::classify: an item at the top, else the "item" of a wrapper.
    std::optional<element> itemData;
    std::optional<element> wrapped;
    std::optional<element> loans;
    int otherKeys = 0;
    for (const auto field : asObject(root)) {
        std::optional<element> *slot = field.key == "item_data" ? &itemData
                                       : field.key == "item"    ? &wrapped
                                       : field.key == "loans"   ? &loans
                                                                : nullptr;
        if (!slot) {
            ++otherKeys;
            continue;
        }
        if (*slot)
            return std::nullopt;
        *slot = field.value;
    }

    LeanRecord record;
    if (!itemData) {
        // A wrapper with anything beside "item" and "loans" goes to the full reader: its
        // skipping callback can drop loan fields when a block beside them holds "item_data".
        if (!wrapped || otherKeys > 0 || wrapped->type() != Type::OBJECT)
            return std::nullopt;
        if (!findOnce(asObject(*wrapped), "item_data", itemData) || !itemData)
            return std::nullopt;
        if (loans && !countActiveLoans(*loans, record.activeLoans))
            return std::nullopt;
    }
    if (!readItemData(*itemData, record.item))
        return std::nullopt;
    return record;
}

} // namespace migdesk
