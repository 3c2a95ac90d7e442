// NoteParser: reads the migrated internal notes of an item and names the legacy statuses, with
// the note field and the exact words matched. Pure and allocation-light; the vocabulary is
// compiled once per process.
#pragma once

#include "legacy/LegacyStatus.h"
#include "model/Item.h"

namespace migdesk {

// MigDesk's own resolution stamp starts a line with this word and a date ("MigDesk 2026-12-03
// J. Smith: ..."): the parser never reads such a line as a legacy status.
inline constexpr char kMigDeskStampPrefix[] = "MigDesk";
bool isMigDeskStamp(const QString &line);
// The text with every stamp line blanked (same length: match positions stay valid).
QString maskMigDeskStamps(const QString &text);

class NoteParser {
public:
    explicit NoteParser(SourceIls source = SourceIls::Auto);

    // Reads the note(s) where the source ILS keeps the status. Auto reads Internal Note 1 and 3.
    // A non-TECHNICAL item is read too: the planner decides what that means.
    NoteReading parse(const Item &item) const;
    // Reads one note. Text with no recognised status yields one UNKNOWN match keeping the text;
    // an empty or blank note yields no match.
    NoteReading parseNote(const QString &text, const QString &noteField) const;

    SourceIls source() const { return m_source; }

private:
    SourceIls m_source;
};

} // namespace migdesk
