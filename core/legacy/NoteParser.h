// NoteParser: reads the migrated internal notes of an item and names the legacy statuses, with
// the note field and the exact words matched. Pure and allocation-light; the vocabulary is
// compiled once per process.
#pragma once

#include "legacy/LegacyStatus.h"
#include "model/Item.h"

namespace migdesk {

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
