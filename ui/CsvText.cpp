// CsvText: the three exports, written with the core CSV writer (util/Csv.h).
#include "CsvText.h"

#include "OutcomeStyle.h"
#include "util/Csv.h"

#include <map>

namespace migdesk {

QString csvLine(const QStringList &cells)
{
    return csv::formatRow(cells, QLatin1Char(','), csv::Formulas::DefuseAll);
}

QString historyCsv(const std::vector<HistoryRow> &rows)
{
    QString out =
        csvLine({QStringLiteral("time"), QStringLiteral("barcode"), QStringLiteral("title"),
                 QStringLiteral("legacy_status"), QStringLiteral("action"),
                 QStringLiteral("outcome"), QStringLiteral("alma_says"), QStringLiteral("message"),
                 QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("operator")});
    // Oldest first in the file: the order the scans happened.
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        const Outcome outcome = it->finished ? it->outcome : Outcome::Pending;
        out += csvLine({it->at.toString(Qt::ISODate), it->barcode, it->title, it->legacyStatus,
                        it->action, outcomeName(outcome), it->almaSentence, it->message, it->before,
                        it->after, it->operatorName});
    }
    return out;
}

QString historySummaryCsv(const std::vector<HistoryRow> &rows)
{
    std::map<std::pair<QString, QString>, int> counts;
    for (const HistoryRow &row : rows) {
        const Outcome outcome = row.finished ? row.outcome : Outcome::Pending;
        const QString status =
            row.legacyStatus.isEmpty() ? QStringLiteral("(no status)") : row.legacyStatus;
        ++counts[{status, outcomeName(outcome)}];
    }
    QString out = csvLine(
        {QStringLiteral("legacy_status"), QStringLiteral("outcome"), QStringLiteral("count")});
    for (const auto &[key, count] : counts)
        out += csvLine({key.first, key.second, QString::number(count)});
    return out;
}

QString shelfListCsv(const std::vector<ShelfRow> &rows)
{
    QString out = csvLine({QStringLiteral("library"), QStringLiteral("location"),
                           QStringLiteral("call_number"), QStringLiteral("barcode"),
                           QStringLiteral("title"), QStringLiteral("found")});
    for (const ShelfRow &row : rows) {
        out += csvLine({row.library, row.location, row.callNumber, row.barcode, row.title,
                        row.found ? QStringLiteral("yes") : QStringLiteral("no")});
    }
    return out;
}

} // namespace migdesk
