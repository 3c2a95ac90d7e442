// One row of a batch report and the report CSV (RFC 4180, UTF-8 with BOM, CRLF): what was
// found, planned and done for each barcode, with Alma's own sentence and any error.
#pragma once

#include "model/Outcome.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <vector>

namespace migdesk {

struct BatchRow {
    QString barcode;
    QString title;
    QString callNumber;
    QStringList statusIds;
    QStringList plannedSteps;
    Outcome outcome = Outcome::Pending;
    QString message;
    QString almaSentence;
    QString errorCode; // Alma's code, or the error kind ("timeout", "stale", ...)
    QString errorMessage;
    QString beforeProcessType;
    QString afterProcessType;
    QString beforeCondition;
    QString afterCondition;
    int calls = 0;
    QString operatorName; // who ran the batch (--operator)

    // Done, needs staff, transit/hold, skipped and dry run count as success for the exit code.
    bool isSuccess() const;
};

nlohmann::json batchRowToJson(const BatchRow &row);
BatchRow batchRowFromJson(const nlohmann::json &json);

QStringList batchReportHeader();
QStringList batchReportFields(const BatchRow &row);
// The whole report (BOM, header, rows).
QByteArray batchReportCsv(const std::vector<BatchRow> &rows);
// Writes the report atomically (QSaveFile). Returns an error message, empty on success.
QString writeBatchReport(const QString &path, const std::vector<BatchRow> &rows);

} // namespace migdesk
