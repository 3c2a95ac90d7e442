// Parsing, validating and filling in job templates (see JobTemplate.h).
#include "bulk/JobTemplate.h"

#include "model/JsonUtil.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <set>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobTemplate", text);
}

ApiError invalid(const QString &sourceName, const QString &message)
{
    const QString text = sourceName.isEmpty() ? message : tr("%1: %2").arg(sourceName, message);
    return ApiError::make(ErrorKind::Validation, text);
}

// Line and column (1-based) of a byte offset in `text`.
std::pair<int, int> lineColumn(const QByteArray &text, std::size_t byteOffset)
{
    int line = 1;
    int column = 1;
    const auto end = std::min<std::size_t>(byteOffset, static_cast<std::size_t>(text.size()));
    for (std::size_t i = 0; i + 1 < end; ++i) {
        if (text.at(static_cast<qsizetype>(i)) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

QString braced(const QStringList &names)
{
    QStringList out;
    for (const QString &name : names)
        out << QLatin1Char('{') + name + QLatin1Char('}');
    return out.join(QStringLiteral(", "));
}

// Finds the placeholders in one value; on a malformed or unknown one returns its message.
std::optional<QString> scanPlaceholders(const QString &value, QStringList &found)
{
    const QStringList known = JobTemplate::knownPlaceholders();
    qsizetype pos = 0;
    while ((pos = value.indexOf(QLatin1Char('{'), pos)) >= 0) {
        const qsizetype close = value.indexOf(QLatin1Char('}'), pos + 1);
        if (close < 0)
            return tr("the '{' at character %1 is never closed").arg(pos + 1);
        const QString name = value.mid(pos + 1, close - pos - 1);
        if (!known.contains(name)) {
            return tr("unknown placeholder {%1}; the known ones are %2").arg(name, braced(known));
        }
        if (!found.contains(name))
            found << name;
        pos = close + 1;
    }
    return std::nullopt;
}

// One pass, so a value that itself holds braces (a session name) is never replaced again.
QString fill(const QString &value, const JobValues &values)
{
    const std::pair<const char *, QString> replacements[] = {
        {"set_id", values.setId},
        {"set_name", values.setName},
        {"status", values.status},
        {"condition", values.condition},
        {"action", values.action},
        {"condition_code", values.conditionCode},
        {"missing_selected", values.missingSelected()},
        {"condition_selected", values.conditionSelected()}};
    QString out;
    qsizetype pos = 0;
    while (pos < value.size()) {
        const qsizetype open = value.indexOf(QLatin1Char('{'), pos);
        const qsizetype close = open < 0 ? -1 : value.indexOf(QLatin1Char('}'), open + 1);
        if (close < 0) {
            out += value.mid(pos);
            break;
        }
        out += value.mid(pos, open - pos);
        const QString name = value.mid(open + 1, close - open - 1);
        bool replaced = false;
        for (const auto &[key, text] : replacements) {
            if (name == QLatin1String(key)) {
                out += text;
                replaced = true;
            }
        }
        if (!replaced)
            out += value.mid(open, close - open + 1);
        pos = close + 1;
    }
    return out;
}

QString jobIdFromUrl(const QString &url)
{
    static const QRegularExpression pattern(QStringLiteral("/conf/jobs/([^/?#]+)"));
    const auto match = pattern.match(url);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

QString JobValues::missingSelected() const
{
    return action == QLatin1String("MISSING") ? QStringLiteral("true") : QStringLiteral("false");
}

QString JobValues::conditionSelected() const
{
    return action == QLatin1String("DAMAGED") ? QStringLiteral("true") : QStringLiteral("false");
}

QString bulkActionName(BulkAction action)
{
    return action == BulkAction::Missing ? QStringLiteral("MISSING") : QStringLiteral("DAMAGED");
}

std::optional<BulkAction> bulkActionFromName(const QString &name)
{
    const QString key = name.trimmed().toUpper();
    if (key == QLatin1String("MISSING"))
        return BulkAction::Missing;
    if (key == QLatin1String("DAMAGED"))
        return BulkAction::Damaged;
    return std::nullopt;
}

QString bulkActionLabel(BulkAction action)
{
    return action == BulkAction::Missing ? tr("Missing") : tr("Damaged");
}

QStringList JobTemplate::knownPlaceholders()
{
    return {QStringLiteral("set_id"),           QStringLiteral("set_name"),
            QStringLiteral("status"),           QStringLiteral("condition"),
            QStringLiteral("action"),           QStringLiteral("condition_code"),
            QStringLiteral("missing_selected"), QStringLiteral("condition_selected")};
}

Result<JobTemplate> JobTemplate::parse(const QByteArray &text, const QString &sourceName)
{
    if (text.trimmed().isEmpty())
        return Result<JobTemplate>::fail(invalid(sourceName, tr("the job template is empty")));
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text.constData(), text.constData() + text.size());
    } catch (const nlohmann::json::parse_error &e) {
        const auto [line, column] = lineColumn(text, e.byte);
        return Result<JobTemplate>::fail(
            invalid(sourceName, tr("the job template is not valid JSON (line %1, column %2): %3")
                                    .arg(line)
                                    .arg(column)
                                    .arg(QString::fromUtf8(e.what()))));
    } catch (const nlohmann::json::exception &e) {
        // Valid syntax that nlohmann cannot hold, e.g. a number beyond double's range.
        return Result<JobTemplate>::fail(
            invalid(sourceName, tr("the job template holds a value that cannot be read: %1")
                                    .arg(QString::fromUtf8(e.what()))));
    }
    auto fail = [&](const QString &message) {
        return Result<JobTemplate>::fail(invalid(sourceName, message));
    };
    if (!doc.is_object())
        return fail(tr("the job template must be a JSON object ({ ... }), with \"job_id\" and "
                       "\"parameter\""));

    JobTemplate result;
    result.m_jobId = json::str(doc, "job_id").trimmed();
    if (result.m_jobId.isEmpty()) {
        for (const char *key : {"url", "path"}) {
            if (doc.contains(key))
                result.m_jobId = jobIdFromUrl(json::str(doc, key));
        }
    }
    if (result.m_jobId.isEmpty()) {
        if (doc.contains("jobId") || doc.contains("id") || doc.contains("job"))
            return fail(tr("name the job with the key \"job_id\" (for example \"job_id\": "
                           "\"M18\")"));
        return fail(tr("the job template has no \"job_id\": copy the job id from the Run-a-Job "
                       "wizard's API information (the part after /conf/jobs/ in its URL)"));
    }
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    if (!idPattern.match(result.m_jobId).hasMatch())
        return fail(tr("the job id \"%1\" is not a job id: use only letters, digits, '_', '-' "
                       "and '.' (placeholders are not allowed there)")
                        .arg(result.m_jobId));
    result.m_name = json::str(doc, "name").trimmed();

    const nlohmann::json *parameters = nullptr;
    if (doc.contains("parameter"))
        parameters = &doc["parameter"];
    else if (doc.contains("job_parameters"))
        parameters = &doc["job_parameters"];
    if (!parameters) {
        if (doc.contains("parameters"))
            return fail(tr("use the key \"parameter\" (singular, as Alma writes it), not "
                           "\"parameters\""));
        return fail(tr("the job template has no \"parameter\" list"));
    }
    if (!parameters->is_array())
        return fail(tr("\"parameter\" must be a list ([ ... ]) of {\"name\": ..., \"value\": "
                       "...} objects"));
    if (parameters->empty())
        return fail(tr("the \"parameter\" list is empty: the job needs at least {set_id}"));

    std::set<QString> names;
    int index = 0;
    for (const nlohmann::json &parameter : *parameters) {
        ++index;
        if (!parameter.is_object())
            return fail(
                tr("parameter %1 must be an object with \"name\" and \"value\"").arg(index));
        QString name;
        if (parameter.contains("name") && parameter["name"].is_object())
            name = json::str(parameter["name"], "value").trimmed();
        else
            name = json::str(parameter, "name").trimmed();
        if (name.isEmpty())
            return fail(
                tr("parameter %1 has no name (write \"name\": {\"value\": \"...\"})").arg(index));
        if (name.contains(QLatin1Char('{')))
            return fail(tr("parameter %1: the name \"%2\" holds a placeholder; Alma fixes the "
                           "names, placeholders go in values")
                            .arg(index)
                            .arg(name));
        if (!names.insert(name).second)
            return fail(tr("parameter %1: the name \"%2\" appears twice").arg(index).arg(name));
        if (!parameter.contains("value"))
            return fail(tr("parameter %1 (\"%2\") has no \"value\"").arg(index).arg(name));
        if (!parameter["value"].is_string())
            return fail(tr("parameter %1 (\"%2\"): the value must be text in quotes, for "
                           "example \"true\" or \"{set_id}\"")
                            .arg(index)
                            .arg(name));
        const QString value = json::fromUtf8(parameter["value"].get<std::string>());
        if (auto problem = scanPlaceholders(value, result.m_placeholders))
            return fail(tr("parameter %1 (\"%2\"): %3").arg(index).arg(name, *problem));
        result.m_parameters.push_back(
            {{"name", {{"value", json::utf8(name)}}}, {"value", json::utf8(value)}});
    }
    if (!result.m_placeholders.contains(QStringLiteral("set_id")))
        return fail(tr("no parameter uses {set_id}: put {set_id} where the API information shows "
                       "the set's id, or the job would not know which set to change"));
    result.m_placeholders.sort();
    return Result<JobTemplate>::ok(std::move(result));
}

Result<JobTemplate> JobTemplate::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<JobTemplate>::fail(ApiError::make(
            ErrorKind::Validation,
            tr("cannot read the job template %1: %2").arg(path, file.errorString())));
    }
    return parse(file.readAll(), QFileInfo(path).fileName());
}

