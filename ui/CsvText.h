// CsvText: the session export and the shelf-search list as RFC 4180 CSV (core's util/Csv),
// with every cell a spreadsheet would run as a formula neutralised.
#pragma once

#include "DeskViews.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk {

// One CRLF record; a leading = + - @ gets an apostrophe (csv::Formulas::DefuseAll).
QString csvLine(const QStringList &cells);
// Every scan, with Alma's state before and after.
QString historyCsv(const std::vector<HistoryRow> &rows);
// Counts by old status and outcome: "status,outcome,count".
QString historySummaryCsv(const std::vector<HistoryRow> &rows);
QString shelfListCsv(const std::vector<ShelfRow> &rows);

} // namespace migdesk
