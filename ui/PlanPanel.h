// PlanPanel: what MigDesk did or will do, and the staff actions for it: Apply (Enter/Space) for
// safe steps, big numbered choices for a decision (Alt+1..3, or the digit then Enter in the scan
// field), the withdraw confirmation naming the item, and guided Lost/Claimed Returned steps with
// the loan and "Done in Alma — check now". For an item MigDesk cannot plan (needs review, or not
// a migration item) staff pick an action with big buttons (Alt+1..4; Withdraw still confirms).
#pragma once

#include "DeskViews.h"
#include "planning/Plan.h"

#include <QFrame>

#include <vector>

class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace migdesk {

// The actions staff may pick for an item MigDesk cannot plan.

class PlanPanel : public QFrame {
    Q_OBJECT
public:
    explicit PlanPanel(QWidget *parent = nullptr);

    void showPlan(const PlanView &plan);
    const PlanView &plan() const { return m_plan; }
    PlanMode mode() const { return m_plan.mode; }

Q_SIGNALS:
    void confirmRequested();
    void choiceRequested(int index);
    void withdrawConfirmed();
    void verifyRequested();
    void skipRequested();
    void retryRequested();
    void reviewActionRequested(migdesk::StepType action);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildConfirmPage();
    QWidget *buildDecidePage();
    QWidget *buildWithdrawPage();
    QWidget *buildGuidePage();
    QWidget *buildFinishedPage();
    QWidget *buildReviewPage();
    QPushButton *makeButton(const QString &text, const QString &objectName, bool big = false);
    void applyFonts();

    PlanView m_plan;
    QLabel *m_heading;
    QLabel *m_waiting; // "2 more items wait for you": always in view, above the words
    QLabel *m_statusLine;
    QLabel *m_explanation;
    QLabel *m_steps;
    QLabel *m_almaSentence;
    QLabel *m_message;
    QStackedWidget *m_actions;
    QWidget *m_emptyPage;
    QWidget *m_confirmPage;
    QWidget *m_decidePage;
    QWidget *m_withdrawPage;
    QWidget *m_guidePage;
    QWidget *m_finishedPage;
    QWidget *m_reviewPage;
    QPushButton *m_reviewActionsSkipButton;
    std::vector<QPushButton *> m_choiceButtons;
    QLabel *m_decideHint = nullptr;
    QLabel *m_withdrawText;
    QLabel *m_loanText;
    QLabel *m_almaStepsText;
    QPushButton *m_retryButton;
    QPushButton *m_reviewSkipButton;
    std::vector<QPushButton *> m_bigButtons;
    QScrollArea *m_scroll = nullptr;
};

} // namespace migdesk
