// Reading M18's run parameters (see SandboxM18.h).
#include "SandboxM18.h"

#include "SandboxCatalog.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace migdesk::sandbox {

namespace {

using nlohmann::json;

// The item fields M18 knows (ALMA_API.md, "Sets and jobs"); each takes a triple.
const std::set<std::string> &knownFields()
{
    static const std::set<std::string> fields = {
        "MISSING_STATUS",   "PHYSICAL_CONDITION", "INTERNAL_NOTE_1",   "INTERNAL_NOTE_2",
        "INTERNAL_NOTE_3",  "STATISTICS_NOTE_1",  "STATISTICS_NOTE_2", "STATISTICS_NOTE_3",
        "FULFILLMENT_NOTE", "PUBLIC_NOTE",        "INVENTORY_DATE",    "ITEM_POLICY",
        "DEPARTMENT",       "IN_PROCESS_TYPE"};
    return fields;
}

// The note fields among them: M18 sets their text (Null clears it).
const std::set<std::string> &noteFields()
{
    static const std::set<std::string> fields = {
        "INTERNAL_NOTE_1",   "INTERNAL_NOTE_2",   "INTERNAL_NOTE_3",  "STATISTICS_NOTE_1",
        "STATISTICS_NOTE_2", "STATISTICS_NOTE_3", "FULFILLMENT_NOTE", "PUBLIC_NOTE"};
    return fields;
}

// Stand-alone flags (true/false) and the plain parameters.
const std::set<std::string> &knownFlags()
{
    static const std::set<std::string> flags = {"REMOVE_TRANSIT_FOR_RESHELVING_selected",
                                                "clearAllTemporaryInformation",
                                                "clearTemporaryLibraryAndLocation"};
    return flags;
}

std::string textOf(const json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_object() && value.contains("value"))
        return textOf(value["value"]);
    if (value.is_number() || value.is_boolean())
        return value.dump();
    return {};
}

// "MISSING_STATUS_selected" -> {"MISSING_STATUS", "selected"}; empty field when not a triple.
std::pair<std::string, std::string> splitTriple(const std::string &name)
{
    for (const char *part : {"_selected", "_value", "_condition"}) {
        const std::string suffix(part);
        if (name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            const std::string field = name.substr(0, name.size() - suffix.size());
            if (knownFields().count(field))
                return {field, suffix.substr(1)};
        }
    }
    return {};
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

bool isBoolean(const std::string &text)
{
    return text == "true" || text == "false";
}

} // namespace

std::optional<M18Run> readM18Run(const json &body, QString *problem)
{
    auto refuse = [problem](const QString &message) -> std::optional<M18Run> {
        *problem = message;
        return std::nullopt;
    };
    if (!body.is_object() || !body.contains("parameter") || !body["parameter"].is_array())
        return refuse(QStringLiteral("The job run needs a parameter list."));
    std::map<std::string, std::string> params;
    for (const json &parameter : body["parameter"]) {
        const std::string name =
            parameter.is_object() ? textOf(parameter.value("name", json())) : std::string();
        if (name.empty())
            return refuse(QStringLiteral("Every job parameter needs a name."));
        const bool plain = name == "set_id" || name == "job_name" || name == "force_failure";
        if (!plain && !knownFlags().count(name) && splitTriple(name).first.empty())
            return refuse(
                QStringLiteral("Parameter %1 is not a parameter of job M18 (Change Physical "
                               "items).")
                    .arg(q(name)));
        if (!params.emplace(name, textOf(parameter.value("value", json()))).second)
            return refuse(QStringLiteral("Parameter %1 is given twice.").arg(q(name)));
    }
    M18Run run;
    run.setId = params["set_id"];
    run.jobName = params["job_name"];
    if (run.setId.empty())
        return refuse(QStringLiteral("The parameter set_id is mandatory."));
    run.forceFailure = params["force_failure"] == "true";

    std::set<std::string> selected;
    for (const auto &[name, value] : params) {
        const auto [field, part] = splitTriple(name);
        if (part == "selected" || knownFlags().count(name)) {
            if (!isBoolean(value))
                return refuse(QStringLiteral("Parameter %1 must be true or false, not \"%2\".")
                                  .arg(q(name), q(value)));
            if (value == "true")
                selected.insert(field.empty() ? name : field);
        }
        if (part == "condition" && value != "Null")
            return refuse(QStringLiteral("Parameter %1: the sandbox applies a change to every "
                                         "item of the set only (Null), not \"%2\".")
                              .arg(q(name), q(value)));
    }
    if (selected.empty())
        return refuse(QStringLiteral("No field is selected: set at least one <FIELD>_selected "
                                     "parameter to true."));
    for (const std::string &field : selected) {
        const bool note = noteFields().count(field) > 0;
        if (field != "MISSING_STATUS" && field != "PHYSICAL_CONDITION" && !note)
            return refuse(QStringLiteral("The sandbox's M18 changes MISSING_STATUS, "
                                         "PHYSICAL_CONDITION and the notes only, not %1.")
                              .arg(q(field)));
        const auto value = params.find(field + "_value");
        if (value == params.end() || value->second.empty())
            return refuse(QStringLiteral("%1 is selected but %1_value is missing.").arg(q(field)));
        if (note) {
            std::string name = field;
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            run.notes[name] = value->second == "Null" ? std::string() : value->second;
        } else if (field == "MISSING_STATUS") {
            if (value->second != "MISSING" && value->second != "Null")
                return refuse(QStringLiteral("MISSING_STATUS_value must be MISSING or Null, not "
                                             "\"%1\".")
                                  .arg(q(value->second)));
            run.changeMissing = true;
            run.setMissing = value->second == "MISSING";
        } else {
            run.changeCondition = true;
            if (value->second != "Null") {
                run.condition = q(value->second);
                if (!findPhysicalConditionName(run.condition))
                    return refuse(QStringLiteral("PHYSICAL_CONDITION_value %1 is not a physical "
                                                 "condition code.")
                                      .arg(run.condition));
            }
        }
    }
    return run;
}

} // namespace migdesk::sandbox
