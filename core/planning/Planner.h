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
    const Rules &rules() const { return m_rules; }

private:
    Rules m_rules;
};

} // namespace migdesk
