// CsvText: RFC 4180 CSV for the session export and the shelf-search list; also neutralises
// cells a spreadsheet would run as a formula.
#pragma once

#include "DeskViews.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk {

QString csvLine(const QStringList &cells);
// Every scan, with Alma's state before and after.
QString historyCsv(const std::vector<HistoryRow> &rows);
// Counts by old status and outcome: "status,outcome,count".
QString historySummaryCsv(const std::vector<HistoryRow> &rows);
QString shelfListCsv(const std::vector<ShelfRow> &rows);

} // namespace migdesk
