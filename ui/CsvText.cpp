// CsvText: quoting and the three exports.
#include "CsvText.h"

#include "OutcomeStyle.h"

#include <map>

namespace migdesk {

namespace {
QString cell(QString value)
{
    // A leading = + - @ makes spreadsheets evaluate the cell: prefix a quote.
    if (!value.isEmpty() && QStringLiteral("=+-@").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
        value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}
} // namespace

QString csvLine(const QStringList &cells)
{
    QStringList quoted;
    quoted.reserve(cells.size());
    for (const QString &value : cells)
        quoted << cell(value);
    return quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

QString historyCsv(const std::vector<HistoryRow> &rows)
{
    QString out =
        csvLine({QStringLiteral("time"), QStringLiteral("barcode"), QStringLiteral("title"),
                 QStringLiteral("legacy_status"), QStringLiteral("action"),
                 QStringLiteral("outcome"), QStringLiteral("alma_says"), QStringLiteral("message"),
                 QStringLiteral("before"), QStringLiteral("after")});
    // Oldest first in the file: the order the scans happened.
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        const Outcome outcome = it->finished ? it->outcome : Outcome::Pending;
        out += csvLine({it->at.toString(Qt::ISODate), it->barcode, it->title, it->legacyStatus,
                        it->action, outcomeName(outcome), it->almaSentence, it->message, it->before,
                        it->after});
    }
    return out;
}

QString historySummaryCsv(const std::vector<HistoryRow> &rows)
{
    std::map<std::pair<QString, QString>, int> counts;
    for (const HistoryRow &row : rows) {
        const Outcome outcome = row.finished ? row.outcome : Outcome::Pending;
        const QString status = row.legacyStatus.isEmpty() ? QStringLiteral("-") : row.legacyStatus;
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
