// RecordPresenter: wording of the card, the plan panel and the history row.
#include "RecordPresenter.h"

#include "ChoiceWords.h"
#include "desk/ScanRecord.h"
#include "desk/ShelfList.h"

#include <QCoreApplication>
#include <QLocale>

namespace migdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RecordPresenter", text);
}

QString almaState(const Item &item)
{
    QStringList parts;
    parts << (item.baseStatus.desc.isEmpty()
                  ? (item.isInPlace() ? tr("Item in place") : tr("Item not in place"))
                  : item.baseStatus.desc);
    parts << (item.processType.isEmpty() ? tr("no process") : item.processType.label());
    if (!item.physicalCondition.isEmpty())
        parts << tr("condition: %1").arg(item.physicalCondition.label());
    if (!item.workOrderType.isEmpty())
        parts << tr("work order: %1").arg(item.workOrderType.label());
    return parts.join(QStringLiteral(" · "));
}

QString noteFieldLabel(const QString &field)
{
    if (field == QLatin1String("internal_note_1"))
        return tr("Internal Note 1");
    if (field == QLatin1String("internal_note_2"))
        return tr("Internal Note 2");
    if (field == QLatin1String("internal_note_3"))
        return tr("Internal Note 3");
    return field;
}

QString ilsName(SourceIls source)
{
    switch (source) {
    case SourceIls::Voyager:
        return QStringLiteral("Voyager");
    case SourceIls::Sierra:
        return QStringLiteral("Sierra");
    case SourceIls::Koha:
        return QStringLiteral("Koha");
    case SourceIls::Symphony:
        return QStringLiteral("Symphony");
    case SourceIls::Auto:
        break;
    }
    return {};
}

// What the card says about the source ILS: the configured one, or the parser's guess (said to
// be a guess), or that the note did not tell.
QString sourceLabel(SourceIls configured, const NoteReading &reading)
{
    if (configured != SourceIls::Auto)
        return ilsName(configured);
    if (reading.source != SourceIls::Auto)
        return tr("%1 (guessed from the note)").arg(ilsName(reading.source));
    if (reading.statuses.empty() || reading.isUnknown())
        return {};
    return tr("not set; the note fits more than one ILS");
}

// Alma's short labels ("Book", "Regular loan") help staff; long ones would crowd the card.
QString itemKind(const Item &item)
{
    constexpr qsizetype kShort = 32;
    QStringList parts;
    for (const CodeValue *value : {&item.materialType, &item.policy}) {
        const QString label = value->label().trimmed();
        if (!label.isEmpty() && label.size() <= kShort)
            parts << label;
    }
    return parts.join(QStringLiteral(" · "));
}

QString statusLabels(const QStringList &ids)
{
    QStringList labels;
    for (const QString &id : ids)
        labels << legacyStatusLabel(id);
    return labels.join(QStringLiteral(", "));
}

// Alma dates ("2020-05-17T22:59:00Z", "2020-12-02Z") as a plain local date.
QString almaDate(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    if (when.isValid())
        return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
    QString date = text;
    if (date.endsWith(QLatin1Char('Z')))
        date.chop(1);
    return date;
}

// The active loan as staff read it on the card: who has it, until when, and whether Alma has
// it declared Lost or Claimed Returned.
QString loanLine(const Loan &loan)
{
    QString line =
        tr("On loan to patron %1 · due %2")
            .arg(loan.userId.isEmpty() ? tr("(no id)") : loan.userId, almaDate(loan.dueDate));
    if (loan.processStatus == QLatin1String("LOST"))
        line += tr(" · declared Lost");
    else if (loan.processStatus == QLatin1String("CLAIMED_RETURN"))
        line += tr(" · Claimed Returned");
    return line;
}

QString policyLabel(const QString &policy)
{
    if (policy == QLatin1String("delete"))
        return tr("delete when no other item is left");
    if (policy == QLatin1String("suppress"))
        return tr("suppress from discovery");
    return tr("keep");
}

// Alma's additional_info is long ("Item's destination is: Reshelve to Stacks. Request/Process
// Type: . Requester: . ..."): keep the destination sentence, which is what staff need.
QString shortAlmaSentence(const QString &sentence)
{
    const QString marker = QStringLiteral("Item's destination is:");
    const qsizetype at = sentence.indexOf(marker, 0, Qt::CaseInsensitive);
    if (at < 0)
        return sentence.trimmed();
    const qsizetype end = sentence.indexOf(QStringLiteral(". "), at);
    return sentence.mid(at, end < 0 ? -1 : end - at + 1).trimmed();
}

