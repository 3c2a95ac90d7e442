// Review statuses: work order, fulfillment note or temporary location (see ReviewHandling.h).
#include "planning/ReviewHandling.h"

#include "model/JsonUtil.h"
#include "planning/Rules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReviewHandling", text);
}

RuleStep ruleStep(StepType type)
{
    RuleStep step;
    step.type = type;
    return step;
}

bool isCode(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.\\-]{1,255}$"));
    return pattern.match(code).hasMatch();
}

} // namespace

QString reviewMethodName(ReviewMethod method)
{
    switch (method) {
    case ReviewMethod::Rules:
        return QStringLiteral("rules");
    case ReviewMethod::WorkOrder:
        return QStringLiteral("work_order");
    case ReviewMethod::FulfillmentNote:
        return QStringLiteral("fulfillment_note");
    case ReviewMethod::TempLocation:
        return QStringLiteral("temp_location");
    }
    return QStringLiteral("rules");
}

std::optional<ReviewMethod> reviewMethodFromName(const QString &name)
{
    for (ReviewMethod method : {ReviewMethod::Rules, ReviewMethod::WorkOrder,
                                ReviewMethod::FulfillmentNote, ReviewMethod::TempLocation}) {
        if (name == reviewMethodName(method))
            return method;
    }
    return std::nullopt;
}

QString reviewMethodLabel(ReviewMethod method)
{
    switch (method) {
    case ReviewMethod::Rules:
        return tr("As the rules file says");
    case ReviewMethod::WorkOrder:
        return tr("Work order");
    case ReviewMethod::FulfillmentNote:
        return tr("Fulfillment note, then return");
    case ReviewMethod::TempLocation:
        return tr("Temporary location, then return");
    }
    return {};
}

QString ReviewHandling::problem() const
{
    if (method != ReviewMethod::TempLocation)
        return {};
    if (tempLocation.library.isEmpty() || tempLocation.location.isEmpty())
        return tr("a temporary location needs both a library code and a location code");
    if (!isCode(tempLocation.library))
        return tr("\"%1\" is not a library code (letters, digits, _ . - only)")
            .arg(tempLocation.library);
    if (!isCode(tempLocation.location))
        return tr("\"%1\" is not a location code (letters, digits, _ . - only)")
            .arg(tempLocation.location);
    return {};
}

QStringList reviewStatuses()
{
    return {QStringLiteral("CATALOG_REVIEW"), QStringLiteral("CIRCULATION_REVIEW"),
            QStringLiteral("IN_PROCESS")};
}

void applyReviewHandling(RuleCase &deskCase, const ReviewHandling &handling)
{
    std::vector<RuleStep> steps;
    switch (handling.method) {
    case ReviewMethod::Rules:
        return;
    case ReviewMethod::WorkOrder: {
        RuleStep order = ruleStep(StepType::WorkOrder);
        order.fallback = {ruleStep(StepType::SetFulfillmentNote), ruleStep(StepType::Return)};
        steps.push_back(std::move(order));
        break;
    }
    case ReviewMethod::FulfillmentNote:
        steps = {ruleStep(StepType::SetFulfillmentNote), ruleStep(StepType::Return)};
        break;
    case ReviewMethod::TempLocation: {
        if (!handling.problem().isEmpty())
            return; // never plan a half-named location: keep the rules
        RuleStep park = ruleStep(StepType::SetTempLocation);
        park.tempLocation = handling.tempLocation;
        steps = {park, ruleStep(StepType::Return)};
        break;
    }
    }
    deskCase.withLoan = steps;
    deskCase.withoutLoan = steps;
}

std::optional<TempLocationRuleError> readTempLocationRule(const nlohmann::json &step,
                                                          TempLocationTarget &out)
{
    const QString key = QStringLiteral("temp_location");
    if (!step.contains("temp_location"))
        return TempLocationRuleError{key, tr("a SET_TEMP_LOCATION step needs \"temp_location\": "
                                             "{\"library\": ..., \"location\": ...}")};
    const nlohmann::json &value = step["temp_location"];
    if (!value.is_object())
        return TempLocationRuleError{key, tr("must be an object such as {\"library\": \"MAIN\", "
                                             "\"location\": \"REVIEW\"}")};
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (it.key() != "library" && it.key() != "location" && it.key() != "policy" &&
            it.key().rfind('_', 0) != 0)
            return TempLocationRuleError{key + QLatin1Char('.') + json::fromUtf8(it.key()),
                                         tr("not allowed (library, location, policy)")};
    }
    auto read = [&](const char *name, QString &slot,
                    bool required) -> std::optional<TempLocationRuleError> {
        const QString path = key + QLatin1Char('.') + QLatin1String(name);
        if (!value.contains(name) || value[name].is_null()) {
            if (required)
                return TempLocationRuleError{path, tr("missing")};
            return std::nullopt;
        }
        if (!value[name].is_string())
            return TempLocationRuleError{path, tr("must be a text value")};
        slot = json::fromUtf8(value[name].get<std::string>()).trimmed();
        if (slot.isEmpty() && required)
            return TempLocationRuleError{path, tr("must not be empty")};
        if (!slot.isEmpty() && !isCode(slot))
            return TempLocationRuleError{path, tr("\"%1\" is not a code (letters, digits, _ . - "
                                                  "only)")
                                                   .arg(slot)};
        return std::nullopt;
    };
    if (auto error = read("library", out.library, true))
        return error;
    if (auto error = read("location", out.location, true))
        return error;
    return read("policy", out.policy, false);
}

} // namespace migdesk
