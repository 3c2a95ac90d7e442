// The shape of an Alma item in the sandbox (see SandboxItemShape.h).
#include "SandboxItemShape.h"

#include "SandboxCatalog.h"
#include "SandboxState.h"

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

json emptyCode()
{
    return json{{"value", ""}, {"desc", nullptr}};
}

QString codeOf(const json &data, const char *key)
{
    const auto it = data.find(key);
    if (it == data.end() || it->is_null())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_object()) {
        const auto value = it->find("value");
        if (value != it->end() && value->is_string())
            return QString::fromStdString(value->get<std::string>());
    }
    return {};
}

// Fields the caller cannot change with a PUT.
const char *const kReadOnly[] = {"pid",
                                 "creation_date",
                                 "modification_date",
                                 "base_status",
                                 "requested",
                                 "awaiting_reshelving",
                                 "work_order_type",
                                 "work_order_at",
                                 "receiving_operator"};

bool isReadOnly(const std::string &key)
{
    for (const char *name : kReadOnly) {
        if (key == name)
            return true;
    }
    return false;
}

std::string idText(const json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer() || value.is_number_unsigned())
        return value.dump();
    return {};
}

} // namespace

const json &defaultItemData()
{
    static const json data = [] {
        json d = json::object();
        for (const char *key : {"alternative_call_number",
                                "chronology_i",
                                "chronology_j",
                                "chronology_k",
                                "chronology_l",
                                "chronology_m",
                                "description",
                                "enumeration_a",
                                "enumeration_b",
                                "enumeration_c",
                                "enumeration_d",
                                "enumeration_e",
                                "enumeration_f",
                                "enumeration_g",
                                "enumeration_h",
                                "fulfillment_note",
                                "internal_note_1",
                                "internal_note_2",
                                "internal_note_3",
                                "inventory_number",
                                "pages",
                                "pieces",
                                "po_line",
                                "public_note",
                                "statistics_note_1",
                                "statistics_note_2",
                                "statistics_note_3",
                                "storage_location_id",
                                "year_of_issue",
                                "barcode",
                                "pid",
                                "creation_date",
                                "modification_date",
                                "arrival_date",
                                "receiving_operator",
                                "inventory_price",
                                "retention_note",
                                "linking_number",
                                "type_of_unit"})
            d[key] = "";
        for (const char *key : {"alternative_call_number_type", "physical_material_type", "policy",
                                "provenance", "process_type", "committed_to_retain",
                                "retention_reason", "break_indicator", "pattern_type"})
            d[key] = emptyCode();
        d["physical_condition"] = json{{"value", nullptr}, {"desc", nullptr}};
        d["base_status"] = json{{"value", "1"}, {"desc", "Item in place"}};
        d["library"] = emptyCode();
        d["location"] = emptyCode();
        d["edition"] = nullptr;
        d["imprint"] = nullptr;
        d["language"] = nullptr;
        d["is_magnetic"] = false;
        d["requested"] = false;
        d["awaiting_reshelving"] = false;
        return d;
    }();
    return data;
}

json normalizeItem(const json &item, QString *problem)
{
    if (!item.is_object() || !item.contains("item_data") || !item["item_data"].is_object()) {
        *problem = QStringLiteral("not an Alma item object (no item_data).");
        return {};
    }
    json out = json::object();
    out["bib_data"] = item.value("bib_data", json::object());
    out["holding_data"] = item.value("holding_data", json::object());
    if (!out["bib_data"].is_object() || !out["holding_data"].is_object()) {
        *problem = QStringLiteral("bib_data and holding_data must be objects.");
        return {};
    }
    json data = defaultItemData();
    for (const auto &[key, value] : item["item_data"].items())
        data[key] = value;
    data["pid"] = idText(data["pid"]);
    data["barcode"] = idText(data["barcode"]);
    if (data["pid"].get<std::string>().empty() || data["barcode"].get<std::string>().empty()) {
        *problem = QStringLiteral("item_data needs a pid and a barcode.");
        return {};
    }
    const std::string pid = data["pid"].get<std::string>();
    if (idText(out["bib_data"]["mms_id"]).empty())
        out["bib_data"]["mms_id"] = "99" + pid;
    else
        out["bib_data"]["mms_id"] = idText(out["bib_data"]["mms_id"]);
    if (idText(out["holding_data"]["holding_id"]).empty())
        out["holding_data"]["holding_id"] = "22" + pid;
    else
        out["holding_data"]["holding_id"] = idText(out["holding_data"]["holding_id"]);
    const QString process = codeOf(data, "process_type");
    if (!data["process_type"].is_object())
        data["process_type"] = codeValue(process, processTypeDesc(process));
    out["item_data"] = std::move(data);
    return out;
}

