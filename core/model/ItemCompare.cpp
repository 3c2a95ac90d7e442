// Comparing what staff saw of an item with what Alma shows now (see ItemCompare.h).
#include "model/ItemCompare.h"

namespace migdesk {

QString firstShownDifference(const Item &shown, const Item &current)
{
    struct Field {
        const char *name;
        QString a;
        QString b;
    };
    const Field fields[] = {
        {"modification_date", shown.modificationDate, current.modificationDate},
        {"process_type", shown.processType.value, current.processType.value},
        {"base_status", shown.baseStatus.value, current.baseStatus.value},
        {"physical_condition", shown.physicalCondition.value, current.physicalCondition.value},
        {"fulfillment_note", shown.fulfillmentNote, current.fulfillmentNote},
        {"internal_note_1", shown.internalNote1, current.internalNote1},
        {"internal_note_2", shown.internalNote2, current.internalNote2},
        {"internal_note_3", shown.internalNote3, current.internalNote3},
        {"public_note", shown.publicNote, current.publicNote},
        {"library", shown.library.value, current.library.value},
        {"location", shown.location.value, current.location.value},
        {"in_temp_location", shown.inTempLocation ? QStringLiteral("true") : QString(),
         current.inTempLocation ? QStringLiteral("true") : QString()},
        {"temp_library", shown.tempLibrary.value, current.tempLibrary.value},
        {"temp_location", shown.tempLocation.value, current.tempLocation.value},
        {"barcode", shown.barcode, current.barcode},
    };
    for (const auto &field : fields) {
        if (field.a != field.b)
            return QString::fromLatin1(field.name);
    }
    return {};
}

void copyEditableFields(Item &to, const Item &from)
{
    to.physicalCondition = from.physicalCondition;
    to.fulfillmentNote = from.fulfillmentNote;
    to.publicNote = from.publicNote;
    to.internalNote1 = from.internalNote1;
    to.internalNote2 = from.internalNote2;
    to.internalNote3 = from.internalNote3;
    to.inTempLocation = from.inTempLocation;
    to.tempLibrary = from.tempLibrary;
    to.tempLocation = from.tempLocation;
    to.tempPolicy = from.tempPolicy;
}

bool sameEditableFields(const Item &a, const Item &b)
{
    return a.physicalCondition.value == b.physicalCondition.value &&
           a.fulfillmentNote == b.fulfillmentNote && a.publicNote == b.publicNote &&
           a.internalNote1 == b.internalNote1 && a.internalNote2 == b.internalNote2 &&
           a.internalNote3 == b.internalNote3 && a.inTempLocation == b.inTempLocation &&
           a.tempLibrary.value == b.tempLibrary.value &&
           a.tempLocation.value == b.tempLocation.value && a.tempPolicy.value == b.tempPolicy.value;
}

bool isTransitOrHold(const Item &item)
{
    const QString &type = item.processType.value;
    return type == QLatin1String("TRANSIT") || type == QLatin1String("TRANSIT_TO_REMOTE_STORAGE") ||
           type == QLatin1String("HOLDSHELF");
}

} // namespace migdesk
