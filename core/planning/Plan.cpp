// Step and plan vocabulary, labels and JSON (see Plan.h).
#include "planning/Plan.h"

#include "model/JsonUtil.h"
#include "planning/StepCatalogue.h"

#include <QCoreApplication>

namespace migdesk {

QString stepTypeName(StepType type)
{
    return QLatin1String(stepKind(type).name);
}

std::optional<StepType> stepTypeFromName(const QString &name)
{
    return stepKindByName(name);
}

bool isAutoSafe(StepType type)
{
    return stepKind(type).autoSafe;
}

QString stepTypeLabel(StepType type)
{
    return QCoreApplication::translate("Plan", stepKind(type).label);
}

bool Step::operator==(const Step &other) const
{
    return type == other.type && conditionCode == other.conditionCode &&
           department == other.department && workOrderType == other.workOrderType &&
           fulfillmentNote == other.fulfillmentNote && tempLocation == other.tempLocation &&
           choices == other.choices && defaultChoice == other.defaultChoice &&
           label == other.label && statusId == other.statusId &&
           registerInHouseUse == other.registerInHouseUse &&
           missingStrategy == other.missingStrategy && holdingsPolicy == other.holdingsPolicy &&
           bibPolicy == other.bibPolicy && needsConfirmation == other.needsConfirmation &&
           confirmLoan == other.confirmLoan && noteField == other.noteField &&
           noteText == other.noteText;
}

bool Choice::operator==(const Choice &other) const
{
    return key == other.key && label == other.label && steps == other.steps;
}

bool Plan::isAutoSafe() const
{
    if (steps.empty())
        return false;
    for (const auto &step : steps) {
        if (!migdesk::isAutoSafe(step.type) || step.confirmLoan)
            return false;
    }
    return true;
}

bool Plan::needsStaff() const
{
    for (const auto &step : steps) {
        const StepKind &kind = stepKind(step.type);
        if (!kind.autoSafe && !kind.noOp)
            return true;
    }
    return false;
}

QStringList Plan::stepNames() const
{
    QStringList names;
    for (const auto &step : steps)
        names.append(stepTypeName(step.type));
    return names;
}

QString workModeName(WorkMode mode)
{
    return mode == WorkMode::Followup ? QStringLiteral("followup") : QStringLiteral("desk");
}

std::optional<WorkMode> workModeFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("desk"))
        return WorkMode::Desk;
    if (key == QLatin1String("followup") || key == QLatin1String("follow-up"))
        return WorkMode::Followup;
    return std::nullopt;
}

bool PlanContext::hasActiveLoan() const
{
    for (const auto &loan : activeLoans) {
        if (loan.isActive())
            return true;
    }
    return false;
}

nlohmann::json stepToJson(const Step &step)
{
    using json::utf8;
    nlohmann::json out = {{"type", utf8(stepTypeName(step.type))}, {"label", utf8(step.label)}};
    if (!step.statusId.isEmpty())
        out["status"] = utf8(step.statusId);
    switch (step.type) {
    case StepType::SetCondition:
        out["condition_code"] = utf8(step.conditionCode);
        break;
    case StepType::Return:
        out["register_in_house_use"] = step.registerInHouseUse;
        if (step.confirmLoan)
            out["confirm_loan"] = true; // the scan waits for Enter: the return closes a loan
        break;
    case StepType::WorkOrder:
        out["department"] = utf8(step.department);
        out["work_order_type"] = utf8(step.workOrderType);
        break;
    case StepType::SetFulfillmentNote:
        out["fulfillment_note"] = utf8(step.fulfillmentNote);
        break;
    case StepType::MarkMissing:
        out["missing_strategy"] = utf8(step.missingStrategy);
        break;
    case StepType::SetTempLocation:
        out["temp_library"] = utf8(step.tempLocation.library);
        out["temp_location"] = utf8(step.tempLocation.location);
        if (!step.tempLocation.policy.isEmpty())
            out["temp_policy"] = utf8(step.tempLocation.policy);
        break;
    case StepType::StampNote:
        out["field"] = utf8(step.noteField);
        out["text"] = utf8(step.noteText);
        break;
    case StepType::Withdraw:
        out["holdings"] = utf8(step.holdingsPolicy);
        out["bib"] = utf8(step.bibPolicy);
        out["needs_confirmation"] = step.needsConfirmation;
        break;
    case StepType::Decide: {
        nlohmann::json choices = nlohmann::json::array();
        for (const auto &choice : step.choices) {
            nlohmann::json steps = nlohmann::json::array();
            for (const auto &inner : choice.steps)
                steps.push_back(stepToJson(inner));
            choices.push_back(
                {{"key", utf8(choice.key)}, {"label", utf8(choice.label)}, {"steps", steps}});
        }
        out["choices"] = std::move(choices);
        out["default_choice"] = step.defaultChoice;
        break;
    }
    default:
        break;
    }
    return out;
}

nlohmann::json planToJson(const Plan &plan)
{
    nlohmann::json steps = nlohmann::json::array();
    for (const auto &step : plan.steps)
        steps.push_back(stepToJson(step));
    nlohmann::json ids = nlohmann::json::array();
    for (const auto &id : plan.statusIds)
        ids.push_back(json::utf8(id));
    return {{"steps", std::move(steps)},
            {"explanation", json::utf8(plan.explanation)},
            {"status_ids", std::move(ids)},
            {"auto_safe", plan.isAutoSafe()}};
}

} // namespace migdesk