json replaceItemData(const json &current, const json &sent, bool processTypeWritable,
                     bool hasActiveLoan, QString *problem)
{
    // Alma's PUT replaces the record: known fields left out go back to their defaults, every
    // field sent is kept as sent (fields the sandbox has no rule for included), and read-only
    // fields keep their stored value.
    json data = defaultItemData();
    for (const auto &[key, value] : sent.items()) {
        if (key == "process_type" || isReadOnly(key))
            continue;
        data[key] = value;
    }
    for (const char *key : kReadOnly) {
        if (current.contains(key))
            data[key] = current[key];
        else
            data.erase(key);
    }
    data["process_type"] = current.value("process_type", emptyCode());
    if (idText(data["barcode"]).empty())
        data["barcode"] = current["barcode"];
    else
        data["barcode"] = idText(data["barcode"]);

    const QString library = codeOf(data, "library");
    const QString location = codeOf(data, "location");
    if (library.isEmpty()) {
        *problem = QStringLiteral("Mandatory field is missing: library");
        return {};
    }
    if (location.isEmpty()) {
        *problem = QStringLiteral("Mandatory field is missing: location");
        return {};
    }
    // A code left as it was keeps its stored object (description included); a changed one is
    // checked against the institution's configuration and gets its description from there.
    auto unchanged = [&](const char *key) {
        return current.contains(key) && codeOf(current, key) == codeOf(data, key);
    };
    if (!unchanged("library") || !unchanged("location")) {
        const SandboxLibrary *lib = findLibrary(library);
        if (!lib) {
            *problem = QStringLiteral("Invalid field: library %1").arg(library);
            return {};
        }
        const char *locationName = findLocationName(*lib, location);
        if (!locationName) {
            *problem =
                QStringLiteral("Invalid field: location %1 in library %2").arg(location, library);
            return {};
        }
        data["library"] = codeValue(library, QString::fromUtf8(lib->name));
        data["location"] = codeValue(location, QString::fromUtf8(locationName));
    } else {
        data["library"] = current["library"];
        data["location"] = current["location"];
    }
    const QString condition = codeOf(data, "physical_condition");
    if (unchanged("physical_condition")) {
        data["physical_condition"] = current["physical_condition"];
    } else if (condition.isEmpty()) {
        data["physical_condition"] = json{{"value", nullptr}, {"desc", nullptr}};
    } else {
        const char *name = findPhysicalConditionName(condition);
        if (!name) {
            *problem = QStringLiteral("Invalid field: physical_condition %1").arg(condition);
            return {};
        }
        data["physical_condition"] = codeValue(condition, QString::fromUtf8(name));
    }
    if (processTypeWritable && sent.contains("process_type") &&
        codeOf(sent, "process_type") != codeOf(current, "process_type")) {
        const QString type = codeOf(sent, "process_type");
        if (!type.isEmpty() && processTypeDesc(type).isEmpty()) {
            *problem = QStringLiteral("Invalid field: process_type %1").arg(type);
            return {};
        }
        data["process_type"] = codeValue(type, processTypeDesc(type));
        const bool inPlace = type.isEmpty() && !hasActiveLoan;
        data["base_status"] =
            inPlace ? codeValue(QStringLiteral("1"), QStringLiteral("Item in place"))
                    : codeValue(QStringLiteral("0"), QStringLiteral("Item not in place"));
    }
    return data;
}

namespace {
bool isTrue(const json &object, const char *key)
{
    return object.is_object() && object.contains(key) && object[key].is_boolean() &&
           object[key].get<bool>();
}
} // namespace

json replaceTempLocation(const json &current, const json &sent, QString *problem)
{
    json holding = current.is_object() ? current : json::object();
    if (!sent.is_object())
        return holding;
    for (const char *key : {"in_temp_location", "temp_library", "temp_location", "temp_policy"}) {
        if (sent.contains(key))
            holding[key] = sent[key];
    }
    const bool inTemp = isTrue(holding, "in_temp_location");
    const QString library = codeOf(holding, "temp_library");
    const QString location = codeOf(holding, "temp_location");
    const bool wasInTemp = isTrue(current, "in_temp_location");
    if (!inTemp && !wasInTemp)
        return holding; // nothing about a temporary location changes: every byte stays
    if (!inTemp) {
        holding["in_temp_location"] = false;
        holding["temp_library"] = codeValue({}, {});
        holding["temp_location"] = codeValue({}, {});
        holding["temp_policy"] = codeValue({}, {});
        return holding;
    }
    const SandboxLibrary *known = findLibrary(library);
    if (!known) {
        *problem =
            library.isEmpty()
                ? QStringLiteral("Mandatory field is missing: temp_library")
                : QStringLiteral("Invalid field: temp_library %1 is not defined.").arg(library);
        return {};
    }
    const char *locationName = findLocationName(*known, location);
    if (!locationName) {
        *problem = location.isEmpty()
                       ? QStringLiteral("Mandatory field is missing: temp_location")
                       : QStringLiteral("Invalid field: temp_location %1 is not defined in %2.")
                             .arg(location, library);
        return {};
    }
    holding["temp_library"] = codeValue(library, QString::fromUtf8(known->name));
    holding["temp_location"] = codeValue(location, QString::fromUtf8(locationName));
    if (!holding.contains("temp_policy") || !holding["temp_policy"].is_object())
        holding["temp_policy"] = codeValue({}, {});
    return holding;
}

QString currentLibrary(const json &item)
{
    const json &holding = item.contains("holding_data") ? item["holding_data"] : json::object();
    if (isTrue(holding, "in_temp_location"))
        return codeOf(holding, "temp_library");
    return codeOf(item["item_data"], "library");
}

QString currentLocation(const json &item)
{
    const json &holding = item.contains("holding_data") ? item["holding_data"] : json::object();
    if (isTrue(holding, "in_temp_location"))
        return codeOf(holding, "temp_location");
    return codeOf(item["item_data"], "location");
}

} // namespace migdesk::sandbox
