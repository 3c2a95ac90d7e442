// HistoryFilter: outcome and free-text filtering over HistoryModel.
#include "HistoryFilter.h"

#include "HistoryModel.h"

namespace migdesk {

HistoryFilter::HistoryFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void HistoryFilter::setOutcome(std::optional<Outcome> outcome)
{
    m_outcome = outcome;
    invalidateFilter();
}

void HistoryFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool HistoryFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return true;
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (m_outcome &&
        model->data(first, HistoryModel::OutcomeRole).toInt() != static_cast<int>(*m_outcome))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column :
         {HistoryModel::BarcodeColumn, HistoryModel::TitleColumn, HistoryModel::StatusColumn,
          HistoryModel::ActionColumn, HistoryModel::AlmaColumn}) {
        const QString value = model->data(model->index(sourceRow, column, sourceParent)).toString();
        if (value.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace migdesk
