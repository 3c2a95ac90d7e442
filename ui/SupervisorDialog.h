// SupervisorDialog: the supervisor's view. Per operator and day, from the journal: items done,
// needing staff, in error, and the pace in items per hour, as a table (every number, for the
// keyboard and screen readers) and a bar chart, exported as CSV.
#pragma once

#include "journal/JournalReport.h"

#include <QDialog>

class QChartView;
class QLabel;
class QTableWidget;

namespace migdesk {

class Journal;

class SupervisorDialog : public QDialog {
    Q_OBJECT
public:
    // `journal` may be null (the demo keeps none): the view then says so.
    SupervisorDialog(Journal *journal, QWidget *parent = nullptr);

    void refresh();
    // Shows these figures instead of the journal's (tests, screenshots).
    void setDays(const std::vector<OperatorDay> &days);
    const std::vector<OperatorDay> &days() const { return m_days; }
    QTableWidget *table() const { return m_table; }
    // Writes the figures as CSV; false with `error` set.
    bool exportTo(const QString &path, QString *error) const;

private:
    void exportCsv();

    Journal *m_journal;
    std::vector<OperatorDay> m_days;
    QLabel *m_summary;
    QTableWidget *m_table;
    QChartView *m_chart;
};

} // namespace migdesk
