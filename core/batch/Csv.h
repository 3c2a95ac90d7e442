// RFC 4180 CSV helpers shared by the batch input reader and the report writer.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk::csv {

// One field, quoted when it holds a comma, a quote, CR or LF (quotes doubled). A field that a
// spreadsheet would run as a formula (= + - @ followed by non-numeric text) gets a leading
// apostrophe so opening the report never executes anything.
QString field(const QString &value);
// A record: fields joined by commas, ended by CRLF.
QString record(const QStringList &fields);
// Parses CSV text (RFC 4180 with tolerance: LF or CRLF, quoted fields across lines) into rows.
std::vector<QStringList> parse(const QString &text);

} // namespace migdesk::csv
