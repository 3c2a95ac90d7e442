// Alma's physical item (GET/PUT .../items/{pid}) as a typed view over the original JSON.
// The original JSON is kept whole in `raw`, so a PUT sends back every field Alma sent.
#pragma once

#include "model/CodeValue.h"
#include "model/Result.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace migdesk {

struct Item {
    nlohmann::json raw = nlohmann::json::object(); // everything Alma sent, untouched

    // bib_data
    QString mmsId;
    QString title;
    QString author;
    // holding_data
    QString holdingId;
    QString callNumber;
    bool inTempLocation = false;
    CodeValue tempLibrary;
    CodeValue tempLocation;
    CodeValue tempPolicy;
    // item_data
    QString pid;
    QString barcode;
    CodeValue baseStatus;  // "1" in place, "0" not in place
    CodeValue processType; // "TECHNICAL", "MISSING", "LOAN", ... or empty
    CodeValue library;
    CodeValue location;
    CodeValue policy;
    CodeValue materialType;
    CodeValue physicalCondition;
    CodeValue workOrderType;
    CodeValue workOrderAt;
    bool requested = false;
    bool awaitingReshelving = false;
    QString description;
    QString publicNote;
    QString fulfillmentNote;
    QString internalNote1;
    QString internalNote2;
    QString internalNote3;
    QString creationDate;
    QString modificationDate;
    // top level
    QString link;
    QString additionalInfo; // after an action: "Item's destination is: ..."

    bool isInPlace() const { return baseStatus.value == QLatin1String("1"); }
    bool isMigrationItem() const { return processType.value == QLatin1String("TECHNICAL"); }
    // "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}/items/{pid}"
    QString itemPath() const;
};

// Throws nlohmann::json exceptions on wrong shapes; use parseItem() at boundaries.
void from_json(const nlohmann::json &json, Item &item);
// The original JSON with the editable fields (notes, condition, process type, the temporary
// location in holding_data) written back,
// each only when it differs from the original (or is missing there): every other byte of what
// Alma sent goes back unchanged.
void to_json(nlohmann::json &json, const Item &item);

// Parses a body Alma sent. Never throws: wrong input becomes ErrorKind::Parse.
Result<Item> parseItem(const QByteArray &body);
Result<Item> itemFromJson(const nlohmann::json &json);
QByteArray serializeItem(const Item &item);

} // namespace migdesk
