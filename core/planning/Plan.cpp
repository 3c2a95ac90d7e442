// Step and plan vocabulary, labels and JSON (see Plan.h).
#include "planning/Plan.h"

#include "model/JsonUtil.h"

#include <QCoreApplication>

#include <array>

namespace migdesk {

namespace {

struct StepTypeInfo {
    StepType type;
    const char *name;
    const char *label;
};

constexpr std::array<StepTypeInfo, 13> kStepTypes = {{
    {StepType::SetCondition, "SET_CONDITION", QT_TRANSLATE_NOOP("Plan", "Set condition")},
    {StepType::Return, "RETURN", QT_TRANSLATE_NOOP("Plan", "Return")},
    {StepType::WorkOrder, "WORK_ORDER", QT_TRANSLATE_NOOP("Plan", "Send to work order")},
    {StepType::SetFulfillmentNote, "SET_FULFILLMENT_NOTE",
     QT_TRANSLATE_NOOP("Plan", "Set fulfillment note")},
    {StepType::MarkMissing, "MARK_MISSING", QT_TRANSLATE_NOOP("Plan", "Mark Missing")},
    {StepType::AddToShelfList, "ADD_TO_SHELF_LIST",
     QT_TRANSLATE_NOOP("Plan", "Add to shelf-search list")},
    {StepType::GuideLost, "GUIDE_LOST", QT_TRANSLATE_NOOP("Plan", "Declare Lost in Alma")},
    {StepType::GuideClaimedReturned, "GUIDE_CLAIMED_RETURNED",
     QT_TRANSLATE_NOOP("Plan", "Mark Claimed Returned in Alma")},
    {StepType::Withdraw, "WITHDRAW", QT_TRANSLATE_NOOP("Plan", "Withdraw")},
    {StepType::Decide, "DECIDE", QT_TRANSLATE_NOOP("Plan", "Decide")},
    {StepType::NeedsReview, "NEEDS_REVIEW", QT_TRANSLATE_NOOP("Plan", "Needs review")},
    {StepType::Defer, "DEFER", QT_TRANSLATE_NOOP("Plan", "Handle when in hand")},
    {StepType::Nothing, "NOTHING", QT_TRANSLATE_NOOP("Plan", "Nothing to do")},
}};

const StepTypeInfo &info(StepType type)
{
    for (const auto &entry : kStepTypes) {
        if (entry.type == type)
            return entry;
    }
    return kStepTypes.back();
}

} // namespace

QString stepTypeName(StepType type)
{
    return QLatin1String(info(type).name);
}

std::optional<StepType> stepTypeFromName(const QString &name)
{
    for (const auto &entry : kStepTypes) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

bool isAutoSafe(StepType type)
{
    switch (type) {
    case StepType::Return:
    case StepType::SetCondition:
    case StepType::SetFulfillmentNote:
    case StepType::WorkOrder:
    case StepType::AddToShelfList:
        return true;
    default:
        return false;
    }
}

QString stepTypeLabel(StepType type)
{
    return QCoreApplication::translate("Plan", info(type).label);
}

bool Step::operator==(const Step &other) const
{
    return type == other.type && conditionCode == other.conditionCode &&
           department == other.department && workOrderType == other.workOrderType &&
           fulfillmentNote == other.fulfillmentNote && choices == other.choices &&
           defaultChoice == other.defaultChoice && label == other.label &&
           statusId == other.statusId && registerInHouseUse == other.registerInHouseUse &&
           missingStrategy == other.missingStrategy && holdingsPolicy == other.holdingsPolicy &&
           bibPolicy == other.bibPolicy && needsConfirmation == other.needsConfirmation;
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
        if (!migdesk::isAutoSafe(step.type))
            return false;
    }
    return true;
}

bool Plan::needsStaff() const
{
    for (const auto &step : steps) {
        if (!migdesk::isAutoSafe(step.type) && step.type != StepType::Nothing &&
            step.type != StepType::Defer)
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
