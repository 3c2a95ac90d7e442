// The outcome of one scan or batch row, as staff see it (colour, icon and word in the UI).
#pragma once

#include <QString>

#include <optional>

namespace migdesk {

enum class Outcome {
    Done,          // Alma confirmed the change (its reply or a re-read)
    NeedsStaff,    // a decision, a confirmation, a guided step in Alma, or a review
    Error,         // Alma refused or failed; the item stays pending and can be retried
    NotFound,      // no item with this barcode in Alma
    TransitOrHold, // Alma sent the item in transit or to the hold shelf
    Pending,       // not yet applied (queued, offline, or the result of a write is unknown)
    Skipped,       // staff chose to skip it, or nothing was to be done
    DryRun,        // looked up and planned; nothing written (dry-run mode)
    // Alma confirmed what was done, but the item is still in Technical - Migration (put on the
    // shelf-search list, or a condition set by staff): not finished, never shown as Done.
    StillMigration,
};

inline QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Done:
        return QStringLiteral("done");
    case Outcome::NeedsStaff:
        return QStringLiteral("needs_staff");
    case Outcome::Error:
        return QStringLiteral("error");
    case Outcome::NotFound:
        return QStringLiteral("not_found");
    case Outcome::TransitOrHold:
        return QStringLiteral("transit_or_hold");
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::Skipped:
        return QStringLiteral("skipped");
    case Outcome::DryRun:
        return QStringLiteral("dry_run");
    case Outcome::StillMigration:
        return QStringLiteral("still_migration");
    }
    return QStringLiteral("error");
}

inline std::optional<Outcome> outcomeFromName(const QString &name)
{
    for (Outcome o : {Outcome::Done, Outcome::NeedsStaff, Outcome::Error, Outcome::NotFound,
                      Outcome::TransitOrHold, Outcome::Pending, Outcome::Skipped, Outcome::DryRun,
                      Outcome::StillMigration}) {
        if (outcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

} // namespace migdesk
