// The status vocabulary behind NoteParser: for each canonical id, the ILSs that have it and
// the phrases (as lower-case word sequences) that name it in real notes.
#pragma once

#include "legacy/LegacyStatus.h"

#include <initializer_list>
#include <string_view>
#include <vector>

namespace migdesk::legacy {

// Bit per ILS; Auto accepts every status.
enum IlsBit : unsigned {
    Voyager = 1u << 0,
    Sierra = 1u << 1,
    Koha = 1u << 2,
    Symphony = 1u << 3,
    AllIls = Voyager | Sierra | Koha | Symphony,
};

unsigned ilsBit(SourceIls source);

struct StatusEntry {
    const char *id;
    const char *label; // untranslated English label (translated via legacyStatusLabel)
    unsigned ils;      // IlsBit mask from DOMAIN.md's table
    // Phrases as words separated by single spaces; punctuation and dashes never matter.
    std::vector<std::string_view> phrases;
};

// DOMAIN.md's table, in table order (UNKNOWN excluded).
const std::vector<StatusEntry> &statusCatalogue();
// nullptr for an unknown id.
const StatusEntry *findStatus(const QString &id);

} // namespace migdesk::legacy
