// PlanPanel: one page of actions per PlanMode in a stack; buttons never react to a stray Enter
// (no default or auto-default buttons), so only explicit keys or clicks act.
#include "PlanPanel.h"

#include "ChoiceWords.h"
#include "planning/Plan.h"
#include "planning/StepCatalogue.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace migdesk {

namespace {
QLabel *makeLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
constexpr int kMaxChoices = 3;

// "reviewReturnPushButton", ... (tests and screenshots find the buttons by these names)
QString reviewButtonName(StepType action)
{
    switch (action) {
    case StepType::Return:
        return QStringLiteral("reviewReturnPushButton");
    case StepType::MarkMissing:
        return QStringLiteral("reviewMissingPushButton");
    case StepType::SetCondition:
        return QStringLiteral("reviewDamagedPushButton");
    case StepType::Withdraw:
        return QStringLiteral("reviewWithdrawPushButton");
    default:
        return QStringLiteral("review%1PushButton").arg(stepTypeName(action));
    }
}
} // namespace

PlanPanel::PlanPanel(QWidget *parent)
    : QFrame(parent)
    , m_heading(makeLabel(this, QStringLiteral("planHeadingLabel")))
    , m_waiting(makeLabel(this, QStringLiteral("planWaitingLabel")))
    , m_statusLine(makeLabel(this, QStringLiteral("planStatusLabel")))
    , m_explanation(makeLabel(this, QStringLiteral("planExplanationLabel")))
    , m_steps(makeLabel(this, QStringLiteral("planStepsLabel")))
    , m_almaSentence(makeLabel(this, QStringLiteral("almaSentenceLabel")))
    , m_message(makeLabel(this, QStringLiteral("planMessageLabel")))
    , m_actions(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("planFrame"));
    setAccessibleName(tr("Plan and actions"));
    setFrameShape(QFrame::StyledPanel);
    m_actions->setObjectName(QStringLiteral("planActionsStackedWidget"));
    m_heading->setText(tr("What MigDesk did / will do"));

    m_emptyPage = new QWidget(m_actions);
    m_confirmPage = buildConfirmPage();
    m_decidePage = buildDecidePage();
    m_withdrawPage = buildWithdrawPage();
    m_guidePage = buildGuidePage();
    m_finishedPage = buildFinishedPage();
    m_reviewPage = buildReviewPage();
    for (QWidget *page : {m_emptyPage, m_confirmPage, m_decidePage, m_withdrawPage, m_guidePage,
                          m_finishedPage, m_reviewPage})
        m_actions->addWidget(page);

    // The words scroll when they are long; the action buttons below them always stay in view.
    auto *info = new QWidget(this);
    auto *infoLayout = new QVBoxLayout(info);
    infoLayout->setContentsMargins(0, 0, 0, 0);
    infoLayout->setSpacing(6);
    for (QLabel *label : {m_heading, m_statusLine, m_explanation, m_steps, m_almaSentence,
                          m_message, m_withdrawText, m_loanText, m_almaStepsText})
        infoLayout->addWidget(label);
    infoLayout->addStretch(1);
    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("planScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(info);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(6);
    layout->addWidget(m_waiting, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_actions, 0);
    m_waiting->setVisible(false);
    applyFonts();
    showPlan(PlanView{});
}

QPushButton *PlanPanel::makeButton(const QString &text, const QString &objectName, bool big)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    button->setDefault(false);
    button->setFocusPolicy(Qt::TabFocus);
    if (big) {
        m_bigButtons.push_back(button); // its height follows the font (applyFonts)
    }
    return button;
}

QWidget *PlanPanel::buildConfirmPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *apply = makeButton(tr("&Apply (Enter)"), QStringLiteral("applyPushButton"), true);
    auto *skip = makeButton(tr("S&kip (Esc)"), QStringLiteral("skipConfirmPushButton"), true);
    layout->addWidget(apply, 2);
    layout->addWidget(skip, 1);
    connect(apply, &QPushButton::clicked, this, &PlanPanel::confirmRequested);
    connect(skip, &QPushButton::clicked, this, &PlanPanel::skipRequested);
    return page;
}

QWidget *PlanPanel::buildDecidePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    m_decideHint = makeLabel(page, QStringLiteral("decideHintLabel"));
    layout->addWidget(m_decideHint);
    for (int i = 0; i < kMaxChoices; ++i) {
        auto *button = makeButton(QString(), QStringLiteral("choice%1PushButton").arg(i + 1), true);
        layout->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, i] { Q_EMIT choiceRequested(i); });
        m_choiceButtons.push_back(button);
    }
    auto *skip = makeButton(tr("S&kip (Esc)"), QStringLiteral("skipDecidePushButton"));
    layout->addWidget(skip);
    connect(skip, &QPushButton::clicked, this, &PlanPanel::skipRequested);
    return page;
}

