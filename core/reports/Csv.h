// RFC 4180 CSV: fields quoted when they hold a comma, quote, CR or LF (quotes doubled), records
// ended by CRLF, UTF-8. The reader is the inverse (and tolerant: LF endings, a BOM, a custom
// delimiter), used for round-trips and for importing barcode lists.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk::csv {

// One field, quoted only when needed.
QString escapeField(const QString &field, QChar delimiter = QLatin1Char(','));
// One record with its CRLF.
QString formatRow(const QStringList &fields, QChar delimiter = QLatin1Char(','));
// The UTF-8 byte-order mark; spreadsheets use it to recognise UTF-8.
QByteArray utf8Bom();

struct ParseResult {
    std::vector<QStringList> rows;
    QString error; // e.g. an unterminated quote; rows hold what was read before it
    bool ok() const { return error.isEmpty(); }
};

// Parses UTF-8 text (a leading BOM is skipped). Records end with CRLF, LF or CR; an empty last
// line does not make a record.
ParseResult parse(const QByteArray &utf8, QChar delimiter = QLatin1Char(','));
ParseResult parse(const QString &text, QChar delimiter = QLatin1Char(','));

} // namespace migdesk::csv
