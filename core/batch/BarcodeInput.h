// Reads the barcode list of a batch: one barcode per line, or a CSV with a "Barcode" column
// (an Alma Analytics export). A UTF-8 BOM, blank lines and CRLF are fine; duplicates are kept
// once and reported; lines that are not valid barcodes are reported, never sent to Alma.
#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk {

struct BarcodeInput {
    QStringList barcodes;   // unique, in first-seen order
    QStringList duplicates; // each duplicated barcode once
    struct Rejected {
        int line = 0; // 1-based line (record) number
        QString text;
        QString reason;
    };
    std::vector<Rejected> rejected;
    bool fromCsv = false;
};

// Parses the text of a barcode file. Fails (Validation) when a CSV header has no Barcode column.
Result<BarcodeInput> parseBarcodeInput(const QByteArray &data);
Result<BarcodeInput> readBarcodeFile(const QString &path);
// A stable digest of the barcode list (to recognise the same list on --resume).
QString barcodeListDigest(const QStringList &barcodes);

} // namespace migdesk
