// The resolution stamp (see Stamp.h).
#include "planning/Stamp.h"

#include "legacy/LegacyStatus.h"
#include "legacy/NoteParser.h"
#include "planning/StepCatalogue.h"

#include <QCoreApplication>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::Stamp", text);
}

nlohmann::json *itemData(Item &item)
{
    if (!item.raw.is_object())
        item.raw = nlohmann::json::object();
    auto &data = item.raw["item_data"];
    if (!data.is_object())
        data = nlohmann::json::object();
    return &data;
}

} // namespace

QStringList stampNoteFields()
{
    return {QStringLiteral("internal_note_2"), QStringLiteral("statistics_note_1"),
            QStringLiteral("statistics_note_2"), QStringLiteral("statistics_note_3"),
            QStringLiteral("fulfillment_note")};
}

bool stampFieldIsSeenAtTheDesk(const QString &field)
{
    return field == QLatin1String("fulfillment_note");
}

QString defaultStampTemplate()
{
    return QStringLiteral("{status} → {actions}");
}

QString stampLine(const QString &templ, const QDate &date, const QString &operatorName,
                  const QString &status, const QString &actions)
{
    QString body = templ.trimmed().isEmpty() ? defaultStampTemplate() : templ.trimmed();
    if (status.trimmed().isEmpty())
        body.replace(QStringLiteral("{status} → "), QString()); // no dangling arrow
    body.replace(QStringLiteral("{date}"), date.toString(Qt::ISODate))
        .replace(QStringLiteral("{operator}"), operatorName)
        .replace(QStringLiteral("{status}"), status)
        .replace(QStringLiteral("{actions}"), actions);
    body.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QString who = operatorName.trimmed().isEmpty() ? tr("unnamed") : operatorName.trimmed();
    return QStringLiteral("%1 %2 %3: %4")
        .arg(QLatin1String(kMigDeskStampPrefix), date.toString(Qt::ISODate), who, body);
}

std::optional<Step> stampStep(const std::vector<Step> &steps, const StampSettings &settings,
                              const QDate &date)
{
    if (settings.field.isEmpty() || !stampNoteFields().contains(settings.field))
        return std::nullopt;
    QStringList statuses;
    QStringList actions;
    bool writes = false;
    for (const Step &step : steps) {
        const StepKind &kind = stepKind(step.type);
        if (kind.write == WriteKind::None || step.type == StepType::StampNote)
            continue;
        writes = true;
        if (!step.statusId.isEmpty() && !statuses.contains(legacyStatusLabel(step.statusId)))
            statuses << legacyStatusLabel(step.statusId);
        QString action = stepTypeLabel(step.type);
        if (step.type == StepType::SetCondition && !step.conditionCode.isEmpty())
            action += QLatin1Char(' ') + step.conditionCode;
        actions << action;
    }
    if (!writes)
        return std::nullopt;
    Step stamp;
    stamp.type = StepType::StampNote;
    stamp.label = stepTypeLabel(StepType::StampNote);
    stamp.noteField = settings.field;
    stamp.noteText =
        stampLine(settings.templ, date, settings.operatorName, statuses.join(QStringLiteral(", ")),
                  actions.join(QStringLiteral(", ")));
    return stamp;
}

QString noteField(const Item &item, const QString &field)
{
    if (field == QLatin1String("internal_note_2"))
        return item.internalNote2;
    if (field == QLatin1String("fulfillment_note"))
        return item.fulfillmentNote;
    if (!item.raw.is_object() || !item.raw.contains("item_data"))
        return {};
    const auto &data = item.raw["item_data"];
    const std::string key = field.toStdString();
    if (!data.is_object() || !data.contains(key) || !data[key].is_string())
        return {};
    return QString::fromStdString(data[key].get<std::string>());
}

void setNoteField(Item &item, const QString &field, const QString &text)
{
    if (field == QLatin1String("internal_note_2"))
        item.internalNote2 = text;
    else if (field == QLatin1String("fulfillment_note"))
        item.fulfillmentNote = text;
    else
        (*itemData(item))[field.toStdString()] = text.toStdString();
}

QString appendLine(const QString &note, const QString &line)
{
    if (note.trimmed().isEmpty())
        return line;
    return note + QLatin1Char('\n') + line;
}

} // namespace migdesk
