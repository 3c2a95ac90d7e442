// How a library handles the review statuses (Catalog Review, Circulation Review, In Process) at
// the desk: the guide's three Alma equivalents are a work order, a fulfillment note and a
// temporary location (a review shelf). The rules file says it per status; Settings can lay one of
// the three over it (RuleOverrides::reviewHandling).
#pragma once

#include "planning/Plan.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace migdesk {

struct RuleCase;

enum class ReviewMethod {
    Rules,           // what the rules file says
    WorkOrder,       // a work order (a fulfillment note and Return when none is configured)
    FulfillmentNote, // a fulfillment note naming the review, then Return
    TempLocation,    // a temporary location (the review shelf), then Return
};

QString reviewMethodName(ReviewMethod method); // "rules" | "work_order" | ...
std::optional<ReviewMethod> reviewMethodFromName(const QString &name);
QString reviewMethodLabel(ReviewMethod method); // translated

struct ReviewHandling {
    ReviewMethod method = ReviewMethod::Rules;
    TempLocationTarget tempLocation; // TempLocation: where

    // Empty when usable; else why not (translated), e.g. a temporary location without a library.
    QString problem() const;
};

// The statuses whose desk handling Settings offers to choose.
QStringList reviewStatuses();

// The desk case of `method` (Rules: `deskCase` unchanged).
void applyReviewHandling(RuleCase &deskCase, const ReviewHandling &handling);

// Reads a rules-file step's "temp_location": {"library": ..., "location": ..., "policy": ...}.
// Returns the error (translated) and the key it is about, or nothing when fine.
struct TempLocationRuleError {
    QString key; // "temp_location", "temp_location.library", ...
    QString message;
};
std::optional<TempLocationRuleError> readTempLocationRule(const nlohmann::json &step,
                                                          TempLocationTarget &out);

} // namespace migdesk
