// The sandbox's demo institution: a deterministic, realistic set of migrated items (from
// Voyager, Sierra, Koha and Symphony), with loans, requests and non-migration items.
#pragma once

#include "SandboxState.h"

#include <vector>

namespace migdesk::sandbox {

struct DemoData {
    std::vector<ItemRecord> records;
    std::vector<DemoExample> examples; // the first barcodes of every scenario
};

// The same (count, seed) always gives the same items, barcodes and ids.
DemoData generateDemoData(int count, quint32 seed);

} // namespace migdesk::sandbox
