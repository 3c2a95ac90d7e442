// HistoryModel: rows kept newest first; rows are few per session (thousands), so a linear
// search by id is fine.
#include "HistoryModel.h"

#include "OutcomeStyle.h"

#include <QBrush>
#include <QLocale>

namespace migdesk {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const HistoryRow &row = m_rows.at(static_cast<size_t>(index.row()));
    switch (role) {
    case OutcomeRole:
        return static_cast<int>(row.finished ? row.outcome : Outcome::Pending);
    case RecordIdRole:
        return row.id;
    case FinishedRole:
        return row.finished;
    case IntentIdRole:
        return row.intentId;
    default:
        break;
    }
    const Outcome shown = row.finished ? row.outcome : Outcome::Pending;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(row.at.time(), QStringLiteral("HH:mm:ss"));
        case BarcodeColumn:
            return row.barcode;
        case TitleColumn:
            return row.title;
        case StatusColumn:
            return row.legacyStatus;
        case ActionColumn:
            return row.action;
        case OutcomeColumn:
            return outcomeStyle(shown).word;
        case AlmaColumn:
            return row.almaSentence.isEmpty() ? row.message : row.almaSentence;
        case OperatorColumn:
            return row.operatorName;
        default:
            return {};
        }
    }
    if (index.column() == OutcomeColumn) {
        if (role == Qt::DecorationRole)
            return outcomeIcon(shown);
        if (role == Qt::BackgroundRole)
            return QBrush(outcomeStyle(shown).background);
        if (role == Qt::ForegroundRole)
            return QBrush(outcomeStyle(shown).foreground);
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case BarcodeColumn:
        return tr("Barcode");
    case TitleColumn:
        return tr("Title");
    case StatusColumn:
        return tr("Old status");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case AlmaColumn:
        return tr("Alma says");
    case OperatorColumn:
        return tr("Operator");
    default:
        return {};
    }
}

void HistoryModel::upsert(const HistoryRow &row)
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == row.id) {
            m_rows[i] = row;
            const int r = static_cast<int>(i);
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
            Q_EMIT countsChanged();
            return;
        }
    }
    beginInsertRows({}, 0, 0);
    m_rows.insert(m_rows.begin(), row);
    endInsertRows();
    Q_EMIT countsChanged();
}

void HistoryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countsChanged();
}

const HistoryRow *HistoryModel::rowForId(qint64 id) const
{
    for (const HistoryRow &row : m_rows) {
        if (row.id == id)
            return &row;
    }
    return nullptr;
}

std::map<Outcome, int> HistoryModel::counts() const
{
    std::map<Outcome, int> counts;
    for (const HistoryRow &row : m_rows)
        ++counts[row.finished ? row.outcome : Outcome::Pending];
    return counts;
}

} // namespace migdesk
