// RecordPresenter: turns a ScanRecord (core) into the plain views the panels render (card,
// plan, history row) and a ShelfList into shelf rows. Pure functions; the only place in ui/
// that reads the core's records field by field.
#pragma once

#include "DeskViews.h"
#include "legacy/LegacyStatus.h"

#include <vector>

namespace migdesk {

struct ScanRecord;
class ShelfList;

// `configured` is the source ILS of the settings the note was read with: when it is Auto, the
// card says which ILS the parser guessed from the note (or that it could not tell).
CardView cardView(const ScanRecord &record, SourceIls configured);
PlanView planView(const ScanRecord &record);
HistoryRow historyRow(const ScanRecord &record);
std::vector<ShelfRow> shelfRows(const ShelfList &list);
// The number of the DECIDE choices open on this record (0 when no decision is open).
int openChoiceCount(const ScanRecord &record);
// True when the record waits for Enter/Space: its steps need no answer of their own (never a
// decision, a withdrawal, a guided loan step or a review). Safe steps with auto-apply on never
// wait; Mark Missing ("put" strategy) or auto-apply off do.
bool awaitsConfirm(const ScanRecord &record);

} // namespace migdesk
