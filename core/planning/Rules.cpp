// Rules loading and validation (see Rules.h). Every error names the file, the line and the
// field, e.g. "rules.json:24: statuses.MISSING.desk[0].type: unknown step type "RETRUN"".
#include "planning/Rules.h"

#include "planning/StepCatalogue.h"

#include "legacy/LegacyStatus.h"
#include "model/JsonUtil.h"
#include "planning/JsonLines.h"

#include <QCoreApplication>
#include <QFile>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rules", text);
}

struct RuleError {
    QString path;
    QString message;
};

bool isComment(const std::string &key)
{
    return !key.empty() && key.front() == '_';
}

} // namespace

// Walks the parsed document; the first error stops the walk.
class RulesReader {
public:
    explicit RulesReader(Rules &rules)
        : m_rules(rules)
    {}

    std::optional<RuleError> read(const nlohmann::json &doc)
    {
        if (!doc.is_object())
            return RuleError{{}, tr("the rules file must be a JSON object")};
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            static const std::vector<std::string> known = {
                "format",      "version", "physical_condition", "missing_strategy", "withdraw",
                "work_orders", "statuses"};
            if (!isComment(it.key()) &&
                std::find(known.begin(), known.end(), it.key()) == known.end())
                return RuleError{json::fromUtf8(it.key()), tr("unknown setting")};
        }
        if (doc.contains("version") &&
            (!doc["version"].is_number_integer() || doc["version"].get<long long>() != 1))
            return RuleError{QStringLiteral("version"), tr("only version 1 is supported")};
        if (auto error = text(doc, "physical_condition", QString(), m_rules.m_conditionCode,
                              QStringLiteral("DAMAGED"), {}))
            return error;
        if (auto error =
                text(doc, "missing_strategy", QString(), m_rules.m_missingStrategy,
                     QStringLiteral("job"), {QStringLiteral("job"), QStringLiteral("put")}))
            return error;
        const QStringList policies = {QStringLiteral("retain"), QStringLiteral("delete"),
                                      QStringLiteral("suppress")};
        m_rules.m_withdrawHoldings = m_rules.m_withdrawBib = QStringLiteral("retain");
        if (doc.contains("withdraw")) {
            const auto &withdraw = doc["withdraw"];
            if (!withdraw.is_object())
                return RuleError{QStringLiteral("withdraw"), tr("must be an object")};
            if (auto error = text(withdraw, "holdings", QStringLiteral("withdraw"),
                                  m_rules.m_withdrawHoldings, QStringLiteral("retain"), policies))
                return error;
            if (auto error = text(withdraw, "bib", QStringLiteral("withdraw"),
                                  m_rules.m_withdrawBib, QStringLiteral("retain"), policies))
                return error;
        }
        if (doc.contains("work_orders")) {
            if (auto error = readWorkOrders(doc["work_orders"]))
                return error;
        }
        if (!doc.contains("statuses"))
            return RuleError{QStringLiteral("statuses"), tr("missing: the rules per status")};
        return readStatuses(doc["statuses"]);
    }

