// ListImport: reads the barcode list of follow-up mode (and of batch runs): one barcode per line,
// or a CSV with a "Barcode" column such as an Alma Analytics export. A BOM (UTF-8 or UTF-16),
// blank lines and CRLF are fine; duplicates are kept once and reported once; lines that are not
// barcodes are reported with the reason, nothing is silently dropped.
#pragma once

#include "desk/BarcodeValidator.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk {

struct ListImportProblem {
    int line = 0; // 1-based line (record) number in the file
    QString text;
    QString reason; // translated
};

struct ListImportDuplicate {
    QString barcode;
    int firstLine = 0;
    int count = 0; // how many times it appeared in total (at least 2)
};

struct ListImportResult {
    enum class Format { Lines, Csv };
    Format format = Format::Lines;
    QString column;       // the CSV column the barcodes came from
    QStringList barcodes; // unique, in file order
    std::vector<ListImportDuplicate> duplicates;
    std::vector<ListImportProblem> rejected;
    QString error; // the file could not be read at all (no Barcode column, bad CSV, ...)

    bool ok() const { return error.isEmpty(); }
    // "240 barcodes, 3 duplicates, 1 line rejected" (translated)
    QString summary() const;
    // One line per rejected line: "Line 4 ("1"): "1" is too short ..." (translated)
    QStringList rejectedLines() const;
};

class ListImport {
public:
    explicit ListImport(BarcodeValidator validator = BarcodeValidator())
        : m_validator(std::move(validator))
    {}

    ListImportResult parse(const QByteArray &data) const;
    ListImportResult readFile(const QString &path) const;

private:
    BarcodeValidator m_validator;
};

} // namespace migdesk
