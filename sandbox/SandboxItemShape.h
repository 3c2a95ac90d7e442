// The shape of an Alma item in the sandbox: defaults for every field, normalising items from
// a --data file, and the whole-record replace that a PUT performs.
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

namespace migdesk::sandbox {

// item_data with every field Alma sends, at its empty default.
const nlohmann::json &defaultItemData();
// A complete item (bib_data, holding_data, item_data) filled from `item`; sets `problem` when
// the item lacks a pid or barcode.
nlohmann::json normalizeItem(const nlohmann::json &item, QString *problem);
// The item_data a PUT leaves: fields sent replace (every one, known to the sandbox or not),
// omitted writable fields reset to defaults, read-only fields keep their value, and codes sent
// unchanged keep their stored object. `problem` names a missing or invalid field.
nlohmann::json replaceItemData(const nlohmann::json &current, const nlohmann::json &sent,
                               bool processTypeWritable, bool hasActiveLoan, QString *problem);

} // namespace migdesk::sandbox
