// OutcomeCountsLabel: the status bar's counts by outcome ("✔ 41 Done  ✋ 6 Needs staff …"),
// each with its colour chip, icon symbol and word.
#pragma once

#include "model/Outcome.h"

#include <QLabel>

#include <map>

namespace migdesk {

class OutcomeCountsLabel : public QLabel {
    Q_OBJECT
public:
    explicit OutcomeCountsLabel(QWidget *parent = nullptr);

    void setCounts(const std::map<Outcome, int> &counts);
    // Plain text, e.g. "Done 3 · Needs staff 1" (tests and accessibility).
    QString plainText() const { return m_plain; }

private:
    QString m_plain;
};

} // namespace migdesk
