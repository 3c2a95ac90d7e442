// Barcode list reader (see BarcodeInput.h).
#include "batch/BarcodeInput.h"

#include "desk/BarcodeValidator.h"
#include "util/Csv.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSet>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::BarcodeInput", text);
}

int barcodeColumn(const QStringList &header)
{
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        if (name.compare(QLatin1String("Barcode"), Qt::CaseInsensitive) == 0 ||
            name.compare(QLatin1String("Item Barcode"), Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

bool isBlank(const QStringList &row)
{
    for (const auto &field : row) {
        if (!field.trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

Result<BarcodeInput> parseBarcodeInput(const QByteArray &data)
{
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const std::vector<QStringList> rows = csv::parse(text).rows;

    BarcodeInput input;
    int column = 0;
    size_t first = 0;
    while (first < rows.size() && isBlank(rows[first]))
        ++first;
    if (first < rows.size()) {
        const QStringList &header = rows[first];
        const int found = barcodeColumn(header);
        if (found >= 0) {
            input.fromCsv = true;
            column = found;
            ++first;
        } else if (header.size() > 1) {
            return Result<BarcodeInput>::fail(ApiError::make(
                ErrorKind::Validation,
                tr("The file looks like a CSV, but its first row has no Barcode column.")));
        }
    }

    const BarcodeValidator validator;
    QSet<QString> seen;
    QSet<QString> duplicated;
    for (size_t i = first; i < rows.size(); ++i) {
        const QStringList &row = rows[i];
        if (isBlank(row))
            continue;
        const QString raw = column < row.size() ? row.at(column) : QString();
        const int line = static_cast<int>(i) + 1;
        if (raw.trimmed().isEmpty()) {
            input.rejected.push_back({line, raw, tr("no barcode in this row")});
            continue;
        }
        const BarcodeCheck check = validator.check(raw);
        if (!check.ok) {
            input.rejected.push_back({line, raw.left(80), check.reason});
            continue;
        }
        if (seen.contains(check.barcode)) {
            if (!duplicated.contains(check.barcode)) {
                duplicated.insert(check.barcode);
                input.duplicates << check.barcode;
            }
            continue;
        }
        seen.insert(check.barcode);
        input.barcodes << check.barcode;
    }
    return Result<BarcodeInput>::ok(std::move(input));
}

Result<BarcodeInput> readBarcodeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<BarcodeInput>::fail(ApiError::make(
            ErrorKind::Validation,
            tr("The barcode file %1 cannot be read: %2").arg(path, file.errorString())));
    return parseBarcodeInput(file.readAll());
}

QString barcodeListDigest(const QStringList &barcodes)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &barcode : barcodes) {
        hash.addData(barcode.toUtf8());
        hash.addData(QByteArrayView("\n"));
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace migdesk
