// Plan texts (see PlanText.h). Whole sentences go to the translator, with %1 arguments.
#include "planning/PlanText.h"

#include <QCoreApplication>

#include <algorithm>

namespace migdesk::plantext {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Planner", text);
}

QString statusList(const NoteReading &reading)
{
    QStringList labels;
    for (const auto &match : reading.statuses)
        labels.append(legacyStatusLabel(match.id));
    if (labels.size() <= 1)
        return labels.value(0);
    const QString last = labels.takeLast();
    return tr("%1 and %2").arg(labels.join(QStringLiteral(", ")), last);
}

QString tempPlace(const TempLocationTarget &target)
{
    return QStringLiteral("%1 › %2").arg(target.library, target.location);
}

// Every word the note matched, each status once, by note field: Internal Note 1: "Missing",
// "Damaged"; Internal Note 2: "Lost".
QString quotedMatches(const NoteReading &reading)
{
    QStringList parts;
    QString field;
    for (const auto &match : reading.statuses) {
        if (match.id == unknownStatusId())
            continue;
        const QString quoted = tr("\"%1\"").arg(match.matchedText.simplified());
        if (!parts.isEmpty() && match.noteField == field) {
            parts.last() += QStringLiteral(", ") + quoted;
            continue;
        }
        field = match.noteField;
        parts << tr("%1: %2").arg(noteFieldLabel(field), quoted);
    }
    return parts.join(QStringLiteral("; "));
}

// The step that says what finally happens: the last non-condition step.
const Step *mainStep(const Plan &plan)
{
    const Step *main = nullptr;
    for (const auto &step : plan.steps) {
        if (step.type == StepType::SetCondition)
            continue;
        if (!main || step.type != StepType::Return || main->type == StepType::Return)
            main = main &&
                           (main->type == StepType::SetFulfillmentNote ||
                            main->type == StepType::SetTempLocation) &&
                           step.type == StepType::Return
                       ? main
                       : &step;
    }
    return main;
}

QString outcome(const Plan &plan, const Step *main, const PlanContext &context)
{
    QString condition;
    for (const auto &step : plan.steps) {
        if (step.type == StepType::SetCondition)
            condition = step.conditionCode;
    }
    if (!main)
        return tr("its physical condition becomes %1 and it otherwise stays as it is in Alma")
            .arg(condition);
    switch (main->type) {
    case StepType::Return:
        if (!condition.isEmpty())
            return tr("its physical condition becomes %1, then it is returned at the desk and "
                      "Alma shows it in place, in transit home or on the hold shelf")
                .arg(condition);
        if (context.mode == WorkMode::Desk)
            return tr("the item is in hand, so it is returned at the desk and Alma shows it in "
                      "place, in transit home or on the hold shelf if it is requested");
        return tr("it is returned at the desk and Alma shows it in place, in transit home or on "
                  "the hold shelf");
    case StepType::WorkOrder:
        return tr("it is scanned in to work order %1 at %2 and Alma shows it in that work order")
            .arg(main->workOrderType, main->department);
    case StepType::SetFulfillmentNote:
        return tr("no work order is configured, so a fulfillment note names the review, it is "
                  "returned and Alma shows it in place with the note");
    case StepType::SetTempLocation: {
        const bool returns = std::any_of(plan.steps.begin(), plan.steps.end(),
                                         [](const Step &s) { return s.type == StepType::Return; });
        const QString place = tempPlace(main->tempLocation);
        return returns ? tr("it goes to the temporary location %1 until the review is done, is "
                            "returned, and Alma shows it in place there")
                             .arg(place)
                       : tr("it goes to the temporary location %1 until the review is done, and "
                            "Alma keeps it in Technical - Migration")
                             .arg(place);
    }
    case StepType::ClearTempLocation:
        return tr("its temporary location is cleared and Alma shows it in its permanent "
                  "location");
    case StepType::MarkMissing:
        return main->missingStrategy == QLatin1String("put")
                   ? tr("it is marked Missing directly and Alma then shows it as Missing")
                   : tr("it is marked Missing through the Change Physical Items job and Alma "
                        "then shows it as Missing");
    case StepType::AddToShelfList:
        return tr("it goes on the shelf-search list and Alma keeps it in Technical - Migration "
                  "until it is found (Return) or not (Mark Missing)");
    case StepType::GuideLost:
        return tr("it has an active loan, so staff declare the loan Lost in Alma's Patron "
                  "Services, after which Alma shows it as Lost");
    case StepType::GuideClaimedReturned:
        return tr("it has an active loan, so staff mark the loan Claimed Returned in Alma's "
                  "Patron Services, after which Alma shows it as Claimed Returned");
    case StepType::Withdraw:
        return tr("it is withdrawn once staff confirm, and Alma no longer lists the item");
    case StepType::Decide: {
        QStringList labels;
        for (const auto &choice : main->choices)
            labels.append(choice.label);
        const QString fallback =
            main->choices.empty() ? QString()
                                  : main->choices
                                        .at(std::size_t(std::clamp(main->defaultChoice, 0,
                                                                   int(main->choices.size()) - 1)))
                                        .label;
        return tr("staff choose between %1 (suggested: %2) and Alma shows the result of that "
                  "choice")
            .arg(labels.join(QStringLiteral(" / ")), fallback);
    }
    case StepType::NeedsReview:
        return tr("MigDesk does not guess, so staff review it and Alma keeps it in Technical - "
                  "Migration until they act");
    case StepType::Defer:
        return tr("nothing changes now; it is listed to handle when the item is in hand and Alma "
                  "keeps it in Technical - Migration");
    case StepType::SetCondition:
    case StepType::StampNote: // added by the Executor after the fix; never the main step
    case StepType::Nothing:
        break;
    }
    return tr("nothing changes in Alma");
}

} // namespace

