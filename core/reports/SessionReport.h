// Session reports: the desk history as CSV (one row per scan, with Alma's state before and after),
// a summary of counts by legacy status and outcome, and the shelf-search list as CSV. RFC 4180,
// UTF-8 with a BOM so spreadsheets read accents correctly. The API key never appears: rows
// hold only item data, plan and outcome.
#pragma once

#include "desk/Outcome.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace migdesk {

struct ScanRecord;
class ShelfList;

// One scan as exported; also what reading a session CSV back gives.
struct ReportRow {
    QDateTime at;
    QString barcode;
    QString title;
    QString callNumber;
    QString library;
    QString location;
    QStringList statusIds;
    QString matchedText; // the words of the note that named the status(es)
    QStringList plannedSteps;
    Outcome outcome = Outcome::Pending;
    QString almaSentence;
    QString message;
    QString errorCode;
    QString errorMessage;
    QString beforeBaseStatus;
    QString beforeProcessType;
    QString beforeCondition;
    QString afterBaseStatus;
    QString afterProcessType;
    QString afterCondition;
    bool dryRun = false;
    bool repeat = false;

    bool operator==(const ReportRow &other) const = default;
};

ReportRow reportRow(const ScanRecord &record);
// The column names, in order (stable: scripts read them).
QStringList sessionReportHeader();
QByteArray sessionCsv(const std::vector<ReportRow> &rows);

struct SessionCsvRead {
    std::vector<ReportRow> rows;
    QString error; // translated; empty when the file was read
};
SessionCsvRead readSessionCsv(const QByteArray &csv);

// Counts per legacy status (a scan with two statuses counts under both; "" = no status, e.g. not
// found) and outcome, plus totals per outcome.
struct SessionSummary {
    std::map<QString, std::map<Outcome, int>> byStatus;
    std::map<Outcome, int> totals;
    int scans = 0;
};
SessionSummary summarize(const std::vector<ReportRow> &rows);
// status, label, then one column per outcome, then total; a last "all" row.
QByteArray summaryCsv(const SessionSummary &summary);
QByteArray shelfListCsv(const ShelfList &list);

// Writes atomically (QSaveFile). False with a translated message on failure.
bool writeReportFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace migdesk
