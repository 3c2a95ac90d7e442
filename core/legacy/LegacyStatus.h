// The legacy status catalogue: source ILS names, canonical status ids of DOMAIN.md, their
// human labels, and the result of reading a migrated note (NoteReading).
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace migdesk {

enum class SourceIls { Auto, Voyager, Sierra, Koha, Symphony };

// "auto", "voyager", "sierra", "koha", "symphony"
QString sourceIlsName(SourceIls source);
// Case-insensitive; surrounding spaces ignored. std::nullopt for an unknown name.
std::optional<SourceIls> sourceIlsFromName(const QString &name);
// The note field that carries the legacy status for this ILS ("internal_note_3" for Voyager,
// "internal_note_1" for the others and for Auto).
QString statusNoteField(SourceIls source);

// The canonical id for a status that was not recognised.
inline const QString &unknownStatusId()
{
    static const QString id = QStringLiteral("UNKNOWN");
    return id;
}

// A human, translated label for a canonical id ("MISSING" -> "Missing"). Unknown ids come back
// unchanged.
QString legacyStatusLabel(const QString &id);
// The canonical ids of DOMAIN.md's table in table order, followed by "UNKNOWN".
QStringList allLegacyStatusIds();
// True when `id` is one of allLegacyStatusIds().
bool isLegacyStatusId(const QString &id);

// One status found in a note, with the evidence the UI highlights.
struct StatusMatch {
    QString id;          // canonical id, or "UNKNOWN"
    QString noteField;   // "internal_note_1" | "internal_note_2" | "internal_note_3"
    QString matchedText; // the exact text matched; for UNKNOWN the whole note, verbatim
    qsizetype start = 0; // offset of matchedText in the note
    qsizetype length = 0;

    bool operator==(const StatusMatch &other) const = default;
};

// What the parser read in an item's notes.
struct NoteReading {
    SourceIls source = SourceIls::Auto; // the ILS the parser read for (a guess when Auto)
    std::vector<StatusMatch> statuses;  // in note order; unique ids

    // True when the notes held text but no status was recognised (a single UNKNOWN match).
    bool isUnknown() const;
    // True when there was nothing to read at all (no status, no text).
    bool isEmpty() const;
    QStringList ids() const;
    bool has(const QString &id) const;
};

} // namespace migdesk
