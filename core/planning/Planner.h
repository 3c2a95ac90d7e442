// Planner: turns an item, what its notes say and the working context into a Plan, following
// the rules. Pure: no I/O, no Alma calls.
#pragma once

#include "legacy/LegacyStatus.h"
#include "model/Item.h"
#include "planning/Plan.h"
#include "planning/Rules.h"

namespace migdesk {

class Planner {
public:
    explicit Planner(Rules rules = Rules::defaults());

    Plan plan(const Item &item, const NoteReading &reading, const PlanContext &context) const;
    // True when the plan for this item in `mode` depends on whether it has an active loan (the
    // steps planned with one differ from those planned without), so reading its loans is worth a
    // call. When false, plan() without loans in the context is the plan. Cheap when no rule of
    // the reading's statuses splits by loan (the common case): nothing is planned then.
    bool needsLoan(const Item &item, const NoteReading &reading, WorkMode mode) const;
    const Rules &rules() const { return m_rules; }
    // True for an item in one of the temporary locations the rules park review items in.
    bool isBackFromReview(const Item &item) const;

private:
    Rules m_rules;
};

} // namespace migdesk
