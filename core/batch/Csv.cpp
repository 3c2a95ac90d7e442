// RFC 4180 CSV helpers (see Csv.h).
#include "batch/Csv.h"

namespace migdesk::csv {

namespace {

bool looksLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    const QChar first = value.front();
    if (first != QLatin1Char('=') && first != QLatin1Char('+') && first != QLatin1Char('-') &&
        first != QLatin1Char('@'))
        return false;
    bool numeric = false;
    value.toDouble(&numeric);
    return !numeric;
}

} // namespace

QString field(const QString &raw)
{
    QString value = looksLikeFormula(raw) ? QLatin1Char('\'') + raw : raw;
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!quote)
        return value;
    value.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString record(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const auto &value : fields)
        out << field(value);
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

std::vector<QStringList> parse(const QString &text)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString current;
    bool inQuotes = false;
    bool fieldStarted = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    current += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                current += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && current.isEmpty()) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row << current;
            current.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row << current;
            rows.push_back(row);
            row.clear();
            current.clear();
            fieldStarted = false;
        } else {
            current += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !current.isEmpty() || !row.isEmpty()) {
        row << current;
        rows.push_back(row);
    }
    return rows;
}

} // namespace migdesk::csv
