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

#include <QDir>
#include <QFileInfo>
#include <QPrintDialog>
#include <QPrinter>

namespace migdesk {

bool MainWindow::importList(const QString &path)
{
    const ListImportResult result = ListImport().readFile(path);
    if (!result.ok()) {
        showProblem(tr("The list was not imported: %1").arg(result.error));
        return false;
    }
    setFollowUpMode(true);
    m_followUp->setWorkList(result.barcodes, result.summary());
    showNotice(result.summary());
    return true;
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
