// JobTemplate: how to run the library's "Change Physical Items" job through the API. The shipped
// default is the job every public client runs, M18, with its parameter triples
// (<FIELD>_selected / _value / _condition) for MISSING_STATUS and PHYSICAL_CONDITION. An
// institution whose Alma differs copies the job id and parameters from the Run-a-Job wizard's
// "API information" step into a JSON template with placeholders ({set_id}, {missing_selected},
// ...), which this class validates (with precise messages) and fills in for one run.
#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace migdesk {

// What a bulk run sets on every member of the set.
enum class BulkAction {
    Missing, // process type MISSING
    Damaged, // physical condition (the library's Damaged code)
};

QString bulkActionName(BulkAction action); // "MISSING" | "DAMAGED"
// Case-insensitive; std::nullopt for anything else.
std::optional<BulkAction> bulkActionFromName(const QString &name);
// Translated ("Missing", "Damaged").
QString bulkActionLabel(BulkAction action);

// The values a template's placeholders are replaced with for one run.
struct JobValues {
    QString setId;     // {set_id}
    QString setName;   // {set_name}
    QString status;    // {status}: the process type to set ("MISSING"), empty for Damaged
    QString condition; // {condition}: the physical condition code, empty for Missing
    QString action;    // {action}: "MISSING" | "DAMAGED"
    // {condition_code}: the library's Damaged condition code, whatever the action.
    QString conditionCode;
    // The resolution stamp the job writes (empty field: none): the note field's triple
    // (INTERNAL_NOTE_2_selected = true, _value = the line, _condition = Null) is set in the run
    // body whatever the template says of that field. M18 sets the value: the runner hands the
    // job only items whose field is empty (BulkRunner).
    QString stampField; // "statistics_note_3"
    QString stampText;

    // {missing_selected} / {condition_selected}: "true" for the field this run changes, else
    // "false" (the values of M18's <FIELD>_selected parameters).
    QString missingSelected() const;
    QString conditionSelected() const;
};

class JobTemplate {
public:
    // The placeholders a template may use, without braces: set_id, set_name, status, condition,
    // action, condition_code, missing_selected, condition_selected.
    static QStringList knownPlaceholders();

    // Parses and validates a template. Any problem is an ErrorKind::Validation error whose
    // message names the place (line and column, parameter number and name) and the fix.
    // `sourceName` (a file name, "settings") prefixes the message when given.
    static Result<JobTemplate> parse(const QByteArray &text, const QString &sourceName = {});
    static Result<JobTemplate> loadFile(const QString &path);

    // The shipped default: Change Physical Items, M18, with MISSING_STATUS_selected =
    // {missing_selected}, _value = MISSING, _condition = Null; PHYSICAL_CONDITION_selected =
    // {condition_selected}, _value = {condition_code}, _condition = Null; set_id = {set_id};
    // job_name naming the set. The sandbox's job speaks the same vocabulary.
    static JobTemplate changePhysicalItems();
    // The same, as the indented JSON shown in the settings for editing.
    static QString changePhysicalItemsText();

    QString jobId() const { return m_jobId; }
    // The job's name when the template gives one ("name"), else the job id.
    QString displayName() const { return m_name.isEmpty() ? m_jobId : m_name; }
    // The placeholders the template uses, without braces, sorted.
    QStringList placeholders() const { return m_placeholders; }
    bool uses(const QString &placeholder) const { return m_placeholders.contains(placeholder); }
    // The parameter names, in template order.
    QStringList parameterNames() const;

    // Problems that make this template unable to do `action` (empty when it can): a Missing
    // run needs {status}, {missing_selected} or a literal MISSING value; a Damaged run needs
    // {condition}, {condition_selected}, {condition_code} or a literal `conditionCode` value.
    // Translated, one sentence each.
    QStringList problemsFor(BulkAction action, const QString &conditionCode) const;

    // The body of POST /conf/jobs/{job_id}?op=run: {"parameter":[{"name":{"value":..},
    // "value":..}, ...]} with every placeholder replaced, plus the stamp's triple (JobValues).
    nlohmann::json runBody(const JobValues &values) const;
    // The normalised template (names as {"value": ...}), for settings.
    QByteArray toJson() const;

private:
    QString m_jobId;
    QString m_name;
    nlohmann::json m_parameters = nlohmann::json::array(); // normalised
    QStringList m_placeholders;
};

} // namespace migdesk