JobTemplate JobTemplate::changePhysicalItems()
{
    auto parameter = [](const char *name, const char *value) {
        return nlohmann::json{{"name", {{"value", name}}}, {"value", value}};
    };
    const nlohmann::json doc = {
        {"job_id", "M18"},
        {"name", "Change Physical items"},
        {"parameter",
         {parameter("MISSING_STATUS_selected", "{missing_selected}"),
          parameter("MISSING_STATUS_value", "MISSING"),
          parameter("MISSING_STATUS_condition", "Null"),
          parameter("PHYSICAL_CONDITION_selected", "{condition_selected}"),
          parameter("PHYSICAL_CONDITION_value", "{condition_code}"),
          parameter("PHYSICAL_CONDITION_condition", "Null"), parameter("set_id", "{set_id}"),
          parameter("job_name", "Change Physical items: {set_name}")}}};
    const std::string text = doc.dump();
    return parse(QByteArray::fromStdString(text)).value();
}

QString JobTemplate::changePhysicalItemsText()
{
    // One parameter a line, as the Run-a-Job wizard lists them.
    const JobTemplate m18 = changePhysicalItems();
    QStringList lines;
    for (const auto &parameter : m18.m_parameters)
        lines << QStringLiteral("    ") + json::fromUtf8(parameter.dump());
    return QStringLiteral(
               "{\n  \"job_id\": \"%1\",\n  \"name\": \"%2\",\n  \"parameter\": [\n%3\n  ]\n}\n")
        .arg(m18.m_jobId, m18.m_name, lines.join(QStringLiteral(",\n")));
}

