// RFC 4180 CSV, the one writer and reader of MigDesk (reports, batch report, desk exports, barcode
// lists): fields quoted when they hold the delimiter, a quote, CR or LF (quotes doubled), records
// ended by CRLF, UTF-8. Files staff open in a spreadsheet can defuse fields that would run as a
// formula. The reader is the inverse (and tolerant: LF endings, a BOM, a custom delimiter).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk::csv {

// What happens to a field a spreadsheet would run as a formula (one starting with = + - or @).
enum class Formulas {
    Keep,               // written as is (files MigDesk reads back, such as the session report)
    DefuseUnlessNumber, // a leading apostrophe, except on a number such as "-12.5" (batch report)
    DefuseAll,          // a leading apostrophe on every such field, numbers too (desk exports)
};

// One field, quoted only when needed (after any apostrophe `formulas` adds).
QString escapeField(const QString &field, QChar delimiter = QLatin1Char(','),
                    Formulas formulas = Formulas::Keep);
// One record with its CRLF.
QString formatRow(const QStringList &fields, QChar delimiter = QLatin1Char(','),
                  Formulas formulas = Formulas::Keep);
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
