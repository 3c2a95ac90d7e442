// A Plan: the ordered steps that resolve one migrated item in Alma, with a one-sentence
// explanation. Steps carry every value an executor needs (condition code, department, ...).
#pragma once

#include "model/Loan.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace migdesk {

enum class StepType {
    SetCondition,
    Return,
    WorkOrder,
    SetFulfillmentNote,
    MarkMissing,
    AddToShelfList,
    GuideLost,
    GuideClaimedReturned,
    Withdraw,
    Decide,
    NeedsReview,
    StampNote,
    Defer,
    Nothing,
    SetTempLocation,   // the item goes to a temporary location (a review shelf)
    ClearTempLocation, // back from review: the temporary location is cleared
};

// "SET_CONDITION", "RETURN", ... (the names of the rules file and the CLI's JSON)
QString stepTypeName(StepType type);
std::optional<StepType> stepTypeFromName(const QString &name);
// RETURN, SET_CONDITION, SET_FULFILLMENT_NOTE, WORK_ORDER, ADD_TO_SHELF_LIST: safe to apply
// without a staff decision.
bool isAutoSafe(StepType type);
// A translated short verb phrase for the UI ("Return", "Mark Missing", ...).
QString stepTypeLabel(StepType type);

struct Choice;

// A temporary location in Alma (holding_data.temp_library / temp_location, optional temp_policy).
struct TempLocationTarget {
    QString library;
    QString location;
    QString policy; // empty: the item keeps its own policy

    bool isSet() const { return !library.isEmpty() && !location.isEmpty(); }
    bool operator==(const TempLocationTarget &other) const = default;
};

struct Step {
    StepType type = StepType::Nothing;
    QString conditionCode;   // SET_CONDITION: Alma's physical_condition code, e.g. "DAMAGED"
    QString department;      // WORK_ORDER: the department code to scan in to
    QString workOrderType;   // WORK_ORDER: the work order type code
    QString fulfillmentNote; // SET_FULFILLMENT_NOTE: the text to write
    TempLocationTarget tempLocation; // SET_TEMP_LOCATION: where the item is parked
    std::vector<Choice> choices;     // DECIDE: the options staff choose from
    int defaultChoice = 0;           // DECIDE: index into choices
    QString label;                   // translated one-line description for the UI

    // Added for executors: everything comes with the step.
    QString statusId;                // the legacy status this step came from
    bool registerInHouseUse = false; // RETURN: always false (a migration fix is not a use)
    QString missingStrategy;         // MARK_MISSING: "job" | "put"
    QString holdingsPolicy;          // WITHDRAW: "retain" | "delete" | "suppress"
    QString bibPolicy;               // WITHDRAW: "retain" | "delete" | "suppress"
    bool needsConfirmation = false;  // WITHDRAW: always true; staff confirm naming the item
    // RETURN: the item has an active loan the return closes, so staff confirm it with Enter
    // (rules key "confirm_loan"); the step stays a RETURN.
    bool confirmLoan = false;
    QString noteField; // STAMP_NOTE: the note field (internal_note_2, ...)
    QString noteText;  // STAMP_NOTE: the line appended to it

    bool operator==(const Step &other) const;
};

struct Choice {
    QString key;   // "return", "withdraw", "missing", "workorder", ...
    QString label; // translated
    std::vector<Step> steps;

    bool operator==(const Choice &other) const;
};

struct Plan {
    std::vector<Step> steps;
    QString explanation; // one translated sentence: status, note, what Alma shows afterwards
    QStringList statusIds;

    // True when there is at least one step and every step is auto-safe.
    bool isAutoSafe() const;
    // True when staff must act or decide (any step that is not auto-safe, except NOTHING/DEFER).
    bool needsStaff() const;
    QStringList stepNames() const;
};

enum class WorkMode { Desk, Followup };
QString workModeName(WorkMode mode); // "desk" | "followup"
std::optional<WorkMode> workModeFromName(const QString &name);

struct PlanContext {
    WorkMode mode = WorkMode::Desk;
    std::vector<Loan> activeLoans; // only loans with isActive() count

    bool hasActiveLoan() const;
};

nlohmann::json stepToJson(const Step &step);
// {"steps":[{"type":"RETURN",...}],"explanation":"...","status_ids":[...]}
nlohmann::json planToJson(const Plan &plan);

} // namespace migdesk