QString noteFieldLabel(const QString &noteField)
{
    if (noteField == QLatin1String("internal_note_1"))
        return tr("Internal Note 1");
    if (noteField == QLatin1String("internal_note_2"))
        return tr("Internal Note 2");
    if (noteField == QLatin1String("internal_note_3"))
        return tr("Internal Note 3");
    return noteField;
}

QString defaultFulfillmentNote(const QString &statusId)
{
    return tr("Migration: %1 - please review").arg(legacyStatusLabel(statusId));
}

QString stepLabel(const Step &step)
{
    switch (step.type) {
    case StepType::SetCondition:
        return tr("Set physical condition to %1").arg(step.conditionCode);
    case StepType::Return:
        return tr("Return at the desk");
    case StepType::WorkOrder:
        return tr("Scan in to work order %1 at %2").arg(step.workOrderType, step.department);
    case StepType::SetFulfillmentNote:
        return tr("Set fulfillment note \"%1\"").arg(step.fulfillmentNote);
    case StepType::MarkMissing:
        return tr("Mark Missing");
    case StepType::Withdraw:
        return tr("Withdraw (after confirmation)");
    case StepType::NeedsReview:
        return tr("Review the note and choose an action");
    case StepType::SetTempLocation:
        return tr("Move to the temporary location %1").arg(tempPlace(step.tempLocation));
    case StepType::ClearTempLocation:
        return tr("Clear the temporary location (back from review)");
    default:
        return stepTypeLabel(step.type);
    }
}

QString choiceLabel(const Choice &choice)
{
    if (choice.key == QLatin1String("return"))
        return tr("Return to the collection");
    if (choice.key == QLatin1String("withdraw"))
        return tr("Withdraw");
    if (choice.key == QLatin1String("missing"))
        return tr("Mark Missing");
    if (choice.key == QLatin1String("workorder"))
        return tr("Still needs it: keep in the work order");
    if (choice.steps.size() == 1)
        return choice.steps.front().label;
    return choice.key;
}

QString notMigrationExplanation(const Item &item)
{
    if (item.processType.isEmpty())
        return item.isInPlace()
                   ? tr("Not a migration item: Alma shows it in place, so nothing is changed.")
                   : tr("Not a migration item: Alma shows it not in place without a process "
                        "type, so nothing is changed.");
    return tr("Not a migration item: Alma shows it as %1, so nothing is changed unless staff "
              "choose an action.")
        .arg(item.processType.label());
}

QString backFromReviewExplanation(const Item &item)
{
    return tr("Back from review: Alma shows it in the temporary location %1 › %2, where the "
              "rules park review items. Clear it and Alma shows the item in its permanent "
              "location %3 again.")
        .arg(item.tempLibrary.value, item.tempLocation.value, item.location.label());
}

QString noNoteExplanation(SourceIls source)
{
    return tr("In Technical - Migration, but %1 carries no legacy status: staff review it and "
              "Alma keeps it in Technical - Migration until they act.")
        .arg(noteFieldLabel(statusNoteField(source)));
}

QString explanation(const Plan &plan, const NoteReading &reading, const StatusMatch *deciding,
                    const PlanContext &context)
{
    const StatusMatch &evidence = deciding ? *deciding : reading.statuses.front();
    const QString text = outcome(plan, mainStep(plan), context);
    if (evidence.id == unknownStatusId())
        return tr("%1 says \"%2\", which names no known legacy status: %3.")
            .arg(noteFieldLabel(evidence.noteField), evidence.matchedText.simplified(), text);
    return tr("Legacy status %1 (%2): %3.").arg(statusList(reading), quotedMatches(reading), text);
}

} // namespace migdesk::plantext
