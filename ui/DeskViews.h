// Plain view values the desk panels render: what the card, the plan panel, a history row and a
// shelf-list row show. Filled from ScanRecord by RecordPresenter; no JSON, no core internals, so
// panels can be built and tested on their own.
#pragma once

#include "model/Outcome.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace migdesk {

struct NoteView {
    QString fieldLabel;                                      // "Internal Note 1"
    QString text;                                            // the whole note, verbatim
    std::vector<std::pair<qsizetype, qsizetype>> highlights; // (start, length) of matched words
};

struct CardView {
    bool empty = true;
    bool hasOutcome = false;
    Outcome outcome = Outcome::Pending;
    QString headline; // "returned to shelf", "needs your decision", ...
    QString barcode;
    QString title;
    QString author;
    QString callNumber;
    QString place;     // "Main Library › Stacks"
    QString tempPlace; // "Science Library › Reserve" when Alma has it in a temporary location
    QString kind;      // "Book · Regular loan": material type and policy, when short
    QString loan;      // "On loan to patron P123 · due 1 May 2020 · declared Lost"
    QString almaNow;
    QString almaWas;
    std::vector<NoteView> notes;
    QString sourceIls;      // "Sierra", "Sierra (guessed from the note)", ...
    QString legacyStatuses; // "Missing, Damaged"
    bool dryRun = false;
    bool repeatFlagged = false;
};

enum class PlanMode {
    Empty,    // nothing scanned yet
    Busy,     // queued, looking up, applying or verifying
    Confirm,  // safe steps waiting for Enter/Space (auto-apply off)
    Decide,   // big numbered choices
    Withdraw, // the explicit withdraw confirmation
    Guide,    // Lost / Claimed Returned: staff act in Alma, then "check now"
    Review,   // unknown note or not a migration item: staff look, then skip or retry
    Finished, // an outcome was reached
};

struct PlanView {
    PlanMode mode = PlanMode::Empty;
    QString statusLine;  // "Old status: Missing (Sierra)"
    QString explanation; // the plan's sentence
    QStringList steps;   // translated step labels, in order
    QStringList choices; // DECIDE labels
    int defaultChoice = 0;
    QString withdrawItem;   // "“Middlemarch” · barcode 3129…"
    QString withdrawPolicy; // "Holdings: keep · Bibliographic record: keep"
    QStringList loanLines;  // patron, loan date, due date, desk
    QStringList almaSteps;  // what to click in Alma
    QString almaSentence;   // Alma's destination sentence
    QString message;        // staff-readable status or error
    bool canRetry = false;
    bool canSkip = false;
    // Staff may pick an action (Return, Mark Missing, Set condition Damaged, Withdraw) for an item
    // MigDesk cannot plan: a review, or an item that is not a migration item.
    bool canChooseAction = false;
    // Other scans waiting for staff behind this one (the cart goes on meanwhile).
    int othersWaiting = 0;
};

struct HistoryRow {
    qint64 id = 0;
    QDateTime at;
    QString barcode;
    QString title;
    QString legacyStatus;
    QString action;
    Outcome outcome = Outcome::Pending;
    bool finished = false;
    QString almaSentence;
    QString message;
    QString before; // Alma's state before, one line
    QString after;  // Alma's state after, one line
    QString operatorName;
    qint64 intentId = 0; // the journal's intent (0 without a journal)
};

struct ShelfRow {
    QString library;
    QString location;
    QString callNumber;
    QString barcode;
    QString title;
    bool found = false;
};

} // namespace migdesk
