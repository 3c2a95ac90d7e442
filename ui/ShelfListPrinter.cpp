// ShelfListPrinter: QTextDocument rendering onto a QPrinter (paper or PDF).
#include "ShelfListPrinter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPrinter>
#include <QTextDocument>

namespace migdesk {

QString shelfListHtml(const std::vector<ShelfRow> &rows, const QString &heading)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(heading.toHtmlEscaped());
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"
                           "<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                           "<th>%6</th></tr>")
                .arg(QCoreApplication::translate("ShelfListPrinter", "Library"),
                     QCoreApplication::translate("ShelfListPrinter", "Location"),
                     QCoreApplication::translate("ShelfListPrinter", "Call number"),
                     QCoreApplication::translate("ShelfListPrinter", "Barcode"),
                     QCoreApplication::translate("ShelfListPrinter", "Title"),
                     QCoreApplication::translate("ShelfListPrinter", "Found"));
    for (const ShelfRow &row : rows) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                               "<td>%6</td></tr>")
                    .arg(row.library.toHtmlEscaped(), row.location.toHtmlEscaped(),
                         row.callNumber.toHtmlEscaped(), row.barcode.toHtmlEscaped(),
                         row.title.toHtmlEscaped(),
                         row.found ? QStringLiteral("\u2714") : QStringLiteral("\u2610"));
    }
    html += QStringLiteral("</table>");
    return html;
}

void printShelfList(const std::vector<ShelfRow> &rows, const QString &heading, QPrinter *printer)
{
    QTextDocument document;
    document.setHtml(shelfListHtml(rows, heading));
    document.print(printer);
}

bool writeShelfListPdf(const std::vector<ShelfRow> &rows, const QString &heading,
                       const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printShelfList(rows, heading, &printer);
    const QFileInfo info(path);
    return info.exists() && info.size() > 0;
}

} // namespace migdesk
