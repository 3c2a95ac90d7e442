// Tolerant readers for Alma's JSON: nulls, missing keys and numbers where strings are expected.
#pragma once

#include "model/CodeValue.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace migdesk::json {

// The string at `key`, or "" when missing or null; numbers and booleans become their text.
QString str(const nlohmann::json &object, const char *key);
// A code/description object at `key`; missing, null, a bare string or {"value": null} all work.
CodeValue code(const nlohmann::json &object, const char *key);
// A boolean at `key`; accepts true/false, "true"/"false", 0/1 and null (false).
bool boolean(const nlohmann::json &object, const char *key);
// The object at `key`, or an empty object when missing or not an object.
const nlohmann::json &object(const nlohmann::json &parent, const char *key);

nlohmann::json toJson(const CodeValue &value);
std::string utf8(const QString &text);
QString fromUtf8(const std::string &text);

} // namespace migdesk::json
