// Planner (see Planner.h): per status, the rule for the mode and loan situation; then condition
// changes first and one final disposition, by priority Withdraw > loan actions > work order >
// Missing / shelf search > Return.
#include "planning/Planner.h"

#include "planning/PlanText.h"

#include <algorithm>

namespace migdesk {

namespace {

// Priority of a disposition; higher wins when several statuses combine.
int rank(const Step &step)
{
    switch (step.type) {
    case StepType::Withdraw:
        return 70;
    case StepType::GuideLost:
    case StepType::GuideClaimedReturned:
        return 60;
    case StepType::WorkOrder:
    case StepType::SetFulfillmentNote:
    case StepType::SetTempLocation:
        return 50;
    case StepType::MarkMissing:
    case StepType::AddToShelfList:
        return 40;
    case StepType::Return:
        return 30;
    case StepType::NeedsReview:
        return 20;
    case StepType::Defer:
        return 10;
    case StepType::Decide: {
        // A choice that may withdraw ranks just below a definite withdraw.
        int best = 0;
        for (const auto &choice : step.choices) {
            for (const auto &inner : choice.steps)
                best = std::max(best, rank(inner));
        }
        return best - 1;
    }
    case StepType::SetCondition:
    case StepType::ClearTempLocation:
    case StepType::StampNote:
    case StepType::Nothing:
        break;
    }
    return 0;
}

int rank(const std::vector<Step> &steps)
{
    int best = 0;
    for (const auto &step : steps)
        best = std::max(best, rank(step));
    return best;
}

class Resolver {
public:
    Resolver(const Rules &rules, const QString &statusId)
        : m_rules(rules)
        , m_statusId(statusId)
    {}

    void resolve(const std::vector<RuleStep> &ruleSteps, std::vector<Step> &out) const
    {
        for (const auto &ruleStep : ruleSteps)
            resolve(ruleStep, out);
    }

private:
    void resolve(const RuleStep &ruleStep, std::vector<Step> &out) const
    {
        Step step;
        step.type = ruleStep.type;
        step.statusId = m_statusId;
        switch (ruleStep.type) {
        case StepType::SetCondition:
            step.conditionCode = m_rules.conditionCode();
            break;
        case StepType::WorkOrder: {
            const WorkOrderTarget target = m_rules.workOrder(m_statusId);
            if (!target.isConfigured()) {
                // No work order for this status: the rules say what to do instead.
                resolve(ruleStep.fallback, out);
                return;
            }
            step.department = target.department;
            step.workOrderType = target.type;
            break;
        }
        case StepType::SetFulfillmentNote:
            step.fulfillmentNote = ruleStep.fulfillmentNote.isEmpty()
                                       ? plantext::defaultFulfillmentNote(m_statusId)
                                       : ruleStep.fulfillmentNote;
            break;
        case StepType::Return:
            step.confirmLoan = ruleStep.confirmLoan;
            break;
        case StepType::MarkMissing:
            step.missingStrategy = m_rules.missingStrategy();
            break;
        case StepType::SetTempLocation:
            step.tempLocation = ruleStep.tempLocation;
            break;
        case StepType::Withdraw:
            step.holdingsPolicy = m_rules.withdrawHoldings();
            step.bibPolicy = m_rules.withdrawBib();
            step.needsConfirmation = true;
            break;
        case StepType::Decide:
            for (const auto &ruleChoice : ruleStep.choices) {
                Choice choice;
                choice.key = ruleChoice.key;
                resolve(ruleChoice.steps, choice.steps);
                choice.label = plantext::choiceLabel(choice);
                if (ruleChoice.key == ruleStep.defaultChoice)
                    step.defaultChoice = int(step.choices.size());
                step.choices.push_back(std::move(choice));
            }
            break;
        default:
            break;
        }
        step.label = plantext::stepLabel(step);
        out.push_back(std::move(step));
    }

