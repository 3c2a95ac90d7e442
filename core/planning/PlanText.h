// The translatable texts of a plan: step labels, choice labels and the one-sentence
// explanation naming the legacy status, the note and what Alma will show afterwards.
#pragma once

#include "legacy/LegacyStatus.h"
#include "model/Item.h"
#include "planning/Plan.h"

namespace migdesk::plantext {

QString noteFieldLabel(const QString &noteField); // "internal_note_1" -> "Internal Note 1"
QString defaultFulfillmentNote(const QString &statusId);
QString stepLabel(const Step &step);
QString choiceLabel(const Choice &choice);
QString notMigrationExplanation(const Item &item);
QString noNoteExplanation(SourceIls source);
// An item found in the review shelf's temporary location, no longer in Technical - Migration.
QString backFromReviewExplanation(const Item &item);
// `deciding` is the status whose rule gave the final disposition (may be null).
QString explanation(const Plan &plan, const NoteReading &reading, const StatusMatch *deciding,
                    const PlanContext &context);

} // namespace migdesk::plantext
