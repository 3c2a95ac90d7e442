// HistoryPanel: the session history table with an outcome filter, a text filter and the CSV
// export (every scan with before/after, and a summary by old status and outcome).
#pragma once

#include <QWidget>

#include <functional>

class QAction;
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
    // Says why a row's journal intent has nothing to undo (empty: it has); without it, the
    // context menu offers no undo.
    void setUndoCheck(std::function<QString(qint64 intentId)> check)
    {
        m_undoCheck = std::move(check);
    }
    QAction *undoAction() const { return m_undoAction; }

Q_SIGNALS:
    void rowActivated(qint64 recordId);
    void exportRequested();
    // "Undo this change…" (context menu or Ctrl+Shift+Z on the history) for a journal intent.
    void undoRequested(qint64 intentId, const QString &title);

private:
    HistoryModel *m_model;
    HistoryFilter *m_filter;
    QComboBox *m_outcomeCombo;
    QLineEdit *m_textEdit;
    QTableView *m_view;
    QAction *m_undoAction;
    std::function<QString(qint64)> m_undoCheck;

    void showContextMenu(const QPoint &at);
    void requestUndo();
};

} // namespace migdesk
