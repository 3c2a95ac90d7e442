// SET_FULFILLMENT_NOTE: the item's fulfillment note becomes the rules' text (staff see it at the
// desk when the item circulates), written in the whole-record PUT. Safe without a question.
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

const FieldEdit kEdit = {
    [](Item &item, const Step &step) { item.fulfillmentNote = step.fulfillmentNote; },
    [](const Item &item, const Step &step) { return item.fulfillmentNote == step.fulfillmentNote; },
    [](const Item &, const Step &step) {
        return QStringLiteral("PUT fulfillment_note (%1 characters)")
            .arg(step.fulfillmentNote.size());
    },
    [](const Step &) { return tr("The fulfillment note already said so."); },
    [](const Item &, const Step &) { return tr("Alma did not keep the fulfillment note."); },
};

} // namespace

StepKind setFulfillmentNoteStep()
{
    return {StepType::SetFulfillmentNote,
            "SET_FULFILLMENT_NOTE",
            QT_TRANSLATE_NOOP("Plan", "Set fulfillment note"),
            /*autoSafe=*/true,
            /*executable=*/true,
            /*noOp=*/false,
            Awaiting::Nothing,
            /*reviewPosition=*/0,
            "",
            {"note"},
            WriteKind::Put,
            "",
            &kEdit};
}

} // namespace migdesk
