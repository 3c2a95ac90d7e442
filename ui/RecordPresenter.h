// RecordPresenter: turns a ScanRecord (core) into the plain views the panels render (card,
// plan, history row) and a ShelfList into shelf rows. Pure functions; the only place in ui/
// that reads the core's records field by field.
#pragma once

#include "DeskViews.h"

#include <vector>

namespace migdesk {

struct ScanRecord;
class ShelfList;

CardView cardView(const ScanRecord &record);
PlanView planView(const ScanRecord &record);
HistoryRow historyRow(const ScanRecord &record);
std::vector<ShelfRow> shelfRows(const ShelfList &list);
// The number of the DECIDE choices open on this record (0 when no decision is open).
int openChoiceCount(const ScanRecord &record);
// True when the record waits for Enter/Space on safe steps (never for a dangerous one).
bool awaitsSafeConfirm(const ScanRecord &record);

} // namespace migdesk
