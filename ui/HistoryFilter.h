// HistoryFilter: shows the history rows of one outcome (or all) that contain a text in the
// barcode, title, old status, action or Alma's sentence.
#pragma once

#include "model/Outcome.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace migdesk {

class HistoryFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit HistoryFilter(QObject *parent = nullptr);

    void setOutcome(std::optional<Outcome> outcome);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<Outcome> m_outcome;
    QString m_text;
};

} // namespace migdesk
