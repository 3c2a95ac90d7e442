// The step catalogue (see StepCatalogue.h): one entry per step kind.
#include "planning/StepCatalogue.h"

#include "planning/Plan.h"

#include <QCoreApplication>

#include <algorithm>

namespace migdesk {

// Kinds declared in files of their own (core/planning/steps/).
StepKind setConditionStep();
StepKind setFulfillmentNoteStep();
StepKind setTempLocationStep();
StepKind clearTempLocationStep();
StepKind stampNoteStep();

namespace {

std::vector<StepKind> makeCatalogue()
{
    // Keep the order of StepType: stepKind() indexes by it.
    return {
        setConditionStep(),
        {StepType::Return,
         "RETURN",
         QT_TRANSLATE_NOOP("Plan", "Return"),
         true,
         true,
         false,
         Awaiting::Nothing,
         1,
         QT_TRANSLATE_NOOP("PlanPanel", "Return (scan in)"),
         {"confirm_loan"},
         WriteKind::ScanIn,
         ""},
        {StepType::WorkOrder,
         "WORK_ORDER",
         QT_TRANSLATE_NOOP("Plan", "Send to work order"),
         true,
         true,
         false,
         Awaiting::Nothing,
         0,
         "",
         {"fallback"},
         WriteKind::ScanIn,
         ""},
        setFulfillmentNoteStep(),
        {StepType::MarkMissing,
         "MARK_MISSING",
         QT_TRANSLATE_NOOP("Plan", "Mark Missing"),
         false,
         true,
         false,
         Awaiting::Enter,
         2,
         QT_TRANSLATE_NOOP("PlanPanel", "Mark Missing"),
         {},
         WriteKind::Put,
         ""},
        {StepType::AddToShelfList,
         "ADD_TO_SHELF_LIST",
         QT_TRANSLATE_NOOP("Plan", "Add to shelf-search list"),
         true,
         true,
         false,
         Awaiting::Nothing,
         0,
         "",
         {},
         WriteKind::None,
         ""},
        {StepType::GuideLost,
         "GUIDE_LOST",
         QT_TRANSLATE_NOOP("Plan", "Declare Lost in Alma"),
         false,
         false,
         false,
         Awaiting::LoanActionInAlma,
         0,
         "",
         {},
         WriteKind::None,
         QT_TRANSLATE_NOOP("ScanSession", "Declare the loan Lost in Alma (Patron Services > "
                                          "Loans > row action), then choose \"Done in Alma\".")},
        {StepType::GuideClaimedReturned,
         "GUIDE_CLAIMED_RETURNED",
         QT_TRANSLATE_NOOP("Plan", "Mark Claimed Returned in Alma"),
         false,
         false,
         false,
         Awaiting::LoanActionInAlma,
         0,
         "",
         {},
         WriteKind::None,
         QT_TRANSLATE_NOOP("ScanSession", "Mark the loan Claimed Returned in Alma (Patron "
                                          "Services > Loans > row action), then choose \"Done in "
                                          "Alma\".")},
        {StepType::Withdraw,
         "WITHDRAW",
         QT_TRANSLATE_NOOP("Plan", "Withdraw"),
         false,
         true,
         false,
         Awaiting::WithdrawConfirmation,
         4,
         QT_TRANSLATE_NOOP("PlanPanel", "Withdraw…"),
         {},
         WriteKind::Delete,
         QT_TRANSLATE_NOOP("ScanSession",
                           "Withdraw %1? It is deleted in Alma only after you confirm.")},
        {StepType::Decide,
         "DECIDE",
         QT_TRANSLATE_NOOP("Plan", "Decide"),
         false,
         false,
         false,
         Awaiting::Choice,
         0,
         "",
         {"choices", "default"},
         WriteKind::None,
         QT_TRANSLATE_NOOP("ScanSession", "Choose what to do with %1.")},
        {StepType::NeedsReview,
         "NEEDS_REVIEW",
         QT_TRANSLATE_NOOP("Plan", "Needs review"),
         false,
         false,
         false,
         Awaiting::Review,
         0,
         "",
         {},
         WriteKind::None,
         QT_TRANSLATE_NOOP("ScanSession", "Needs review: the note does not name a status MigDesk "
                                          "knows. Choose an action or skip.")},
        stampNoteStep(),
        {StepType::Defer,
         "DEFER",
         QT_TRANSLATE_NOOP("Plan", "Handle when in hand"),
         false,
         true,
         true,
         Awaiting::Nothing,
         0,
         "",
         {},
         WriteKind::None,
         ""},
        {StepType::Nothing,
         "NOTHING",
         QT_TRANSLATE_NOOP("Plan", "Nothing to do"),
         false,
         true,
         true,
         Awaiting::Nothing,
         0,
         "",
         {},
         WriteKind::None,
         ""},
        setTempLocationStep(),
        clearTempLocationStep(),
    };
}

} // namespace

QString awaitingName(Awaiting awaiting)
{
    switch (awaiting) {
    case Awaiting::Nothing:
        return QStringLiteral("nothing");
    case Awaiting::Enter:
        return QStringLiteral("enter");
    case Awaiting::LoanActionInAlma:
        return QStringLiteral("loan_action_in_alma");
    case Awaiting::WithdrawConfirmation:
        return QStringLiteral("withdraw_confirmation");
    case Awaiting::Review:
        return QStringLiteral("review");
    case Awaiting::Choice:
        return QStringLiteral("choice");
    case Awaiting::BulkJob:
        return QStringLiteral("bulk_job");
    }
    return QStringLiteral("nothing");
}

const std::vector<StepKind> &stepCatalogue()
{
    static const std::vector<StepKind> catalogue = makeCatalogue();
    return catalogue;
}

const StepKind &stepKind(StepType type)
{
    const auto &catalogue = stepCatalogue();
    const auto index = static_cast<size_t>(type);
    Q_ASSERT(index < catalogue.size() && catalogue[index].type == type);
    return catalogue[index];
}

std::optional<StepType> stepKindByName(const QString &name)
{
    for (const StepKind &kind : stepCatalogue()) {
        if (name == QLatin1String(kind.name))
            return kind.type;
    }
    return std::nullopt;
}

const Step *gatingStep(const std::vector<Step> &steps)
{
    const Step *gate = nullptr;
    for (const Step &step : steps) {
        const Awaiting own = stepKind(step.type).gate;
        if (own != Awaiting::Nothing && (!gate || own > stepKind(gate->type).gate))
            gate = &step;
    }
    return gate;
}

Awaiting awaitingFor(const std::vector<Step> &steps, bool autoApply, bool staffAnswered)
{
    bool anyWork = false;
    for (const Step &step : steps)
        anyWork = anyWork || !stepKind(step.type).noOp;
    if (!anyWork)
        return Awaiting::Nothing;
    const Step *gate = gatingStep(steps);
    const Awaiting strongest = gate ? stepKind(gate->type).gate : Awaiting::Nothing;
    if (strongest > Awaiting::Enter)
        return strongest; // a choice, a review, a withdrawal or a guided step: staff act on it
    if (staffAnswered)
        return Awaiting::Nothing;
    bool allSafe = true;
    for (const Step &step : steps)
        allSafe = allSafe && stepKind(step.type).autoSafe && !step.confirmLoan;
    return autoApply && allSafe ? Awaiting::Nothing : Awaiting::Enter;
}

std::vector<StepType> staffPickableSteps()
{
    std::vector<const StepKind *> kinds;
    for (const StepKind &kind : stepCatalogue()) {
        if (kind.reviewPosition > 0)
            kinds.push_back(&kind);
    }
    std::sort(kinds.begin(), kinds.end(), [](const StepKind *a, const StepKind *b) {
        return a->reviewPosition < b->reviewPosition;
    });
    std::vector<StepType> out;
    for (const StepKind *kind : kinds)
        out.push_back(kind->type);
    return out;
}

} // namespace migdesk
