// The sandbox's Change Physical items job, M18: reads a run's parameters in Alma's vocabulary
// (<FIELD>_selected / _value / _condition triples, set_id, job_name) and refuses what Alma
// refuses: an unknown parameter, no field selected, a selected field without a value.
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace migdesk::sandbox {

struct M18Run {
    std::string setId;
    std::string jobName;
    bool changeMissing = false;   // MISSING_STATUS_selected=true
    bool setMissing = false;      // MISSING_STATUS_value=MISSING (false: Null, remove it)
    bool changeCondition = false; // PHYSICAL_CONDITION_selected=true
    QString condition;            // PHYSICAL_CONDITION_value; empty for Null (clear it)
    // Selected note fields, by their item_data name ("statistics_note_3") -> the new text (empty
    // for Null). Like Alma's M18, the value replaces the note; the sandbox knows no condition
    // other than Null (every item of the set).
    std::map<std::string, std::string> notes;
    bool forceFailure = false; // the sandbox's own test switch, force_failure=true
};

// The run, or Alma's refusal message in `problem`. `body` is the run request's JSON body
// ({"parameter":[{"name":{"value":..},"value":..}, ...]}).
std::optional<M18Run> readM18Run(const nlohmann::json &body, QString *problem);

} // namespace migdesk::sandbox
