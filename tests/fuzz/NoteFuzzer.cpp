// libFuzzer: arbitrary UTF-8 as a migrated note, read for every source ILS. Checks the
// parser's promises: the evidence is the exact text at its offset, UNKNOWN keeps the note.
#include "legacy/NoteParser.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace migdesk;
    const QString note = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (SourceIls source : {SourceIls::Auto, SourceIls::Voyager, SourceIls::Sierra,
                             SourceIls::Koha, SourceIls::Symphony}) {
        const NoteReading reading =
            NoteParser(source).parseNote(note, QStringLiteral("internal_note_1"));
        if (note.trimmed().isEmpty() != reading.isEmpty())
            std::abort();
        for (const auto &match : reading.statuses) {
            if (match.start < 0 || match.length < 0 || match.start + match.length > note.size())
                std::abort();
            if (note.mid(match.start, match.length) != match.matchedText)
                std::abort();
            if (match.id == unknownStatusId() && match.matchedText != note)
                std::abort();
        }
    }
    return 0;
}
