// FollowUpPanel: follow-up mode (item not in hand). A work list imported from a file (one
// barcode per line, or a CSV with a Barcode column), worked through item by item with progress
// ("17 of 240"), and the shelf-search list for In Transit items: printable (print dialog, PDF)
// and exportable as CSV.
#pragma once

#include "DeskViews.h"

#include <QStringList>
#include <QTabWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace migdesk {

class FollowUpPanel : public QTabWidget {
    Q_OBJECT
public:
    explicit FollowUpPanel(QWidget *parent = nullptr);

    // A new work list; `summary` says what the import found (duplicates, rejected lines).
    void setWorkList(const QStringList &barcodes, const QString &summary);
    const QStringList &workList() const { return m_barcodes; }
    // The next barcode not yet worked on, and marks it as started; empty at the end.
    QString takeNext();
    // Ticks a barcode of the list off with its outcome.
    void markWorked(const QString &barcode, Outcome outcome);
    int workedCount() const { return m_worked; }
    // How many barcodes takeNext() handed out.
    int takenCount() const { return m_next; }
    QString progressText() const;

    void setShelfRows(const std::vector<ShelfRow> &rows);
    const std::vector<ShelfRow> &shelfRows() const { return m_shelfRows; }

Q_SIGNALS:
    void importRequested();
    // takeNext() handed out this barcode (the journal keeps the list's progress).
    void taken(const QString &barcode);
    void nextRequested();
    void printRequested();
    void pdfRequested();
    void csvRequested();

private:
    void updateProgress();

    QStringList m_barcodes;
    int m_next = 0;
    int m_worked = 0;
    std::vector<ShelfRow> m_shelfRows;
    QLabel *m_progress;
    QLabel *m_summary;
    QListWidget *m_list;
    QPushButton *m_nextButton;
    QTableWidget *m_shelfTable;
    QLabel *m_shelfCount;
};

} // namespace migdesk