QString destinationOf(const QString &sentence)
{
    const QString marker = QStringLiteral("Item's destination is:");
    const QString shortened = shortAlmaSentence(sentence);
    if (!shortened.startsWith(marker, Qt::CaseInsensitive))
        return {};
    QString destination = shortened.mid(marker.size()).trimmed();
    if (destination.endsWith(QLatin1Char('.')))
        destination.chop(1);
    return destination;
}

// "Done: Alma now shows ..." under a DONE banner says "done" twice: drop the leading word.
QString withoutLeadingWord(const QString &message)
{
    const qsizetype colon = message.indexOf(QLatin1Char(':'));
    if (colon > 0 && colon <= 12 && !message.left(colon).contains(QLatin1Char(' ')))
        return message.mid(colon + 1).trimmed();
    return message;
}

// Alma deleted the item: its last state is history, not what Alma shows now.
bool withdrawnFromAlma(const ScanRecord &record)
{
    if (!record.hasResult || record.stage != ScanStage::Finished)
        return false;
    return std::any_of(record.result.steps.begin(), record.result.steps.end(),
                       [](const StepResult &step) {
                           return step.type == StepType::Withdraw && step.outcome == Outcome::Done;
                       });
}

const Step *stepOfType(const Plan &plan, std::initializer_list<StepType> types)
{
    for (const Step &step : plan.steps) {
        for (StepType type : types) {
            if (step.type == type)
                return &step;
        }
        for (const Choice &choice : step.choices) {
            for (const Step &inner : choice.steps) {
                for (StepType type : types) {
                    if (inner.type == type)
                        return &inner;
                }
            }
        }
    }
    return nullptr;
}

const Step *openDecision(const ScanRecord &record)
{
    if (record.stage != ScanStage::Planned || record.chosenIndex >= 0)
        return nullptr;
    for (const Step &step : record.plan.steps) {
        if (!step.choices.empty())
            return &step;
    }
    return nullptr;
}

bool hasTopLevel(const Plan &plan, StepType type)
{
    return std::any_of(plan.steps.begin(), plan.steps.end(),
                       [type](const Step &step) { return step.type == type; });
}

QStringList actionLabels(const ScanRecord &record)
{
    QStringList labels;
    for (const Step &step : record.plan.steps) {
        if (!step.choices.empty() && record.chosenIndex >= 0 &&
            record.chosenIndex < static_cast<int>(step.choices.size())) {
            labels << step.choices.at(static_cast<size_t>(record.chosenIndex)).label;
            continue;
        }
        if (step.type == StepType::Nothing)
            continue;
        labels << (step.label.isEmpty() ? stepTypeLabel(step.type) : step.label);
    }
    return labels;
}

QString shortAction(const ScanRecord &record)
{
    QStringList labels;
    for (const Step &step : record.plan.steps) {
        if (!step.choices.empty() && record.chosenIndex >= 0 &&
            record.chosenIndex < static_cast<int>(step.choices.size()))
            labels << step.choices.at(static_cast<size_t>(record.chosenIndex)).label;
        else if (step.type != StepType::Nothing)
            labels << stepTypeLabel(step.type);
    }
    return labels.join(QStringLiteral(" + "));
}
} // namespace

int openChoiceCount(const ScanRecord &record)
{
    const Step *decision = openDecision(record);
    return decision ? static_cast<int>(decision->choices.size()) : 0;
}

bool awaitsConfirm(const ScanRecord &record)
{
    // The other waits have their own keys (Alt+1.., Alt+W, Alt+D): the record says which.
    return record.stage == ScanStage::Planned && record.awaiting == Awaiting::Enter &&
           !record.dryRun;
}

