// SET_TEMP_LOCATION: the item is parked in a temporary location (a review shelf) named by the
// rules, so that Primo shows where it is while cataloguing or circulation reviews it; written in
// the whole-record PUT (holding_data.in_temp_location, temp_library, temp_location, and
// temp_policy when the rules give one). Its counterpart CLEAR_TEMP_LOCATION empties them again
// when the item comes back from review.
#include "model/Item.h"
#include "planning/Plan.h"
#include "planning/StepCatalogue.h"

#include <QCoreApplication>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::Executor", text);
}

QString place(const QString &library, const QString &location)
{
    return QStringLiteral("%1/%2").arg(library, location);
}

QString shownPlace(const Item &item)
{
    return item.inTempLocation ? place(item.tempLibrary.value, item.tempLocation.value)
                               : QStringLiteral("none");
}

const FieldEdit kSetEdit = {
    [](Item &item, const Step &step) {
        item.inTempLocation = true;
        item.tempLibrary = {step.tempLocation.library, {}};
        item.tempLocation = {step.tempLocation.location, {}};
        if (!step.tempLocation.policy.isEmpty())
            item.tempPolicy = {step.tempLocation.policy, {}};
    },
    [](const Item &item, const Step &step) {
        return item.inTempLocation && item.tempLibrary.value == step.tempLocation.library &&
               item.tempLocation.value == step.tempLocation.location &&
               (step.tempLocation.policy.isEmpty() ||
                item.tempPolicy.value == step.tempLocation.policy);
    },
    [](const Item &before, const Step &step) {
        return QStringLiteral("PUT temp location %1 -> %2")
            .arg(shownPlace(before), place(step.tempLocation.library, step.tempLocation.location));
    },
    [](const Step &step) {
        return tr("The item already was in the temporary location %1.")
            .arg(place(step.tempLocation.library, step.tempLocation.location));
    },
    [](const Item &after, const Step &step) {
        return tr("Alma did not keep the temporary location %1 (it shows %2).")
            .arg(place(step.tempLocation.library, step.tempLocation.location), shownPlace(after));
    },
};

const FieldEdit kClearEdit = {
    [](Item &item, const Step &) {
        item.inTempLocation = false;
        item.tempLibrary = {};
        item.tempLocation = {};
        item.tempPolicy = {};
    },
    [](const Item &item, const Step &) { return !item.inTempLocation; },
    [](const Item &before, const Step &) {
        return QStringLiteral("PUT temp location %1 -> none").arg(shownPlace(before));
    },
    [](const Step &) { return tr("The item was not in a temporary location."); },
    [](const Item &after, const Step &) {
        return tr("Alma kept the temporary location %1.").arg(shownPlace(after));
    },
};

} // namespace

StepKind setTempLocationStep()
{
    return {StepType::SetTempLocation,
            "SET_TEMP_LOCATION",
            QT_TRANSLATE_NOOP("Plan", "Move to a temporary location"),
            /*autoSafe=*/true,
            /*executable=*/true,
            /*noOp=*/false,
            Awaiting::Nothing,
            /*reviewPosition=*/0,
            "",
            {"temp_location"},
            WriteKind::Put,
            "",
            &kSetEdit};
}

StepKind clearTempLocationStep()
{
    // Planned for an item back from its review shelf: staff confirm with Enter that review is
    // over before the temporary location goes.
    return {StepType::ClearTempLocation,
            "CLEAR_TEMP_LOCATION",
            QT_TRANSLATE_NOOP("Plan", "Clear the temporary location"),
            /*autoSafe=*/false,
            /*executable=*/true,
            /*noOp=*/false,
            Awaiting::Enter,
            /*reviewPosition=*/0,
            "",
            {},
            WriteKind::Put,
            QT_TRANSLATE_NOOP("ScanSession", "%1 is back from review: press Enter to clear its "
                                             "temporary location, or Esc to leave it there."),
            &kClearEdit};
}

} // namespace migdesk
