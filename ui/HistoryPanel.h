// HistoryPanel: the session history table with an outcome filter, a text filter and the CSV
// export (every scan with before/after, and a summary by old status and outcome).
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace migdesk {

class HistoryModel;
class HistoryFilter;

class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    HistoryPanel(HistoryModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    HistoryFilter *filter() const { return m_filter; }
    // Writes the history CSV and, beside it, "<name>-summary.csv". False with `error` set.
    bool exportTo(const QString &path, QString *error) const;

Q_SIGNALS:
    void rowActivated(qint64 recordId);
    void exportRequested();

private:
    HistoryModel *m_model;
    HistoryFilter *m_filter;
    QComboBox *m_outcomeCombo;
    QLineEdit *m_textEdit;
    QTableView *m_view;
};

} // namespace migdesk
