// MainWindow's files: the session export, the shelf-search list (print, PDF, CSV) and the list
// import. Every result, saved or not, goes to the message area.
#include "MainWindow.h"

#include "CsvText.h"
#include "DeskController.h"
#include "DeskStack.h"
#include "FileChooser.h"
#include "FollowUpPanel.h"
#include "HistoryPanel.h"
#include "RecordPresenter.h"
#include "ShelfListPrinter.h"
#include "TextFile.h"
#include "desk/ListImport.h"
#include "desk/ScanSession.h"
#include "desk/ShelfList.h"
#include "settings/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>

namespace migdesk {

bool MainWindow::importList(const QString &path)
{
    // The desk's own barcode rules: a line the scan field would refuse is refused here too.
    BarcodeValidator validator(m_settings->barcodePattern(), m_settings->codabarCheckDigit(),
                               m_settings->scannerPrefix(), m_settings->scannerSuffix());
    validator.setMinimumLength(m_settings->barcodeMinLength());
    const ListImportResult result = ListImport(validator).readFile(path);
    if (!result.ok()) {
        showProblem(tr("The list was not imported: %1").arg(result.error));
        return false;
    }
    const int left = followUpItemsLeft();
    if (left <= 0) {
        useImportedList(result);
        return true;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Replace the follow-up list?"),
                                tr("The current list still has %n item(s) to work. Replace it "
                                   "with %1 (%2)?",
                                   nullptr, left)
                                    .arg(QFileInfo(path).fileName(), result.summary()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("replaceListMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *replace = box->addButton(tr("&Replace the list"), QMessageBox::AcceptRole);
    box->addButton(tr("&Keep the current list"), QMessageBox::RejectRole);
    connect(box, &QMessageBox::finished, this, [this, box, replace, result] {
        if (box->clickedButton() == replace)
            useImportedList(result);
        else
            showNotice(tr("The current list was kept; nothing was imported."));
        m_controller->refocus();
    });
    box->open();
    return true;
}

void MainWindow::useImportedList(const ListImportResult &result)
{
    setFollowUpMode(true);
    m_followUp->setWorkList(result.barcodes, result.summary());
    keepFollowUpList(result.barcodes, result.summary());
    QStringList rejected = result.rejectedLines();
    if (rejected.isEmpty()) {
        showNotice(tr("List imported: %1.").arg(result.summary()));
        return;
    }
    constexpr qsizetype kShown = 12;
    const qsizetype more = rejected.size() - kShown;
    if (more > 0) {
        rejected = rejected.mid(0, kShown);
        rejected << tr("… and %n more line(s) not imported.", nullptr, static_cast<int>(more));
    }
    showProblem(tr("List imported: %1. These lines were not imported:\n%2")
                    .arg(result.summary(), rejected.join(QLatin1Char('\n'))));
}

bool MainWindow::exportSessionTo(const QString &path)
{
    QString error;
    if (!m_historyPanel->exportTo(path, &error)) {
        showProblem(tr("The session was not exported: %1.").arg(error));
        return false;
    }
    showNotice(tr("Session exported to %1 (and a summary beside it).")
                   .arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::exportSession()
{
    chooseFile(
        this, FileMode::Save, tr("Export the session"), tr("migdesk-session.csv"),
        tr("CSV (*.csv)"), [this](const QString &path) { exportSessionTo(path); },
        [this] { m_controller->refocus(); });
}

void MainWindow::printShelfList()
{
    auto *printer = new QPrinter(QPrinter::HighResolution);
    auto *dialog = new QPrintDialog(printer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, printer] {
        migdesk::printShelfList(shelfRows(m_stack->session()->shelfList()), tr("Shelf-search list"),
                                printer);
    });
    connect(dialog, &QDialog::finished, this, [this, printer] {
        delete printer;
        m_controller->refocus();
    });
    dialog->open();
}

bool MainWindow::saveShelfListPdfTo(const QString &path)
{
    if (!QFileInfo(path).absoluteDir().exists()) {
        showProblem(tr("The shelf-search list was not saved: the folder %1 does not exist.")
                        .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
        return false;
    }
    const bool ok = writeShelfListPdf(shelfRows(m_stack->session()->shelfList()),
                                      tr("Shelf-search list"), path);
    if (ok)
        showNotice(tr("Shelf-search list saved to %1.").arg(QDir::toNativeSeparators(path)));
    else
        showProblem(tr("The shelf-search list could not be written to %1.")
                        .arg(QDir::toNativeSeparators(path)));
    return ok;
}

void MainWindow::saveShelfListPdf()
{
    chooseFile(
        this, FileMode::Save, tr("Save the shelf-search list"), tr("shelf-search-list.pdf"),
        tr("PDF (*.pdf)"), [this](const QString &path) { saveShelfListPdfTo(path); },
        [this] { m_controller->refocus(); });
}

bool MainWindow::exportShelfListCsvTo(const QString &path)
{
    QString error;
    const QByteArray csv = shelfListCsv(shelfRows(m_stack->session()->shelfList())).toUtf8();
    if (!writeTextFile(path, csv, &error)) {
        showProblem(tr("The shelf-search list was not exported: %1.").arg(error));
        return false;
    }
    showNotice(tr("Shelf-search list exported to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::exportShelfListCsv()
{
    chooseFile(
        this, FileMode::Save, tr("Export the shelf-search list"), tr("shelf-search-list.csv"),
        tr("CSV (*.csv)"), [this](const QString &path) { exportShelfListCsvTo(path); },
        [this] { m_controller->refocus(); });
}

} // namespace migdesk