CardView cardView(const ScanRecord &record, SourceIls configured)
{
    CardView card;
    card.empty = false;
    card.barcode = record.barcode;
    card.dryRun = record.dryRun;
    card.repeatFlagged = record.repeatFlagged;
    card.hasOutcome = true;
    card.outcome = record.outcome;
    if (record.hasItem) {
        const Item &item = record.item;
        card.title = item.title;
        card.author = item.author;
        card.callNumber = item.callNumber;
        card.place = item.location.isEmpty()
                         ? item.library.label()
                         : tr("%1 › %2").arg(item.library.label(), item.location.label());
        // Where Alma says the item is now: a temporary location set by the fix shows at once.
        const Item &now = record.hasResult && record.result.hasAfter ? record.result.after : item;
        if (now.inTempLocation && !now.tempLocation.isEmpty())
            card.tempPlace =
                now.tempLibrary.isEmpty()
                    ? now.tempLocation.label()
                    : tr("%1 › %2").arg(now.tempLibrary.label(), now.tempLocation.label());
        card.kind = itemKind(item);
        if (!record.activeLoans.empty())
            card.loan = loanLine(record.activeLoans.front());
        if (withdrawnFromAlma(record)) {
            card.almaNow = tr("Withdrawn — deleted from Alma");
            card.almaWas = almaState(item);
        } else if (record.hasResult && record.result.hasAfter) {
            card.almaNow = almaState(record.result.after);
            card.almaWas = almaState(item);
        } else {
            card.almaNow = almaState(item);
        }
        const std::pair<QString, QString> notes[] = {
            {QStringLiteral("internal_note_1"), item.internalNote1},
            {QStringLiteral("internal_note_2"), item.internalNote2},
            {QStringLiteral("internal_note_3"), item.internalNote3}};
        const bool anyMatch = !record.reading.statuses.empty();
        for (const auto &[field, text] : notes) {
            NoteView note{noteFieldLabel(field), text, {}};
            for (const StatusMatch &match : record.reading.statuses) {
                if (match.noteField == field && match.id != unknownStatusId())
                    note.highlights.emplace_back(match.start, match.length);
            }
            const bool matched = std::any_of(
                record.reading.statuses.begin(), record.reading.statuses.end(),
                [&field](const StatusMatch &match) { return match.noteField == field; });
            if (!text.isEmpty() && (matched || !anyMatch))
                card.notes.push_back(std::move(note));
        }
        card.sourceIls = sourceLabel(configured, record.reading);
        card.legacyStatuses = statusLabels(record.reading.ids());
    }
    switch (record.stage) {
    case ScanStage::Queued:
        card.outcome = Outcome::Pending;
        card.headline = tr("waiting to look up %1").arg(record.barcode);
        break;
    case ScanStage::LookingUp:
        card.outcome = Outcome::Pending;
        card.headline = tr("looking up %1 in Alma").arg(record.barcode);
        break;
    case ScanStage::Applying:
        card.outcome = Outcome::Pending;
        card.headline = tr("writing to Alma");
        break;
    case ScanStage::Verifying:
        card.outcome = Outcome::Pending;
        card.headline = tr("checking what Alma shows now");
        break;
    case ScanStage::Planned: {
        card.outcome = record.dryRun ? Outcome::DryRun : Outcome::NeedsStaff;
        const PlanView plan = planView(record);
        switch (plan.mode) {
        case PlanMode::Decide:
            card.headline =
                tr("choose what to do (%1)").arg(choiceNumbers(openChoiceCount(record)));
            break;
        case PlanMode::Withdraw:
            card.headline = tr("confirm the withdrawal");
            break;
        case PlanMode::Guide:
            card.headline = tr("declare it in Alma, then check now");
            break;
        case PlanMode::Confirm:
            card.headline = tr("press Enter to apply");
            break;
        default:
            card.headline = tr("review the note");
            break;
        }
        break;
    }
    case ScanStage::Finished: {
        const QString destination =
            record.hasResult ? destinationOf(record.result.almaSentence) : QString();
        if (!destination.isEmpty() &&
            (record.outcome == Outcome::Done || record.outcome == Outcome::TransitOrHold)) {
            card.headline = tr("%1 → %2").arg(shortAction(record), destination);
        } else {
            card.headline = withoutLeadingWord(record.message);
            if (card.headline.isEmpty() && record.hasResult)
                card.headline = withoutLeadingWord(record.result.message);
        }
        break;
    }
    }
    return card;
}

