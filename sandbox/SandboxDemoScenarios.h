// The demo's scenarios: which legacy system, which note text, which Alma state, and the
// English sentence the GUI help panel shows for each.
#pragma once

#include <vector>

namespace migdesk::sandbox {

struct DemoScenario {
    const char *description;         // for the help panel, e.g. "Sierra Missing, in hand: returned"
    const char *noteField;           // "internal_note_1", "internal_note_3" or nullptr
    std::vector<const char *> notes; // one is picked per item
    const char *processType;         // "TECHNICAL", "" (none), "LOAN", "MISSING", ...
    const char *library;             // owning library code
    bool activeLoan = false;
    bool request = false;
    int weight = 1; // relative frequency after the first round
};

const std::vector<DemoScenario> &demoScenarios();

} // namespace migdesk::sandbox
