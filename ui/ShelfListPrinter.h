// ShelfListPrinter: the shelf-search list as a printable document (HTML table sorted as the
// list is) for the print dialog and PDF export.
#pragma once

#include "DeskViews.h"

#include <QString>

#include <vector>

class QPrinter;

namespace migdesk {

QString shelfListHtml(const std::vector<ShelfRow> &rows, const QString &heading);
void printShelfList(const std::vector<ShelfRow> &rows, const QString &heading, QPrinter *printer);
// Writes a PDF; false when the file could not be written.
bool writeShelfListPdf(const std::vector<ShelfRow> &rows, const QString &heading,
                       const QString &path);

} // namespace migdesk
