// The step catalogue: every kind of step MigDesk can plan is declared here once, with everything
// the rest of the product needs to know about it: its rules/JSON name, its label, whether it may
// be applied without a question, whether the Executor runs it, what a scan holding it waits for,
// whether staff can pick it on the review page, the rule keys it reads, and the journal write it
// makes. The planner, rules validation, executor, desk, batch and the plan view all ask this
// table instead of keeping their own lists (CONTRIBUTING.md, "How to add a step kind").
#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace migdesk {

enum class StepType;
struct Step;
struct Item;

// What a scan waits for before anything is written: one value on its record. The order is the
// precedence when a plan holds several steps (a later value wins).
enum class Awaiting {
    Nothing,              // applied without a question
    Enter,                // staff confirm with Enter (auto-apply off, or a step not auto-safe)
    LoanActionInAlma,     // a guided Lost / Claimed Returned step done in Alma, then "check now"
    WithdrawConfirmation, // the explicit confirmation that names the item
    Review,               // NEEDS_REVIEW: staff pick an action or skip
    Choice,               // DECIDE: staff pick one of its choices
    BulkJob,              // handed to Alma's Missing job; nothing is written item by item
};
// "nothing", "enter", ... (for logs and JSON)
QString awaitingName(Awaiting awaiting);

// The journal write a step makes when the Executor runs it.
enum class WriteKind { None, Put, ScanIn, Delete };

// A step that changes fields of the item: the Executor runs it in a whole-record PUT, with the
// stale check, the lost-reply re-read and the journal's before/after image.
struct FieldEdit {
    void (*apply)(Item &item, const Step &step);                 // make the change
    bool (*isApplied)(const Item &item, const Step &step);       // Alma already shows it
    QString (*summary)(const Item &before, const Step &step);    // the journal's request line
    QString (*alreadyText)(const Step &step);                    // staff: nothing to write
    QString (*notKeptText)(const Item &after, const Step &step); // staff: Alma did not keep it
};

struct StepKind {
    StepType type;
    const char *name;        // "SET_CONDITION": the rules file's and the CLI's name
    const char *label;       // translated in context "Plan" (QT_TRANSLATE_NOOP)
    bool autoSafe;           // may be applied without a staff decision
    bool executable;         // the Executor runs it (NOTHING/DEFER count: they are skipped)
    bool noOp;               // nothing to run (NOTHING, DEFER)
    Awaiting gate;           // what a plan holding it waits for before a write (Nothing: auto-safe)
    int reviewPosition;      // 1..: offered as action N on the review page (Alt+N); 0: not offered
    const char *reviewLabel; // the review button's words (context "PlanPanel"), without "N  "
    std::vector<const char *>
        ruleKeys;         // keys a rules-file step of this kind may have, beside "type"
    WriteKind write;      // the journal write it makes
    const char *waitText; // what staff are told while a scan waits for it (context "ScanSession");
                          // %1 is the item's name. Empty: the generic "Enter to apply" text.
    const FieldEdit *edit = nullptr; // set for a step that changes fields of the item
};

// Every kind, in the order of StepType.
const std::vector<StepKind> &stepCatalogue();
// The kind of a step type (a catalogue without an entry for a type is a programming error).
const StepKind &stepKind(StepType type);
std::optional<StepType> stepKindByName(const QString &name);

// What a scan with these (effective) steps waits for. `autoApply`: the desk's setting;
// `staffAnswered`: staff already confirmed or chose (an Enter gate is then passed). A plan with
// nothing to run waits for nothing.
Awaiting awaitingFor(const std::vector<Step> &steps, bool autoApply, bool staffAnswered);
// The step whose gate decides awaitingFor() (nullptr when none waits).
const Step *gatingStep(const std::vector<Step> &steps);
// The kinds staff can pick on the review page, in the order of their buttons.
std::vector<StepType> staffPickableSteps();

} // namespace migdesk
