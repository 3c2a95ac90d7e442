// SET_CONDITION: the item's physical condition becomes the rules' code (Damaged by default),
// written in the whole-record PUT. Safe to apply without a question; staff can pick it on the
// review page.
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
    [](Item &item, const Step &step) {
        item.physicalCondition = {step.conditionCode, {}};
    },
    [](const Item &item, const Step &step) {
        return item.physicalCondition.value == step.conditionCode;
    },
    [](const Item &before, const Step &step) {
        return QStringLiteral("PUT physical_condition %1 -> %2")
            .arg(before.physicalCondition.value, step.conditionCode);
    },
    [](const Step &step) {
        return tr("The physical condition already was %1.").arg(step.conditionCode);
    },
    [](const Item &after, const Step &step) {
        return tr("Alma kept the physical condition %1 instead of %2.")
            .arg(after.physicalCondition.value, step.conditionCode);
    },
};

} // namespace

StepKind setConditionStep()
{
    return {StepType::SetCondition,
            "SET_CONDITION",
            QT_TRANSLATE_NOOP("Plan", "Set condition"),
            /*autoSafe=*/true,
            /*executable=*/true,
            /*noOp=*/false,
            Awaiting::Nothing,
            /*reviewPosition=*/3,
            QT_TRANSLATE_NOOP("PlanPanel", "Set condition Damaged"),
            {},
            WriteKind::Put,
            "",
            &kEdit};
}

} // namespace migdesk
