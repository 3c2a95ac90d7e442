// Comparing what staff saw of an item with what Alma shows now: the stale-write guard of the
// executor, the restart verdict and the batch's resume all ask the same question here.
#pragma once

#include "model/Item.h"

#include <QString>

namespace migdesk {

// The fields staff see on the card; a difference in any of them (or in modification_date)
// makes a write stale. Returns the name of the first difference, or an empty string.
QString firstShownDifference(const Item &shown, const Item &current);
// The fields MigDesk's field changes write (condition, notes, the temporary location): an undo
// copies them back from the journal's before-image and checks Alma kept them.
void copyEditableFields(Item &to, const Item &from);
bool sameEditableFields(const Item &a, const Item &b);
// True when the process type means "in transit" or "on the hold shelf".
bool isTransitOrHold(const Item &item);

} // namespace migdesk
