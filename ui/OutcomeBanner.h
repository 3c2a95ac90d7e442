// OutcomeBanner: the biggest text on screen. The outcome's colour, icon and word plus a short
// headline ("Done — returned to shelf"), readable from a step away and without colour.
#pragma once

#include "model/Outcome.h"

#include <QFrame>

class QLabel;

namespace migdesk {

class OutcomeBanner : public QFrame {
    Q_OBJECT
public:
    explicit OutcomeBanner(QWidget *parent = nullptr);

    void showOutcome(Outcome outcome, const QString &headline);
    void showIdle(const QString &text);
    QString text() const;
    bool hasOutcome() const { return m_hasOutcome; }
    Outcome outcome() const { return m_outcome; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFonts();

    QLabel *m_icon;
    QLabel *m_label;
    bool m_hasOutcome = false;
    Outcome m_outcome = Outcome::Pending;
};

} // namespace migdesk
