// ListImport: see the header.
#include "desk/ListImport.h"

#include "util/Csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QStringDecoder>

namespace migdesk {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("migdesk::ListImport", text, nullptr, n);
}

QString decode(const QByteArray &data)
{
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF")) {
        auto encoding = QStringConverter::encodingForData(data);
        QStringDecoder decoder(encoding.value_or(QStringConverter::Utf16));
        QString text = decoder(data);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        return text;
    }
    QByteArray body = data;
    if (body.startsWith(csv::utf8Bom()))
        body.remove(0, 3);
    return QString::fromUtf8(body);
}

bool isBarcodeHeader(const QString &cell)
{
    const QString name = cell.trimmed().toLower();
    return name == QLatin1String("barcode") || name == QLatin1String("item barcode") ||
           name == QLatin1String("item_barcode");
}

// The delimiter of a CSV whose header names a Barcode column; QChar() when it is not one.
QChar detectCsv(const QString &firstLine, int *column)
{
    for (QChar delimiter : {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t')}) {
        const auto parsed = csv::parse(firstLine, delimiter);
        if (parsed.rows.empty())
            continue;
        const QStringList &header = parsed.rows.front();
        if (header.size() < 2 && !isBarcodeHeader(header.value(0)))
            continue;
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (isBarcodeHeader(header.at(i))) {
                *column = static_cast<int>(i);
                return delimiter;
            }
        }
    }
    return QChar();
}

} // namespace

QString ListImportResult::summary() const
{
    QString text = tr("%n barcode(s)", static_cast<int>(barcodes.size()));
    if (!duplicates.empty())
        text += QLatin1String(", ") + tr("%n duplicate(s)", static_cast<int>(duplicates.size()));
    if (!rejected.empty())
        text += QLatin1String(", ") + tr("%n line(s) rejected", static_cast<int>(rejected.size()));
    return text;
}

QStringList ListImportResult::rejectedLines() const
{
    QStringList lines;
    for (const ListImportProblem &problem : rejected) {
        const QString text = problem.text.trimmed().left(60);
        lines << (text.isEmpty()
                      ? tr("Line %1: %2").arg(problem.line).arg(problem.reason)
                      : tr("Line %1 (\"%2\"): %3").arg(problem.line).arg(text, problem.reason));
    }
    return lines;
}

ListImportResult ListImport::parse(const QByteArray &data) const
{
    ListImportResult result;
    const QString text = decode(data);

    // The first non-blank line decides the format.
    QString firstLine;
    for (const QString &line : text.split(QRegularExpression(QStringLiteral("\r\n|\n|\r")))) {
        if (!line.trimmed().isEmpty()) {
            firstLine = line;
            break;
        }
    }
    int column = -1;
    const QChar delimiter = detectCsv(firstLine, &column);

    std::vector<std::pair<int, QString>> cells; // line number, raw value
    if (delimiter.isNull()) {
        const QStringList lines = text.split(QRegularExpression(QStringLiteral("\r\n|\n|\r")));
        for (qsizetype i = 0; i < lines.size(); ++i)
            cells.emplace_back(static_cast<int>(i + 1), lines.at(i));
    } else {
        result.format = ListImportResult::Format::Csv;
        const auto parsed = csv::parse(text, delimiter);
        if (!parsed.ok()) {
            result.error = parsed.error;
            return result;
        }
        bool headerSeen = false;
        int lineNo = 0;
        for (const QStringList &row : parsed.rows) {
            ++lineNo;
            const bool blank = row.size() == 1 && row.front().trimmed().isEmpty();
            if (blank)
                continue;
            if (!headerSeen) {
                headerSeen = true;
                result.column = row.value(column).trimmed();
                continue;
            }
            if (column >= row.size()) {
                result.rejected.push_back(
                    {lineNo, row.join(delimiter), tr("This row has no Barcode value.")});
                continue;
            }
            cells.emplace_back(lineNo, row.at(column));
        }
    }

    QHash<QString, int> firstSeen;         // barcode -> line
    QHash<QString, qsizetype> duplicateAt; // barcode -> index in duplicates
    const bool csvRows = result.format == ListImportResult::Format::Csv;
    for (const auto &[lineNo, raw] : cells) {
        if (raw.trimmed().isEmpty()) {
            // A blank line of a plain list is nothing; a CSV row with an empty Barcode is a row
            // staff expect to see worked, so it is named.
            if (csvRows)
                result.rejected.push_back({lineNo, raw, tr("This row has no Barcode value.")});
            continue;
        }
        const BarcodeCheck check = m_validator.check(raw);
        if (!check.ok) {
            result.rejected.push_back({lineNo, raw.left(200), check.reason});
            continue;
        }
        const auto seen = firstSeen.constFind(check.barcode);
        if (seen == firstSeen.constEnd()) {
            firstSeen.insert(check.barcode, lineNo);
            result.barcodes.append(check.barcode);
            continue;
        }
        const auto dup = duplicateAt.constFind(check.barcode);
        if (dup == duplicateAt.constEnd()) {
            duplicateAt.insert(check.barcode, static_cast<qsizetype>(result.duplicates.size()));
            result.duplicates.push_back({check.barcode, seen.value(), 2});
        } else {
            ++result.duplicates[static_cast<size_t>(dup.value())].count;
        }
    }
    return result;
}

ListImportResult ListImport::readFile(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ListImportResult result;
        result.error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    return parse(file.readAll());
}

} // namespace migdesk
