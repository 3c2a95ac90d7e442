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

// The holding_data a PUT leaves: the temporary location fields sent (in_temp_location,
// temp_library, temp_location, temp_policy) replace the stored ones; a temporary location must
// name a library and one of its locations. Other holding fields are not the item's to change.
nlohmann::json replaceTempLocation(const nlohmann::json &current, const nlohmann::json &sent,
                                   QString *problem);
// Where the item sits now: its temporary library and location while in_temp_location is true,
// else its permanent ones (codes).
QString currentLibrary(const nlohmann::json &item);
QString currentLocation(const nlohmann::json &item);

} // namespace migdesk::sandbox
