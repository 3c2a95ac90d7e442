// Source ILS names, status labels and NoteReading helpers (see LegacyStatus.h).
#include "legacy/LegacyStatus.h"

#include "legacy/StatusCatalogue.h"

#include <QCoreApplication>

namespace migdesk {

QString sourceIlsName(SourceIls source)
{
    switch (source) {
    case SourceIls::Voyager:
        return QStringLiteral("voyager");
    case SourceIls::Sierra:
        return QStringLiteral("sierra");
    case SourceIls::Koha:
        return QStringLiteral("koha");
    case SourceIls::Symphony:
        return QStringLiteral("symphony");
    case SourceIls::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<SourceIls> sourceIlsFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    for (SourceIls source : {SourceIls::Auto, SourceIls::Voyager, SourceIls::Sierra,
                             SourceIls::Koha, SourceIls::Symphony}) {
        if (key == sourceIlsName(source))
            return source;
    }
    return std::nullopt;
}

QString statusNoteField(SourceIls source)
{
    return source == SourceIls::Voyager ? QStringLiteral("internal_note_3")
                                        : QStringLiteral("internal_note_1");
}

QString legacyStatusLabel(const QString &id)
{
    if (id == unknownStatusId())
        return QCoreApplication::translate("LegacyStatus", "Unknown");
    if (const auto *entry = legacy::findStatus(id))
        return QCoreApplication::translate("LegacyStatus", entry->label);
    return id;
}

QStringList allLegacyStatusIds()
{
    QStringList ids;
    for (const auto &entry : legacy::statusCatalogue())
        ids.append(QLatin1String(entry.id));
    ids.append(unknownStatusId());
    return ids;
}

bool isLegacyStatusId(const QString &id)
{
    return id == unknownStatusId() || legacy::findStatus(id) != nullptr;
}

bool NoteReading::isUnknown() const
{
    return statuses.size() == 1 && statuses.front().id == unknownStatusId();
}

bool NoteReading::isEmpty() const
{
    return statuses.empty();
}

QStringList NoteReading::ids() const
{
    QStringList result;
    result.reserve(qsizetype(statuses.size()));
    for (const auto &match : statuses)
        result.append(match.id);
    return result;
}

bool NoteReading::has(const QString &id) const
{
    for (const auto &match : statuses) {
        if (match.id == id)
            return true;
    }
    return false;
}

} // namespace migdesk