private:
    static QString join(const QString &parent, const QString &key)
    {
        return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
    }
    static QString index(const QString &parent, std::size_t i)
    {
        return parent + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
    }

    std::optional<RuleError> text(const nlohmann::json &object, const char *key,
                                  const QString &parent, QString &out, const QString &fallback,
                                  const QStringList &allowed)
    {
        const QString path = join(parent, QLatin1String(key));
        if (!object.contains(key)) {
            out = fallback;
            return std::nullopt;
        }
        const auto &value = object[key];
        if (!value.is_string())
            return RuleError{path, tr("must be a text value")};
        out = json::fromUtf8(value.get<std::string>()).trimmed();
        if (!allowed.isEmpty() && !allowed.contains(out))
            return RuleError{
                path, tr("\"%1\" is not one of: %2").arg(out, allowed.join(QStringLiteral(", ")))};
        if (allowed.isEmpty() && out.isEmpty())
            return RuleError{path, tr("must not be empty")};
        return std::nullopt;
    }

    // Walks one status-keyed section ("work_orders", "statuses"): skips comment keys, checks that
    // the section is an object, every key a legacy status id and every value an object, then
    // hands each entry to `read(id, path, value)`. `sectionShape` and `entryShape` are the
    // messages for a section or an entry that is not an object.
    template <typename ReadEntry>
    std::optional<RuleError> forEachStatus(const nlohmann::json &section, const QString &base,
                                           const QString &sectionShape, const QString &entryShape,
                                           ReadEntry read)
    {
        if (!section.is_object())
            return RuleError{base, sectionShape};
        for (auto it = section.begin(); it != section.end(); ++it) {
            if (isComment(it.key()))
                continue;
            const QString id = json::fromUtf8(it.key());
            const QString path = join(base, id);
            if (!isLegacyStatusId(id))
                return RuleError{path, tr("unknown legacy status \"%1\"").arg(id)};
            if (!it->is_object())
                return RuleError{path, entryShape};
            if (auto error = read(id, path, *it))
                return error;
        }
        return std::nullopt;
    }

    std::optional<RuleError> readWorkOrders(const nlohmann::json &orders)
    {
        return forEachStatus(
            orders, QStringLiteral("work_orders"),
            tr("must be an object of status: {department, type}"),
            tr("must be an object with department and type"),
            [this](const QString &id, const QString &path,
                   const nlohmann::json &entry) -> std::optional<RuleError> {
                WorkOrderTarget target;
                if (auto error = optionalText(entry, "department", path, target.department))
                    return error;
                if (auto error = optionalText(entry, "type", path, target.type))
                    return error;
                if (target.department.isEmpty() != target.type.isEmpty())
                    return RuleError{path, tr("give both department and type, or neither")};
                m_rules.m_workOrders.insert(id, target);
                return std::nullopt;
            });
    }

    std::optional<RuleError> optionalText(const nlohmann::json &object, const char *key,
                                          const QString &parent, QString &out)
    {
        if (!object.contains(key) || object[key].is_null())
            return std::nullopt;
        if (!object[key].is_string())
            return RuleError{join(parent, QLatin1String(key)), tr("must be a text value")};
        out = json::fromUtf8(object[key].get<std::string>()).trimmed();
        return std::nullopt;
    }

    std::optional<RuleError> readStatuses(const nlohmann::json &statuses)
    {
        return forEachStatus(
            statuses, QStringLiteral("statuses"),
            tr("must be an object of status: {desk, followup}"),
            tr("must be an object with desk and followup"),
            [this](const QString &id, const QString &path,
                   const nlohmann::json &entry) -> std::optional<RuleError> {
                for (auto field = entry.begin(); field != entry.end(); ++field) {
                    if (!isComment(field.key()) && field.key() != "desk" &&
                        field.key() != "followup")
                        return RuleError{join(path, json::fromUtf8(field.key())),
                                         tr("unknown context (use desk or followup)")};
                }
                for (const char *mode : {"desk", "followup"}) {
                    const QString modePath = join(path, QLatin1String(mode));
                    if (!entry.contains(mode))
                        return RuleError{modePath, tr("missing")};
                    RuleCase ruleCase;
                    if (auto error = readCase(entry[mode], modePath, ruleCase))
                        return error;
                    (QLatin1String(mode) == QLatin1String("desk") ? m_rules.m_desk
                                                                  : m_rules.m_followup)
                        .insert(id, ruleCase);
                }
                return std::nullopt;
            });
    }

    std::optional<RuleError> readCase(const nlohmann::json &value, const QString &path,
                                      RuleCase &out)
    {
        if (value.is_array()) {
            if (auto error = readSteps(value, path, out.withLoan, true))
                return error;
            out.withoutLoan = out.withLoan;
            return std::nullopt;
        }
        if (!value.is_object())
            return RuleError{path, tr("must be a list of steps or {with_loan, without_loan}")};
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!isComment(it.key()) && it.key() != "with_loan" && it.key() != "without_loan")
                return RuleError{join(path, json::fromUtf8(it.key())),
                                 tr("unknown key (use with_loan or without_loan)")};
        }
        for (const char *key : {"with_loan", "without_loan"}) {
            const QString keyPath = join(path, QLatin1String(key));
            if (!value.contains(key))
                return RuleError{keyPath, tr("missing")};
            if (auto error =
                    readSteps(value[key], keyPath,
                              QLatin1String(key) == QLatin1String("with_loan") ? out.withLoan
                                                                               : out.withoutLoan,
                              true))
                return error;
        }
        return std::nullopt;
    }

    std::optional<RuleError> readSteps(const nlohmann::json &value, const QString &path,
                                       std::vector<RuleStep> &out, bool allowDecide)
    {
        if (!value.is_array())
            return RuleError{path, tr("must be a list of steps")};
        if (value.empty())
            return RuleError{path, tr("needs at least one step")};
        for (std::size_t i = 0; i < value.size(); ++i) {
            RuleStep step;
            if (auto error = readStep(value[i], index(path, i), step, allowDecide))
                return error;
            out.push_back(std::move(step));
        }
        return std::nullopt;
    }

    std::optional<RuleError> readStep(const nlohmann::json &value, const QString &path,
                                      RuleStep &step, bool allowDecide)
    {
        if (!value.is_object())
            return RuleError{path, tr("a step must be an object such as {\"type\": \"RETURN\"}")};
        if (!value.contains("type") || !value["type"].is_string())
            return RuleError{join(path, QStringLiteral("type")), tr("missing step type")};
        const QString name = json::fromUtf8(value["type"].get<std::string>());
        const auto type = stepTypeFromName(name);
        if (!type)
            return RuleError{join(path, QStringLiteral("type")),
                             tr("unknown step type \"%1\"").arg(name)};
        step.type = *type;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string &key = it.key();
            const auto &keys = stepKind(step.type).ruleKeys;
            const bool allowed =
                key == "type" || isComment(key) ||
                std::any_of(keys.begin(), keys.end(), [&key](const char *k) { return key == k; });
            if (!allowed)
                return RuleError{join(path, json::fromUtf8(key)),
                                 tr("not allowed for a %1 step").arg(name)};
        }
        if (step.type == StepType::WorkOrder && value.contains("fallback")) {
            if (auto error = readSteps(value["fallback"], join(path, QStringLiteral("fallback")),
                                       step.fallback, false))
                return error;
        }
        if (step.type == StepType::SetFulfillmentNote) {
            if (auto error = optionalText(value, "note", path, step.fulfillmentNote))
                return error;
        }
        if (step.type == StepType::SetTempLocation) {
            if (auto error = readTempLocationRule(value, step.tempLocation))
                return RuleError{join(path, error->key), error->message};
        }
        if (step.type == StepType::Return && value.contains("confirm_loan")) {
            if (!value["confirm_loan"].is_boolean())
                return RuleError{join(path, QStringLiteral("confirm_loan")),
                                 tr("must be true or false")};
            step.confirmLoan = value["confirm_loan"].get<bool>();
        }
        if (step.type == StepType::Decide) {
            if (!allowDecide)
                return RuleError{path, tr("a DECIDE step cannot sit inside another step")};
            return readDecide(value, path, step);
        }
        return std::nullopt;
    }

    std::optional<RuleError> readDecide(const nlohmann::json &value, const QString &path,
                                        RuleStep &step)
    {
        const QString choicesPath = join(path, QStringLiteral("choices"));
        if (!value.contains("choices") || !value["choices"].is_array() ||
            value["choices"].size() < 2)
            return RuleError{choicesPath, tr("a DECIDE step needs at least two choices")};
        const auto &choices = value["choices"];
        for (std::size_t i = 0; i < choices.size(); ++i) {
            const QString choicePath = index(choicesPath, i);
            const auto &choice = choices[i];
            if (!choice.is_object() || !choice.contains("key") || !choice["key"].is_string())
                return RuleError{join(choicePath, QStringLiteral("key")),
                                 tr("each choice needs a key such as \"return\"")};
            RuleStep::RuleChoice parsed;
            parsed.key = json::fromUtf8(choice["key"].get<std::string>()).trimmed();
            if (parsed.key.isEmpty())
                return RuleError{join(choicePath, QStringLiteral("key")), tr("must not be empty")};
            for (const auto &other : step.choices) {
                if (other.key == parsed.key)
                    return RuleError{join(choicePath, QStringLiteral("key")),
                                     tr("duplicate choice \"%1\"").arg(parsed.key)};
            }
            if (!choice.contains("steps"))
                return RuleError{join(choicePath, QStringLiteral("steps")), tr("missing")};
            if (auto error = readSteps(choice["steps"], join(choicePath, QStringLiteral("steps")),
                                       parsed.steps, false))
                return error;
            step.choices.push_back(std::move(parsed));
        }
        step.defaultChoice = step.choices.front().key;
        if (value.contains("default")) {
            const QString defaultPath = join(path, QStringLiteral("default"));
            if (!value["default"].is_string())
                return RuleError{defaultPath, tr("must be the key of one choice")};
            step.defaultChoice = json::fromUtf8(value["default"].get<std::string>()).trimmed();
            const bool found = std::any_of(
                step.choices.begin(), step.choices.end(),
                [&step](const RuleStep::RuleChoice &c) { return c.key == step.defaultChoice; });
            if (!found)
                return RuleError{defaultPath,
                                 tr("\"%1\" is not the key of a choice").arg(step.defaultChoice)};
        }
        return std::nullopt;
    }

    Rules &m_rules;
};

