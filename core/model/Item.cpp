// Alma item JSON <-> Item (see Item.h).
#include "model/Item.h"

#include "model/JsonUtil.h"

namespace migdesk {

using namespace migdesk::json;

QString Item::itemPath() const
{
    return QStringLiteral("/almaws/v1/bibs/%1/holdings/%2/items/%3").arg(mmsId, holdingId, pid);
}

void from_json(const nlohmann::json &j, Item &item)
{
    if (!j.is_object())
        throw nlohmann::json::type_error::create(302, "item is not a JSON object", &j);
    item.raw = j;
    const auto &bib = object(j, "bib_data");
    const auto &holding = object(j, "holding_data");
    const auto &data = object(j, "item_data");
    if (!j.contains("item_data") || !j.at("item_data").is_object())
        throw nlohmann::json::type_error::create(302, "item_data is missing", &j);

    item.mmsId = str(bib, "mms_id");
    item.title = str(bib, "title");
    item.author = str(bib, "author");

    item.holdingId = str(holding, "holding_id");
    item.callNumber = str(holding, "call_number");
    item.inTempLocation = boolean(holding, "in_temp_location");
    item.tempLibrary = code(holding, "temp_library");
    item.tempLocation = code(holding, "temp_location");
    item.tempPolicy = code(holding, "temp_policy");

    item.pid = str(data, "pid");
    item.barcode = str(data, "barcode");
    item.baseStatus = code(data, "base_status");
    item.processType = code(data, "process_type");
    item.library = code(data, "library");
    item.location = code(data, "location");
    item.policy = code(data, "policy");
    item.materialType = code(data, "physical_material_type");
    item.physicalCondition = code(data, "physical_condition");
    item.workOrderType = code(data, "work_order_type");
    item.workOrderAt = code(data, "work_order_at");
    item.requested = boolean(data, "requested");
    item.awaitingReshelving = boolean(data, "awaiting_reshelving");
    item.description = str(data, "description");
    item.publicNote = str(data, "public_note");
    item.fulfillmentNote = str(data, "fulfillment_note");
    item.internalNote1 = str(data, "internal_note_1");
    item.internalNote2 = str(data, "internal_note_2");
    item.internalNote3 = str(data, "internal_note_3");
    item.creationDate = str(data, "creation_date");
    item.modificationDate = str(data, "modification_date");

    item.link = str(j, "link");
    item.additionalInfo = str(j, "additional_info");
}

void to_json(nlohmann::json &j, const Item &item)
{
    // Only the fields MigDesk changed are written: everything else goes back exactly as Alma
    // sent it (an empty condition stays {"value":null,...}, a missing note stays missing).
    j = item.raw.is_object() ? item.raw : nlohmann::json::object();
    auto &data = j["item_data"];
    if (!data.is_object())
        data = nlohmann::json::object();
    const nlohmann::json original = data;
    auto writeCode = [&](const char *key, const CodeValue &value) {
        if (code(original, key).value != value.value || !original.contains(key))
            data[key] = toJson(value);
    };
    auto writeText = [&](const char *key, const QString &value) {
        if (str(original, key) != value || !original.contains(key))
            data[key] = utf8(value);
    };
    writeCode("physical_condition", item.physicalCondition);
    writeCode("process_type", item.processType);
    writeText("fulfillment_note", item.fulfillmentNote);
    writeText("public_note", item.publicNote);
    writeText("internal_note_1", item.internalNote1);
    writeText("internal_note_2", item.internalNote2);
    writeText("internal_note_3", item.internalNote3);

    // The temporary location lives in holding_data; Alma takes it in the item's PUT.
    const nlohmann::json originalHolding =
        j.contains("holding_data") && j["holding_data"].is_object() ? j["holding_data"]
                                                                    : nlohmann::json::object();
    const Item shown = [&] {
        Item parsed;
        parsed.inTempLocation = boolean(originalHolding, "in_temp_location");
        parsed.tempLibrary = code(originalHolding, "temp_library");
        parsed.tempLocation = code(originalHolding, "temp_location");
        parsed.tempPolicy = code(originalHolding, "temp_policy");
        return parsed;
    }();
    if (shown.inTempLocation != item.inTempLocation ||
        shown.tempLibrary.value != item.tempLibrary.value ||
        shown.tempLocation.value != item.tempLocation.value ||
        shown.tempPolicy.value != item.tempPolicy.value) {
        auto &holding = j["holding_data"];
        if (!holding.is_object())
            holding = nlohmann::json::object();
        holding["in_temp_location"] = item.inTempLocation;
        holding["temp_library"] = toJson(item.tempLibrary);
        holding["temp_location"] = toJson(item.tempLocation);
        holding["temp_policy"] = toJson(item.tempPolicy);
    }
}

Result<Item> itemFromJson(const nlohmann::json &json)
{
    try {
        Item item;
        from_json(json, item);
        return Result<Item>::ok(std::move(item));
    } catch (const std::exception &e) {
        return Result<Item>::fail(ApiError::make(
            ErrorKind::Parse, QStringLiteral("Alma sent an item that could not be read: %1")
                                  .arg(QString::fromUtf8(e.what()))));
    }
}

Result<Item> parseItem(const QByteArray &body)
{
    nlohmann::json json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (json.is_discarded())
        return Result<Item>::fail(ApiError::make(
            ErrorKind::Parse, QStringLiteral("Alma sent a reply that is not valid JSON")));
    return itemFromJson(json);
}

QByteArray serializeItem(const Item &item)
{
    nlohmann::json json;
    to_json(json, item);
    const std::string text = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace migdesk
