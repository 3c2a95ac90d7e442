// JournalReport: see the header.
#include "journal/JournalReport.h"

#include "util/Csv.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::JournalReport", text);
}

QString shown(const CodeValue &value)
{
    return value.label();
}

bool isItemIntent(const JournalIntent &intent)
{
    return !intent.barcode.isEmpty();
}

constexpr double kMinimumHours = 1.0 / 60.0;

} // namespace

std::vector<FieldDiff> changedFields(const Item &before, const Item &after)
{
    const std::vector<FieldDiff> all = {
        {QStringLiteral("process_type"), shown(before.processType), shown(after.processType)},
        {QStringLiteral("base_status"), shown(before.baseStatus), shown(after.baseStatus)},
        {QStringLiteral("physical_condition"), shown(before.physicalCondition),
         shown(after.physicalCondition)},
        {QStringLiteral("fulfillment_note"), before.fulfillmentNote, after.fulfillmentNote},
        {QStringLiteral("public_note"), before.publicNote, after.publicNote},
        {QStringLiteral("internal_note_1"), before.internalNote1, after.internalNote1},
        {QStringLiteral("internal_note_2"), before.internalNote2, after.internalNote2},
        {QStringLiteral("internal_note_3"), before.internalNote3, after.internalNote3},
        {QStringLiteral("library"), shown(before.library), shown(after.library)},
        {QStringLiteral("location"), shown(before.location), shown(after.location)},
    };
    std::vector<FieldDiff> changed;
    for (const FieldDiff &diff : all) {
        if (diff.before != diff.after)
            changed.push_back(diff);
    }
    return changed;
}

std::vector<FieldDiff> intentChanges(const JournalIntent &intent)
{
    const JournalWrite *first = nullptr;
    const JournalWrite *last = nullptr;
    for (const JournalWrite &write : intent.writes) {
        if (write.beforeJson.isEmpty() || write.status == QLatin1String("failed"))
            continue;
        if (!first)
            first = &write;
        if (!write.afterJson.isEmpty())
            last = &write;
    }
    if (!first || !last)
        return {};
    const auto before = parseItem(first->beforeJson);
    const auto after = parseItem(last->afterJson);
    if (!before || !after)
        return {};
    return changedFields(before.value(), after.value());
}

QString describeChanges(const std::vector<FieldDiff> &changes)
{
    QStringList parts;
    for (const FieldDiff &diff : changes) {
        parts << tr("%1: %2 → %3")
                     .arg(diff.field, diff.before.isEmpty() ? tr("(empty)") : diff.before,
                          diff.after.isEmpty() ? tr("(empty)") : diff.after);
    }
    return parts.join(QStringLiteral("; "));
}

QString plannedSteps(const JournalIntent &intent)
{
    const auto plan = nlohmann::json::parse(intent.planJson.toStdString(), nullptr, false);
    if (!plan.is_object() || !plan.contains("steps") || !plan["steps"].is_array())
        return {};
    QStringList types;
    for (const auto &step : plan["steps"]) {
        if (step.is_object() && step.contains("type") && step["type"].is_string())
            types << QString::fromStdString(step["type"].get<std::string>());
    }
    return types.join(QLatin1Char(' '));
}

QString journalExportCsv(const std::vector<JournalIntent> &intents)
{
    constexpr auto formulas = csv::Formulas::DefuseAll;
    QString out = csv::formatRow(
        {QStringLiteral("intent"), QStringLiteral("time"), QStringLiteral("operator"),
         QStringLiteral("barcode"), QStringLiteral("title"), QStringLiteral("source"),
         QStringLiteral("legacy_status"), QStringLiteral("steps"), QStringLiteral("outcome"),
         QStringLiteral("message"), QStringLiteral("writes"), QStringLiteral("changes")},
        QLatin1Char(','), formulas);
    for (const JournalIntent &intent : intents) {
        if (!isItemIntent(intent))
            continue;
        QStringList writes;
        for (const JournalWrite &write : intent.writes)
            writes << QStringLiteral("%1 %2%3").arg(
                write.kind, write.status, write.undoOf ? QStringLiteral(" (undo)") : QString());
        out += csv::formatRow(
            {QString::number(intent.id), intent.createdAt.toString(Qt::ISODate),
             intent.operatorName, intent.barcode, intent.title, intent.source,
             intent.statusIds.join(QLatin1Char(' ')), plannedSteps(intent),
             intent.outcome ? outcomeName(*intent.outcome) : QStringLiteral("unfinished"),
             intent.message, writes.join(QStringLiteral("; ")),
             describeChanges(intentChanges(intent))},
            QLatin1Char(','), formulas);
    }
    return out;
}

std::vector<OperatorDay> operatorDays(const std::vector<JournalIntent> &intents)
{
    struct Span {
        OperatorDay day;
        QDateTime first;
        QDateTime last;
    };
    std::map<std::pair<QDate, QString>, Span> groups;
    for (const JournalIntent &intent : intents) {
        if (!isItemIntent(intent) || intent.isUnfinished() || !intent.createdAt.isValid())
            continue;
        const QDate date = intent.createdAt.toLocalTime().date();
        Span &span = groups[{date, intent.operatorName}];
        span.day.operatorName = intent.operatorName;
        span.day.day = date;
        ++span.day.items;
        switch (*intent.outcome) {
        case Outcome::Done:
        case Outcome::TransitOrHold:
            ++span.day.done;
            break;
        case Outcome::NeedsStaff:
            ++span.day.needsStaff;
            break;
        case Outcome::Error:
        case Outcome::NotFound:
            ++span.day.errors;
            break;
        default:
            break;
        }
        const QDateTime end = intent.finishedAt.isValid() ? intent.finishedAt : intent.createdAt;
        if (!span.first.isValid() || intent.createdAt < span.first)
            span.first = intent.createdAt;
        if (!span.last.isValid() || end > span.last)
            span.last = end;
    }
    std::vector<OperatorDay> days;
    for (auto &[key, span] : groups) {
        span.day.hours = std::max(span.first.secsTo(span.last) / 3600.0, kMinimumHours);
        days.push_back(span.day);
    }
    return days;
}

QString operatorDaysCsv(const std::vector<OperatorDay> &days)
{
    constexpr auto formulas = csv::Formulas::DefuseAll;
    QString out =
        csv::formatRow({QStringLiteral("operator"), QStringLiteral("day"), QStringLiteral("items"),
                        QStringLiteral("done"), QStringLiteral("needs_staff"),
                        QStringLiteral("errors"), QStringLiteral("items_per_hour")},
                       QLatin1Char(','), formulas);
    for (const OperatorDay &day : days) {
        out += csv::formatRow({day.operatorName, day.day.toString(Qt::ISODate),
                               QString::number(day.items), QString::number(day.done),
                               QString::number(day.needsStaff), QString::number(day.errors),
                               QString::number(day.itemsPerHour(), 'f', 1)},
                              QLatin1Char(','), formulas);
    }
    return out;
}

} // namespace migdesk