Rules Rules::defaults()
{
    static const Rules shipped = [] {
        QFile file(QStringLiteral(":/rules/default.json"));
        if (file.open(QIODevice::ReadOnly)) {
            auto result = Rules::fromJson(file.readAll(), QStringLiteral(":/rules/default.json"));
            if (result.isOk())
                return result.value();
            qWarning("MigDesk: the shipped rules are invalid: %s",
                     qPrintable(result.error().message));
        }
        // Without rules every status needs review: safe, never a guess.
        Rules empty;
        empty.m_sourceName = QStringLiteral(":/rules/default.json");
        empty.m_conditionCode = QStringLiteral("DAMAGED");
        empty.m_missingStrategy = QStringLiteral("job");
        empty.m_withdrawHoldings = empty.m_withdrawBib = QStringLiteral("retain");
        return empty;
    }();
    return shipped;
}

Result<Rules> Rules::fromJson(const QByteArray &text, const QString &sourceName)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text.constData(), text.constData() + text.size());
    } catch (const nlohmann::json::parse_error &error) {
        int line = 1;
        int column = 1;
        lineAndColumn(text, error.byte > 0 ? error.byte - 1 : 0, line, column);
        return Result<Rules>::fail(
            ApiError::make(ErrorKind::Validation,
                           QCoreApplication::translate("Rules", "%1:%2:%3: not valid JSON (%4)")
                               .arg(sourceName)
                               .arg(line)
                               .arg(column)
                               .arg(QString::fromUtf8(error.what()))));
    } catch (const nlohmann::json::exception &error) {
        // Valid syntax that nlohmann cannot hold, e.g. a number beyond double's range.
        return Result<Rules>::fail(ApiError::make(
            ErrorKind::Validation, QCoreApplication::translate("Rules", "%1: not usable JSON (%2)")
                                       .arg(sourceName, QString::fromUtf8(error.what()))));
    }
    Rules rules;
    rules.m_sourceName = sourceName;
    RulesReader reader(rules);
    std::optional<RuleError> readError;
    try {
        readError = reader.read(doc);
    } catch (const std::exception &error) {
        // The reader checks types before reading; this is the last line of defence.
        return Result<Rules>::fail(ApiError::make(
            ErrorKind::Validation, QCoreApplication::translate("Rules", "%1: %2")
                                       .arg(sourceName, QString::fromUtf8(error.what()))));
    }
    if (auto error = readError) {
        const JsonLineIndex lines(text);
        const QString where =
            error->path.isEmpty() ? QString() : error->path + QStringLiteral(": ");
        return Result<Rules>::fail(ApiError::make(
            ErrorKind::Validation, QCoreApplication::translate("Rules", "%1:%2: %3%4")
                                       .arg(sourceName)
                                       .arg(lines.lineOf(error->path))
                                       .arg(where, error->message)));
    }
    return Result<Rules>::ok(std::move(rules));
}

