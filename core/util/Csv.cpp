// RFC 4180 CSV: see the header.
#include "util/Csv.h"

#include <QCoreApplication>

namespace migdesk::csv {

namespace {

bool runsAsFormula(const QString &field, Formulas formulas)
{
    if (formulas == Formulas::Keep || field.isEmpty())
        return false;
    const QChar first = field.front();
    if (first != QLatin1Char('=') && first != QLatin1Char('+') && first != QLatin1Char('-') &&
        first != QLatin1Char('@'))
        return false;
    if (formulas == Formulas::DefuseAll)
        return true;
    bool number = false;
    field.toDouble(&number);
    return !number;
}

} // namespace

QString escapeField(const QString &field, QChar delimiter, Formulas formulas)
{
    QString value = runsAsFormula(field, formulas) ? QLatin1Char('\'') + field : field;
    const bool needsQuotes = value.contains(delimiter) || value.contains(QLatin1Char('"')) ||
                             value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!needsQuotes)
        return value;
    value.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString formatRow(const QStringList &fields, QChar delimiter, Formulas formulas)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += delimiter;
        line += escapeField(fields.at(i), delimiter, formulas);
    }
    line += QLatin1String("\r\n");
    return line;
}

QByteArray utf8Bom()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

ParseResult parse(const QByteArray &utf8, QChar delimiter)
{
    QByteArray data = utf8;
    if (data.startsWith(utf8Bom()))
        data.remove(0, 3);
    return parse(QString::fromUtf8(data), delimiter);
}

ParseResult parse(const QString &input, QChar delimiter)
{
    ParseResult result;
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    QStringList row;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false; // something (even "") was read for this record
    const qsizetype n = text.size();
    auto endField = [&] {
        row.append(field);
        field.clear();
    };
    auto endRecord = [&] {
        endField();
        result.rows.push_back(row);
        row.clear();
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            endField();
            fieldStarted = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        result.error =
            QCoreApplication::translate("migdesk::csv", "A quoted field is not closed at the end.");
    }
    if (fieldStarted || !field.isEmpty() || !row.isEmpty())
        endRecord();
    return result;
}

} // namespace migdesk::csv