QStringList JobTemplate::parameterNames() const
{
    QStringList names;
    for (const auto &parameter : m_parameters)
        names << json::fromUtf8(parameter["name"]["value"].get<std::string>());
    return names;
}

QStringList JobTemplate::problemsFor(BulkAction action, const QString &conditionCode) const
{
    auto hasLiteral = [this](const QString &literal) {
        for (const auto &parameter : m_parameters) {
            if (json::fromUtf8(parameter["value"].get<std::string>())
                    .compare(literal, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QStringList problems;
    if (action == BulkAction::Missing && !uses(QStringLiteral("status")) &&
        !uses(QStringLiteral("action")) && !uses(QStringLiteral("missing_selected")) &&
        !hasLiteral(QStringLiteral("MISSING"))) {
        problems << tr("The job template for %1 does not set a Missing status: use "
                       "{missing_selected} in MISSING_STATUS_selected (or {status}, or the value "
                       "MISSING, in the parameter that sets the process type).")
                        .arg(displayName());
    }
    if (action == BulkAction::Damaged && !uses(QStringLiteral("condition")) &&
        !uses(QStringLiteral("action")) && !uses(QStringLiteral("condition_selected")) &&
        !uses(QStringLiteral("condition_code")) &&
        (conditionCode.isEmpty() || !hasLiteral(conditionCode))) {
        problems << tr("The job template for %1 does not set a physical condition: use "
                       "{condition_selected} in PHYSICAL_CONDITION_selected (or {condition}, or "
                       "the value %2, in the parameter that sets it).")
                        .arg(displayName(), conditionCode);
    }
    return problems;
}

nlohmann::json JobTemplate::runBody(const JobValues &values) const
{
    nlohmann::json parameters = nlohmann::json::array();
    for (const auto &parameter : m_parameters) {
        nlohmann::json filled = parameter;
        filled["value"] =
            json::utf8(fill(json::fromUtf8(parameter["value"].get<std::string>()), values));
        parameters.push_back(std::move(filled));
    }
    if (!values.stampField.isEmpty()) {
        // The stamp's triple (<FIELD>_selected/_value/_condition): the template's own
        // parameters of that name take the values, the missing ones are added.
        const QString field = values.stampField.toUpper();
        const std::pair<QString, QString> triple[] = {
            {field + QStringLiteral("_selected"), QStringLiteral("true")},
            {field + QStringLiteral("_value"), values.stampText},
            {field + QStringLiteral("_condition"), QStringLiteral("Null")}};
        for (const auto &[name, value] : triple) {
            const std::string key = json::utf8(name);
            bool found = false;
            for (auto &parameter : parameters) {
                if (parameter["name"].value("value", std::string()) == key) {
                    parameter["value"] = json::utf8(value);
                    found = true;
                }
            }
            if (!found)
                parameters.push_back({{"name", {{"value", key}}}, {"value", json::utf8(value)}});
        }
    }
    return {{"parameter", std::move(parameters)}};
}

QByteArray JobTemplate::toJson() const
{
    nlohmann::json doc = {{"job_id", json::utf8(m_jobId)}, {"parameter", m_parameters}};
    if (!m_name.isEmpty())
        doc["name"] = json::utf8(m_name);
    return QByteArray::fromStdString(doc.dump(2));
}

} // namespace migdesk