Result<Rules> Rules::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Rules>::fail(ApiError::make(
            ErrorKind::Validation, QCoreApplication::translate("Rules", "%1: cannot read (%2)")
                                       .arg(path, file.errorString())));
    return fromJson(file.readAll(), path);
}

WorkOrderTarget Rules::workOrder(const QString &statusId) const
{
    return m_workOrders.value(statusId);
}

const RuleCase *Rules::ruleFor(const QString &statusId, WorkMode mode) const
{
    const auto &table = mode == WorkMode::Desk ? m_desk : m_followup;
    const auto it = table.constFind(statusId);
    return it == table.constEnd() ? nullptr : &it.value();
}

Rules Rules::withOverrides(const RuleOverrides &overrides) const
{
    Rules copy = *this;
    const QString code = overrides.conditionCode.trimmed();
    if (!code.isEmpty())
        copy.m_conditionCode = code;
    if (!overrides.missingStrategy.trimmed().isEmpty())
        copy.m_missingStrategy = overrides.missingStrategy.trimmed();
    if (!overrides.withdrawHoldings.trimmed().isEmpty())
        copy.m_withdrawHoldings = overrides.withdrawHoldings.trimmed();
    if (!overrides.withdrawBib.trimmed().isEmpty())
        copy.m_withdrawBib = overrides.withdrawBib.trimmed();
    for (auto it = overrides.workOrders.constBegin(); it != overrides.workOrders.constEnd(); ++it) {
        const WorkOrderTarget target{it.value().department.trimmed(), it.value().type.trimmed()};
        if (target.isConfigured())
            copy.m_workOrders.insert(it.key(), target);
    }
    for (auto it = overrides.reviewHandling.constBegin(); it != overrides.reviewHandling.constEnd();
         ++it) {
        if (it.value().method != ReviewMethod::Rules)
            applyReviewHandling(copy.m_desk[it.key()], it.value());
    }
    return copy;
}

std::vector<TempLocationTarget> Rules::reviewTempLocations() const
{
    std::vector<TempLocationTarget> out;
    auto add = [&out](const std::vector<RuleStep> &steps, const auto &self) -> void {
        for (const RuleStep &step : steps) {
            if (step.type == StepType::SetTempLocation &&
                std::find(out.begin(), out.end(), step.tempLocation) == out.end())
                out.push_back(step.tempLocation);
            self(step.fallback, self);
            for (const auto &choice : step.choices)
                self(choice.steps, self);
        }
    };
    for (const auto *table : {&m_desk, &m_followup}) {
        for (const RuleCase &rule : *table) {
            add(rule.withLoan, add);
            add(rule.withoutLoan, add);
        }
    }
    return out;
}

RulesLoad loadRulesOrDefaults(const QString &path)
{
    if (path.trimmed().isEmpty())
        return {Rules::defaults(), {}};
    auto result = Rules::loadFile(path);
    if (result.isOk())
        return {result.value(), {}};
    return {Rules::defaults(),
            QCoreApplication::translate("Rules", "Using the shipped rules instead: %1")
                .arg(result.error().message)};
}

} // namespace migdesk
