// HistoryBrowser: View > Earlier sessions. The days the journal has scans for, newest first, and
// for the chosen day every scan: time, barcode, title, outcome and message. Read-only.
#pragma once

#include <QDialog>

class QListWidget;
class QTableWidget;

namespace migdesk {

class Journal;

class HistoryBrowser : public QDialog {
    Q_OBJECT
public:
    // `journal` may be null (the demo keeps none): the dialog says so.
    explicit HistoryBrowser(const Journal *journal, QWidget *parent = nullptr);

    QListWidget *days() const { return m_days; }
    QTableWidget *scans() const { return m_scans; }

private:
    void showDay(int row);

    const Journal *m_journal;
    QListWidget *m_days;
    QTableWidget *m_scans;
};

} // namespace migdesk
