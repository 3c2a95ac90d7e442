// Batch report rows and CSV (see BatchReport.h).
#include "batch/BatchReport.h"

#include "model/JsonUtil.h"
#include "util/Csv.h"

#include <QSaveFile>

namespace migdesk {

using json::fromUtf8;
using json::utf8;

bool BatchRow::isSuccess() const
{
    switch (outcome) {
    case Outcome::Done:
    case Outcome::NeedsStaff:
    case Outcome::TransitOrHold:
    case Outcome::Skipped:
    case Outcome::DryRun:
    case Outcome::StillMigration:
        return true;
    default:
        return false;
    }
}

namespace {

nlohmann::json list(const QStringList &values)
{
    auto array = nlohmann::json::array();
    for (const auto &value : values)
        array.push_back(utf8(value));
    return array;
}

QStringList list(const nlohmann::json &array)
{
    QStringList values;
    if (array.is_array()) {
        for (const auto &value : array) {
            if (value.is_string())
                values << fromUtf8(value.get<std::string>());
        }
    }
    return values;
}

} // namespace

nlohmann::json batchRowToJson(const BatchRow &row)
{
    return {{"barcode", utf8(row.barcode)},
            {"title", utf8(row.title)},
            {"call_number", utf8(row.callNumber)},
            {"statuses", list(row.statusIds)},
            {"steps", list(row.plannedSteps)},
            {"outcome", utf8(outcomeName(row.outcome))},
            {"message", utf8(row.message)},
            {"alma_sentence", utf8(row.almaSentence)},
            {"error_code", utf8(row.errorCode)},
            {"error_message", utf8(row.errorMessage)},
            {"before_process_type", utf8(row.beforeProcessType)},
            {"after_process_type", utf8(row.afterProcessType)},
            {"before_condition", utf8(row.beforeCondition)},
            {"after_condition", utf8(row.afterCondition)},
            {"calls", row.calls},
            {"operator", utf8(row.operatorName)}};
}

BatchRow batchRowFromJson(const nlohmann::json &j)
{
    BatchRow row;
    if (!j.is_object())
        return row;
    row.barcode = json::str(j, "barcode");
    row.title = json::str(j, "title");
    row.callNumber = json::str(j, "call_number");
    row.statusIds = list(j.value("statuses", nlohmann::json::array()));
    row.plannedSteps = list(j.value("steps", nlohmann::json::array()));
    row.outcome = outcomeFromName(json::str(j, "outcome")).value_or(Outcome::Pending);
    row.message = json::str(j, "message");
    row.almaSentence = json::str(j, "alma_sentence");
    row.errorCode = json::str(j, "error_code");
    row.errorMessage = json::str(j, "error_message");
    row.beforeProcessType = json::str(j, "before_process_type");
    row.afterProcessType = json::str(j, "after_process_type");
    row.beforeCondition = json::str(j, "before_condition");
    row.afterCondition = json::str(j, "after_condition");
    row.calls = j.value("calls", 0);
    row.operatorName = json::str(j, "operator");
    return row;
}

QStringList batchReportHeader()
{
    return {QStringLiteral("Barcode"),
            QStringLiteral("Title"),
            QStringLiteral("Call number"),
            QStringLiteral("Legacy statuses"),
            QStringLiteral("Planned steps"),
            QStringLiteral("Outcome"),
            QStringLiteral("Message"),
            QStringLiteral("Alma destination"),
            QStringLiteral("Error code"),
            QStringLiteral("Error message"),
            QStringLiteral("Process type before"),
            QStringLiteral("Process type after"),
            QStringLiteral("Condition before"),
            QStringLiteral("Condition after"),
            QStringLiteral("Operator")};
}

QStringList batchReportFields(const BatchRow &row)
{
    return {row.barcode,
            row.title,
            row.callNumber,
            row.statusIds.join(QLatin1Char(' ')),
            row.plannedSteps.join(QLatin1Char(' ')),
            outcomeName(row.outcome),
            row.message,
            row.almaSentence,
            row.errorCode,
            row.errorMessage,
            row.beforeProcessType,
            row.afterProcessType,
            row.beforeCondition,
            row.afterCondition,
            row.operatorName};
}

QByteArray batchReportCsv(const std::vector<BatchRow> &rows)
{
    // Staff open the report in a spreadsheet: defuse formulas, but keep numbers numbers.
    constexpr auto formulas = csv::Formulas::DefuseUnlessNumber;
    QString text = csv::formatRow(batchReportHeader(), QLatin1Char(','), formulas);
    for (const auto &row : rows)
        text += csv::formatRow(batchReportFields(row), QLatin1Char(','), formulas);
    return csv::utf8Bom() + text.toUtf8();
}

QString writeBatchReport(const QString &path, const std::vector<BatchRow> &rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write(batchReportCsv(rows));
    if (!file.commit())
        return file.errorString();
    return {};
}

} // namespace migdesk