PlanView planView(const ScanRecord &record)
{
    PlanView view;
    const QString statuses = statusLabels(record.reading.ids());
    if (!statuses.isEmpty())
        view.statusLine = tr("Old status: %1").arg(statuses);
    view.explanation = record.plan.explanation;
    view.steps = actionLabels(record);
    if (record.hasResult)
        view.almaSentence = shortAlmaSentence(record.result.almaSentence);
    view.message = record.message;

    switch (record.stage) {
    case ScanStage::Queued:
    case ScanStage::LookingUp:
    case ScanStage::Applying:
    case ScanStage::Verifying:
        view.mode = PlanMode::Busy;
        return view;
    case ScanStage::Finished:
        view.mode = PlanMode::Finished;
        view.canRetry = record.outcome == Outcome::Error || record.outcome == Outcome::Pending;
        // Staff read each thing once: drop a message that repeats Alma's sentence (shown on
        // its own line) or the other message.
        {
            QStringList lines;
            const QString alma =
                record.hasResult ? shortAlmaSentence(record.result.almaSentence) : QString();
            for (const QString &line :
                 {record.message, record.hasResult ? record.result.message : QString()}) {
                const bool said =
                    std::any_of(lines.begin(), lines.end(),
                                [&line](const QString &l) { return l.contains(line); });
                if (line.isEmpty() || said || line == view.explanation ||
                    (!alma.isEmpty() && line.contains(alma)))
                    continue;
                lines << line;
            }
            view.message = lines.join(QLatin1Char('\n'));
        }
        return view;
    case ScanStage::Planned:
        break;
    }

    view.canSkip = true;
    if (const Step *decision = openDecision(record)) {
        view.mode = PlanMode::Decide;
        for (const Choice &choice : decision->choices)
            view.choices << choice.label;
        view.defaultChoice = decision->defaultChoice;
        view.message.clear(); // the buttons say it
        return view;
    }
    const Step *withdraw = stepOfType(record.plan, {StepType::Withdraw});
    if ((record.awaiting == Awaiting::WithdrawConfirmation) ||
        (withdraw && hasTopLevel(record.plan, StepType::Withdraw))) {
        view.mode = PlanMode::Withdraw;
        const Item &item = record.item;
        view.withdrawItem = item.title.isEmpty()
                                ? tr("barcode %1").arg(record.barcode)
                                : tr("“%1” (barcode %2)").arg(item.title, record.barcode);
        const QString holdings = withdraw ? withdraw->holdingsPolicy : QString();
        const QString bib = withdraw ? withdraw->bibPolicy : QString();
        view.withdrawPolicy = tr("Holdings record: %1 · Bibliographic record: %2")
                                  .arg(policyLabel(holdings), policyLabel(bib));
        view.message.clear(); // the confirmation says it
        return view;
    }
    const Step *guide =
        stepOfType(record.plan, {StepType::GuideLost, StepType::GuideClaimedReturned});
    if (guide) {
        view.mode = PlanMode::Guide;
        const bool lost = guide->type == StepType::GuideLost;
        if (!record.activeLoans.empty()) {
            const Loan &loan = record.activeLoans.front();
            view.loanLines
                << tr("Patron: %1").arg(loan.userId)
                << tr("Loaned: %1 · Due: %2").arg(almaDate(loan.loanDate), almaDate(loan.dueDate))
                << tr("Desk: %1").arg(loan.circDesk.label());
        } else {
            view.loanLines << tr("No active loan was found for this item.");
        }
        const QString patron =
            record.activeLoans.empty() ? tr("the patron") : record.activeLoans.front().userId;
        view.almaSteps << tr("Fulfillment > Patron Services: find patron %1").arg(patron)
                       << tr("Loans tab: the row with barcode %1").arg(record.barcode)
                       << (lost ? tr("Row actions (…) > Lost")
                                : tr("Row actions (…) > Claimed Return"))
                       << tr("Come back here and press “Done in Alma — check now”");
        view.message.clear(); // the steps say it
        return view;
    }
    if (awaitsConfirm(record)) {
        view.mode = PlanMode::Confirm;
        return view;
    }
    view.mode = PlanMode::Review;
    view.canRetry = false;
    view.message += (view.message.isEmpty() ? QString() : QStringLiteral("\n")) +
                    tr("If you fix it in Alma by hand instead, skip it here (Esc).");
    return view;
}

HistoryRow historyRow(const ScanRecord &record)
{
    HistoryRow row;
    row.id = record.id;
    row.at = record.at;
    row.barcode = record.barcode;
    row.operatorName = record.operatorName;
    row.intentId = record.intentId;
    row.title = record.hasItem ? record.item.title : QString();
    row.legacyStatus = statusLabels(record.reading.ids());
    row.action = shortAction(record);
    row.finished = record.stage == ScanStage::Finished || record.stage == ScanStage::Planned;
    row.outcome = record.stage == ScanStage::Planned
                      ? (record.dryRun ? Outcome::DryRun : Outcome::NeedsStaff)
                      : record.outcome;
    row.message = record.message;
    if (record.hasResult) {
        row.almaSentence = shortAlmaSentence(record.result.almaSentence);
        row.before = almaState(record.result.before);
        if (withdrawnFromAlma(record))
            row.after = tr("Withdrawn — deleted from Alma");
        else if (record.result.hasAfter)
            row.after = almaState(record.result.after);
    } else if (record.hasItem) {
        row.before = almaState(record.item);
    }
    return row;
}

std::vector<ShelfRow> shelfRows(const ShelfList &list)
{
    std::vector<ShelfRow> rows;
    rows.reserve(list.entries().size());
    for (const ShelfListEntry &entry : list.entries()) {
        rows.push_back({entry.library.label(), entry.location.label(), entry.callNumber,
                        entry.barcode, entry.title, entry.found});
    }
    return rows;
}

} // namespace migdesk