QWidget *PlanPanel::buildWithdrawPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    m_withdrawText = makeLabel(this, QStringLiteral("withdrawConfirmLabel"));
    m_withdrawText->setTextFormat(Qt::RichText);
    auto *row = new QHBoxLayout;
    auto *confirm =
        makeButton(tr("&Withdraw this item (Alt+W)"), QStringLiteral("withdrawPushButton"), true);
    auto *keep = makeButton(tr("Keep it, s&kip (Esc)"), QStringLiteral("keepPushButton"), true);
    row->addWidget(confirm, 1);
    row->addWidget(keep, 1);
    layout->addLayout(row);
    connect(confirm, &QPushButton::clicked, this, &PlanPanel::withdrawConfirmed);
    connect(keep, &QPushButton::clicked, this, &PlanPanel::skipRequested);
    return page;
}

QWidget *PlanPanel::buildGuidePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    m_loanText = makeLabel(this, QStringLiteral("loanLabel"));
    m_almaStepsText = makeLabel(this, QStringLiteral("almaStepsLabel"));
    m_almaStepsText->setTextFormat(Qt::RichText);
    auto *row = new QHBoxLayout;
    auto *check = makeButton(tr("&Done in Alma — check now (Alt+D)"),
                             QStringLiteral("checkNowPushButton"), true);
    auto *skip = makeButton(tr("S&kip (Esc)"), QStringLiteral("skipGuidePushButton"), true);
    row->addWidget(check, 2);
    row->addWidget(skip, 1);
    layout->addLayout(row);
    connect(check, &QPushButton::clicked, this, &PlanPanel::verifyRequested);
    connect(skip, &QPushButton::clicked, this, &PlanPanel::skipRequested);
    return page;
}

QWidget *PlanPanel::buildFinishedPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    m_retryButton = makeButton(tr("&Retry (Alt+R)"), QStringLiteral("retryPushButton"), true);
    m_reviewSkipButton =
        makeButton(tr("S&kip (Esc)"), QStringLiteral("skipReviewPushButton"), true);
    layout->addWidget(m_retryButton);
    layout->addWidget(m_reviewSkipButton);
    layout->addStretch(1);
    connect(m_retryButton, &QPushButton::clicked, this, &PlanPanel::retryRequested);
    connect(m_reviewSkipButton, &QPushButton::clicked, this, &PlanPanel::skipRequested);
    return page;
}

QWidget *PlanPanel::buildReviewPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *hint = makeLabel(page, QStringLiteral("reviewHintLabel"));
    hint->setText(tr("Pick an action with Alt+1 to Alt+4. Withdraw still asks you to confirm."));
    layout->addWidget(hint);
    // The actions staff can pick come from the step catalogue, numbered as it says.
    auto *grid = new QGridLayout;
    grid->setSpacing(6);
    int index = 0;
    for (const StepType action : staffPickableSteps()) {
        const StepKind &kind = stepKind(action);
        const QString text = tr("&%1  %2")
                                 .arg(kind.reviewPosition)
                                 .arg(QCoreApplication::translate("PlanPanel", kind.reviewLabel));
        QPushButton *button = makeButton(text, reviewButtonName(action), true);
        button->setAccessibleName(QString(text).remove(QLatin1Char('&')).simplified());
        grid->addWidget(button, index / 2, index % 2);
        connect(button, &QPushButton::clicked, this,
                [this, action] { Q_EMIT reviewActionRequested(action); });
        ++index;
    }
    layout->addLayout(grid);
    m_reviewActionsSkipButton =
        makeButton(tr("S&kip (Esc)"), QStringLiteral("skipReviewActionsPushButton"));
    layout->addWidget(m_reviewActionsSkipButton, 0, Qt::AlignLeft);
    connect(m_reviewActionsSkipButton, &QPushButton::clicked, this, &PlanPanel::skipRequested);
    return page;
}

void PlanPanel::applyFonts()
{
    QFont heading = font();
    heading.setBold(true);
    m_heading->setFont(heading);
    m_waiting->setFont(heading);
    QFont status = font();
    status.setPointSizeF(font().pointSizeF() * 1.4);
    status.setBold(true);
    m_statusLine->setFont(status);
    QFont medium = font();
    medium.setPointSizeF(font().pointSizeF() * 1.2);
    for (QLabel *label : {m_explanation, m_steps, m_almaSentence, m_message, m_withdrawText,
                          m_loanText, m_almaStepsText})
        label->setFont(medium);
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.35);
    big.setBold(true);
    // Big enough to hit and to read from a step away, no taller: with larger text every
    // decision button still fits a 1366x768 screen.
    const int buttonHeight = std::max(52, QFontMetrics(big).height() + 16);
    for (QPushButton *button : m_bigButtons) {
        button->setFont(big);
        button->setMinimumHeight(buttonHeight);
    }
    // The words scroll; two lines of them stay in view above the buttons.
    m_scroll->setMinimumHeight(QFontMetrics(medium).height() * 2 + 4);
}

void PlanPanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void PlanPanel::showPlan(const PlanView &plan)
{
    m_plan = plan;
    m_waiting->setText(tr("%n more item(s) wait for you after this one; later scans go on "
                          "meanwhile.",
                          nullptr, plan.othersWaiting));
    m_waiting->setVisible(plan.othersWaiting > 0);
    m_statusLine->setText(plan.statusLine);
    m_statusLine->setVisible(!plan.statusLine.isEmpty());
    m_explanation->setText(plan.explanation);
    m_explanation->setVisible(!plan.explanation.isEmpty());
    QStringList numbered;
    for (int i = 0; i < plan.steps.size(); ++i)
        numbered << tr("%1. %2").arg(i + 1).arg(plan.steps.at(i));
    m_steps->setText(numbered.join(QLatin1Char('\n')));
    // A guide lists the exact clicks in Alma below: its one-line plan step would only repeat
    // them and push them out of view.
    m_steps->setVisible(!numbered.isEmpty() && plan.mode != PlanMode::Guide);
    m_almaSentence->setText(plan.almaSentence.isEmpty() ? QString()
                                                        : tr("Alma: “%1”").arg(plan.almaSentence));
    m_almaSentence->setVisible(!plan.almaSentence.isEmpty());
    m_message->setText(plan.message);
    m_message->setVisible(!plan.message.isEmpty());

    m_withdrawText->setVisible(plan.mode == PlanMode::Withdraw);
    m_loanText->setVisible(plan.mode == PlanMode::Guide);
    m_almaStepsText->setVisible(plan.mode == PlanMode::Guide);
    if (plan.canChooseAction &&
        (plan.mode == PlanMode::Review || plan.mode == PlanMode::Finished)) {
        m_reviewActionsSkipButton->setVisible(plan.canSkip);
        m_actions->setCurrentWidget(m_reviewPage);
        m_actions->setFixedHeight(std::max(0, m_reviewPage->sizeHint().height()));
        return;
    }
    switch (plan.mode) {
    case PlanMode::Empty:
    case PlanMode::Busy:
    case PlanMode::Review:
        m_actions->setCurrentWidget(plan.canSkip || plan.canRetry ? m_finishedPage : m_emptyPage);
        m_retryButton->setVisible(plan.canRetry);
        m_reviewSkipButton->setVisible(plan.canSkip);
        break;
    case PlanMode::Confirm:
        m_actions->setCurrentWidget(m_confirmPage);
        break;
    case PlanMode::Decide:
        for (int i = 0; i < kMaxChoices; ++i) {
            QPushButton *button = m_choiceButtons.at(static_cast<size_t>(i));
            const bool used = i < plan.choices.size();
            button->setVisible(used);
            if (used) {
                QString label = tr("&%1   %2").arg(i + 1).arg(plan.choices.at(i));
                if (i == plan.defaultChoice)
                    label += tr("   (usual)");
                button->setText(label);
                button->setAccessibleName(tr("Choice %1: %2").arg(i + 1).arg(plan.choices.at(i)));
            }
        }
        m_decideHint->setText(
            tr("Choose with %1 (or type the number, then Enter). The next scan "
               "does not answer this.")
                .arg(choiceNumbers(static_cast<int>(plan.choices.size()), QStringLiteral("Alt+"))));
        m_actions->setCurrentWidget(m_decidePage);
        break;
    case PlanMode::Withdraw:
        m_withdrawText->setText(
            tr("<b>Withdraw %1?</b><br>This deletes the item in Alma.<br>%2")
                .arg(plan.withdrawItem.toHtmlEscaped(), plan.withdrawPolicy.toHtmlEscaped()));
        m_actions->setCurrentWidget(m_withdrawPage);
        break;
    case PlanMode::Guide: {
        m_loanText->setText(plan.loanLines.join(QStringLiteral(" · ")));
        QString steps = tr("<b>In Alma:</b>") + QStringLiteral("<ol>");
        for (const QString &step : plan.almaSteps)
            steps += QStringLiteral("<li>") + step.toHtmlEscaped() + QStringLiteral("</li>");
        steps += QStringLiteral("</ol>");
        m_almaStepsText->setText(steps);
        m_actions->setCurrentWidget(m_guidePage);
        break;
    }
    case PlanMode::Finished:
        m_retryButton->setVisible(plan.canRetry);
        m_reviewSkipButton->setVisible(false);
        m_actions->setCurrentWidget(m_finishedPage);
        break;
    }
    // The stack takes the height of the page shown, not of its tallest page.
    m_actions->setFixedHeight(std::max(0, m_actions->currentWidget()->sizeHint().height()));
}

} // namespace migdesk
