// Rules: the library-editable resolution rules (resources/rules/default.json): per legacy
// status and working context, the steps to take; work orders, condition code, Missing strategy.
#pragma once

#include "model/Result.h"
#include "planning/Plan.h"
#include "planning/ReviewHandling.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace migdesk {

// A step as written in the rules file, before the planner fills in its values.
struct RuleStep {
    StepType type = StepType::Nothing;
    QString fulfillmentNote;         // SET_FULFILLMENT_NOTE: optional fixed text
    TempLocationTarget tempLocation; // SET_TEMP_LOCATION: where the item is parked
    bool confirmLoan = false;        // RETURN: staff confirm a return that closes a loan
    std::vector<RuleStep> fallback;  // WORK_ORDER: used when no work order is configured
    struct RuleChoice {
        QString key;
        std::vector<RuleStep> steps;

        bool operator==(const RuleChoice &other) const = default;
    };
    std::vector<RuleChoice> choices; // DECIDE
    QString defaultChoice;           // DECIDE: key of the default choice

    bool operator==(const RuleStep &other) const = default;
};

// The steps for one status in one context, split by whether the item has an active loan.
struct RuleCase {
    std::vector<RuleStep> withLoan;
    std::vector<RuleStep> withoutLoan;
};

struct WorkOrderTarget {
    QString department;
    QString type;
    bool isConfigured() const { return !department.isEmpty() && !type.isEmpty(); }
};

// Values from the settings that take precedence over the rules file. Empty values keep the
// file's: an empty condition code, or a work order without both department and type.
struct RuleOverrides {
    QString conditionCode;
    // Empty: the rules' own choice. "job" | "put"; "retain" | "delete" | "suppress".
    QString missingStrategy;
    QString withdrawHoldings;
    QString withdrawBib;
    QHash<QString, WorkOrderTarget> workOrders;    // legacy status id -> work order
    QHash<QString, ReviewHandling> reviewHandling; // review status id -> how the desk handles it
};

class Rules {
public:
    // The shipped defaults, from :/rules/default.json.
    static Rules defaults();
    static Result<Rules> fromJson(const QByteArray &text, const QString &sourceName);
    static Result<Rules> loadFile(const QString &path);

    QString conditionCode() const { return m_conditionCode; }
    QString missingStrategy() const { return m_missingStrategy; } // "job" | "put"
    QString withdrawHoldings() const { return m_withdrawHoldings; }
    QString withdrawBib() const { return m_withdrawBib; }
    QString sourceName() const { return m_sourceName; }
    // The work order configured for a status (empty when none).
    WorkOrderTarget workOrder(const QString &statusId) const;
    // The rule case for a status and mode; nullptr when the file has none for that status.
    const RuleCase *ruleFor(const QString &statusId, WorkMode mode) const;
    // Every temporary location the rules park items in (SET_TEMP_LOCATION, desk and follow-up):
    // an item found in one of them is back from review.
    std::vector<TempLocationTarget> reviewTempLocations() const;
    // A copy with the settings' values laid over the file's (see RuleOverrides).
    Rules withOverrides(const RuleOverrides &overrides) const;

private:
    friend class RulesReader;
    QString m_sourceName;
    QString m_conditionCode;
    QString m_missingStrategy;
    QString m_withdrawHoldings;
    QString m_withdrawBib;
    QHash<QString, WorkOrderTarget> m_workOrders;
    QHash<QString, RuleCase> m_desk;
    QHash<QString, RuleCase> m_followup;
};

struct RulesLoad {
    Rules rules;
    QString warning; // empty when the file was fine
};

// Loads `path`; a missing, unreadable or invalid file gives the shipped defaults and a warning
// naming the file, line and field. An empty path gives the defaults without a warning.
RulesLoad loadRulesOrDefaults(const QString &path);

} // namespace migdesk
