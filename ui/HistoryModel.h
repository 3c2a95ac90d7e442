// HistoryModel: the session history, one row per scan (time, barcode, title, legacy status,
// action, outcome, Alma's destination sentence), newest first, with counts by outcome.
#pragma once

#include "DeskViews.h"

#include <QAbstractTableModel>

#include <map>
#include <vector>

namespace migdesk {

class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        BarcodeColumn,
        TitleColumn,
        StatusColumn,
        ActionColumn,
        OutcomeColumn,
        AlmaColumn,
        OperatorColumn,
        ColumnCount
    };
    enum Role { OutcomeRole = Qt::UserRole + 1, RecordIdRole, FinishedRole, IntentIdRole };

    explicit HistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Inserts a new scan at the top, or updates the row with the same id.
    void upsert(const HistoryRow &row);
    void clear();
    const std::vector<HistoryRow> &rows() const { return m_rows; }
    const HistoryRow *rowForId(qint64 id) const;
    // Finished scans by outcome; unfinished scans count as Pending.
    std::map<Outcome, int> counts() const;

Q_SIGNALS:
    void countsChanged();

private:
    std::vector<HistoryRow> m_rows; // newest first
};

} // namespace migdesk
