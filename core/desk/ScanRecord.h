// ScanRecord: everything the desk knows about one scan (what was scanned, the item as shown, the
// note reading, the plan, Alma's confirmed result, the outcome), plus the session settings that
// shape how scans are handled. Plain values: the UI renders them, reports export them.
#pragma once

#include "legacy/LegacyStatus.h"
#include "model/Item.h"
#include "model/Loan.h"
#include "model/Outcome.h"
#include "pipeline/Executor.h"
#include "planning/Planner.h"
#include "planning/StepCatalogue.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace migdesk {

// Where a scan is in the desk workflow.
enum class ScanStage {
    Queued,    // accepted, journaled, waiting for a free pipeline (or for Alma to answer again)
    LookingUp, // reading the item (and its loans when the plan needs them)
    Planned,   // waiting for staff: `awaiting` says for what
    Applying,  // the executor is writing to Alma
    Verifying, // re-reading the item after a guided step done in Alma
    Finished,  // an outcome was reached (done, error, not found, skipped, dry run, ...)
};

struct ScanRecord {
    qint64 id = 0;       // session-local, increasing in scan order
    qint64 intentId = 0; // the journal's intent id (0 without a journal)
    QDateTime at;        // when the scan was accepted
    QString barcode;     // validated, prefix/suffix stripped
    ScanStage stage = ScanStage::Queued;
    bool hasItem = false;
    Item item; // as shown to staff
    NoteReading reading;
    Plan plan;
    std::vector<Loan> activeLoans;
    bool hasResult = false;
    ExecutionResult result;
    Outcome outcome = Outcome::Pending;
    QString message; // staff-readable, translated
    bool repeatFlagged = false;
    bool dryRun = false;
    // Added beyond the first contract:
    int chosenIndex = -1;                  // the DECIDE answer staff gave (-1: none yet)
    Awaiting awaiting = Awaiting::Nothing; // what the scan waits for (from the step catalogue)
    bool fromShelfList = false; // the item was on the shelf-search list and was ticked off
    QDateTime readAt;           // when `item` was read from Alma
    bool recovered = false;     // re-offered from the journal after a restart
    QString operatorName;       // who was at the desk when it was scanned
};

struct SessionSettings {
    QString library;
    QString circDesk;
    bool autoApply = true;
    bool dryRun = false;
    WorkMode mode = WorkMode::Desk;
    QString scannerPrefix;
    QString scannerSuffix;
    QString barcodePattern; // empty: the default, 1-64 printable characters, no spaces
    bool codabarCheckDigit = false;
    int barcodeMinLength = 1; // shorter input is refused before any Alma call
    int repeatWindowMs = 4000;
    // Items worked at once (lookups running ahead of staff, writes of different items
    // overlapping); every call still goes through the client's rate limiter. 1 with
    // `oneAtATime`, which also holds the whole queue while an item waits for staff.
    int maxInFlight = 8;
    bool oneAtATime = false;
    QString operatorName; // who is at the desk (Settings; the journal records it too)
};

} // namespace migdesk