    const Rules &m_rules;
    const QString &m_statusId;
};

Step single(StepType type, const QString &statusId)
{
    Step step;
    step.type = type;
    step.statusId = statusId;
    step.label = plantext::stepLabel(step);
    return step;
}

} // namespace

Planner::Planner(Rules rules)
    : m_rules(std::move(rules))
{}

Plan Planner::plan(const Item &item, const NoteReading &reading, const PlanContext &context) const
{
    Plan plan;
    plan.statusIds = reading.ids();
    if (!item.isMigrationItem() && context.mode == WorkMode::Desk && isBackFromReview(item)) {
        plan.steps.push_back(single(StepType::ClearTempLocation, {}));
        plan.explanation = plantext::backFromReviewExplanation(item);
        return plan;
    }
    if (!item.isMigrationItem()) {
        plan.steps.push_back(single(StepType::Nothing, {}));
        plan.explanation = plantext::notMigrationExplanation(item);
        return plan;
    }
    if (reading.isEmpty()) {
        plan.steps.push_back(single(StepType::NeedsReview, unknownStatusId()));
        plan.explanation = plantext::noNoteExplanation(reading.source);
        return plan;
    }

    const bool loan = context.hasActiveLoan();
    std::vector<Step> conditions;
    std::vector<Step> disposition;
    int best = -1;
    const StatusMatch *deciding = nullptr;
    for (const auto &match : reading.statuses) {
        std::vector<Step> steps;
        if (const RuleCase *rule = m_rules.ruleFor(match.id, context.mode))
            Resolver(m_rules, match.id).resolve(loan ? rule->withLoan : rule->withoutLoan, steps);
        else
            steps.push_back(single(StepType::NeedsReview, match.id));
        std::vector<Step> rest;
        for (auto &step : steps) {
            if (step.type == StepType::SetCondition) {
                const bool seen =
                    std::any_of(conditions.begin(), conditions.end(), [&step](const Step &s) {
                        return s.conditionCode == step.conditionCode;
                    });
                if (!seen)
                    conditions.push_back(std::move(step));
            } else {
                rest.push_back(std::move(step));
            }
        }
        const int score = rank(rest);
        if (score > best) {
            best = score;
            disposition = std::move(rest);
            deciding = &match;
        }
    }
    // A condition change is pointless on an item that is about to be withdrawn.
    const bool withdraws = std::any_of(disposition.begin(), disposition.end(),
                                       [](const Step &s) { return s.type == StepType::Withdraw; });
    if (!withdraws)
        plan.steps = std::move(conditions);
    for (auto &step : disposition)
        plan.steps.push_back(std::move(step));
    plan.explanation = plantext::explanation(plan, reading, deciding, context);
    return plan;
}

bool Planner::isBackFromReview(const Item &item) const
{
    if (!item.inTempLocation)
        return false;
    const auto shelves = m_rules.reviewTempLocations();
    return std::any_of(shelves.begin(), shelves.end(), [&item](const TempLocationTarget &shelf) {
        return shelf.library == item.tempLibrary.value && shelf.location == item.tempLocation.value;
    });
}

bool Planner::needsLoan(const Item &item, const NoteReading &reading, WorkMode mode) const
{
    if (!item.isMigrationItem() || reading.isEmpty())
        return false;
    // Only a rule with different steps with and without a loan can make the plans differ.
    const bool split =
        std::any_of(reading.statuses.begin(), reading.statuses.end(), [&](const StatusMatch &m) {
            const RuleCase *rule = m_rules.ruleFor(m.id, mode);
            return rule && !(rule->withLoan == rule->withoutLoan);
        });
    if (!split)
        return false;
    // Another status may still decide the plan either way: compare the two plans.
    PlanContext without;
    without.mode = mode;
    PlanContext with = without;
    Loan active;
    active.loanStatus = QStringLiteral("ACTIVE");
    with.activeLoans.push_back(active);
    return !(plan(item, reading, with).steps == plan(item, reading, without).steps);
}

} // namespace migdesk
