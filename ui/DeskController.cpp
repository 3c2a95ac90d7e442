// DeskController: the desk's event wiring; all wording comes from RecordPresenter.
#include "DeskController.h"

#include "ChoiceWords.h"
#include "FollowUpPanel.h"
#include "HistoryModel.h"
#include "ItemCardPanel.h"
#include "OutcomeBanner.h"
#include "OutcomeStyle.h"
#include "PlanPanel.h"
#include "RecordPresenter.h"
#include "ScanField.h"
#include "Sounds.h"
#include "desk/ScanRecord.h"
#include "desk/ScanSession.h"
#include "desk/ShelfList.h"

#include <algorithm>

namespace migdesk {

DeskController::DeskController(ScanSession *session, DeskWidgets widgets, Sounds *sounds,
                               QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_widgets(widgets)
    , m_sounds(sounds)
{
    ScanField *field = m_widgets.scanField;
    connect(field, &ScanField::scanned, this, &DeskController::onScanned);
    connect(field, &ScanField::confirmPressed, this, &DeskController::onConfirm);
    connect(field, &ScanField::skipPressed, this, &DeskController::onSkip);

    PlanPanel *plan = m_widgets.plan;
    connect(plan, &PlanPanel::confirmRequested, this, [this] { act(&ScanSession::confirm); });
    connect(plan, &PlanPanel::withdrawConfirmed, this,
            [this] { act(&ScanSession::confirmWithdraw); });
    connect(plan, &PlanPanel::verifyRequested, this,
            [this] { act(&ScanSession::verifyLoanAction); });
    connect(plan, &PlanPanel::skipRequested, this, [this] { act(&ScanSession::skip); });
    connect(plan, &PlanPanel::retryRequested, this, [this] { act(&ScanSession::retry); });
    connect(plan, &PlanPanel::reviewActionRequested, this, [this](StepType action) {
        if (m_shownId != 0)
            m_session->chooseAction(m_shownId, action);
        refocus();
    });
    connect(plan, &PlanPanel::choiceRequested, this, [this](int index) {
        if (m_shownId != 0)
            m_session->choose(m_shownId, index);
        refocus();
    });

    connect(m_session, &ScanSession::recordChanged, this, &DeskController::onRecordChanged);
    connect(m_session, &ScanSession::scanAccepted, this, &DeskController::onRecordChanged);
    connect(m_session, &ScanSession::currentChanged, this, [this](qint64 id) {
        m_shownId = id;
        render();
    });
    connect(m_session, &ScanSession::outcomeReached, this, &DeskController::onOutcome);
    connect(m_session, &ScanSession::scanRejected, this,
            [this](const QString &input, const QString &reason) {
                Q_UNUSED(input)
                // Clear the previous item off the card so the error is not read as its own,
                // unless staff are still answering that item.
                const ScanRecord *shown = m_shownId ? m_session->record(m_shownId) : nullptr;
                if (!shown || shown->stage != ScanStage::Planned) {
                    m_shownId = 0;
                    m_widgets.card->clearCard();
                    PlanView plan;
                    plan.statusLine = tr("Not scanned");
                    plan.message = reason;
                    m_widgets.plan->showPlan(plan);
                }
                m_widgets.banner->showOutcome(Outcome::Error, tr("not scanned: %1").arg(reason));
                m_sounds->play(Outcome::Error);
                Q_EMIT notice(tr("Not scanned: %1").arg(reason));
            });
    connect(m_session, &ScanSession::offlineChanged, this, [this](bool offline) {
        Q_EMIT offlineChanged(offline, m_session->queueLength());
        Q_EMIT notice(offline ? tr("Alma does not answer: scans are kept and sent when it does.")
                              : tr("Alma answers again."));
    });
    connect(m_session, &ScanSession::queueLengthChanged, this,
            [this](int length) { Q_EMIT offlineChanged(m_session->isOffline(), length); });
}

void DeskController::refocus()
{
    m_widgets.scanField->setFocus(Qt::OtherFocusReason);
}

void DeskController::act(void (ScanSession::*action)(qint64))
{
    if (m_shownId != 0)
        (m_session->*action)(m_shownId);
    refocus();
}

void DeskController::onScanned(const QString &text)
{
    // While a decision is open, the digit alone (then Enter) answers it; anything else is a
    // scan and queues the next item instead of answering the decision.
    if (const ScanRecord *shown = m_shownId ? m_session->record(m_shownId) : nullptr) {
        const int choices = openChoiceCount(*shown);
        bool isNumber = false;
        const int number = text.trimmed().toInt(&isNumber);
        if (choices > 0 && isNumber && text.trimmed().size() == 1 && number >= 1 &&
            number <= choices) {
            m_session->choose(m_shownId, number - 1);
            return;
        }
    }
    m_session->submit(text);
}

void DeskController::onConfirm()
{
    const ScanRecord *shown = m_shownId ? m_session->record(m_shownId) : nullptr;
    if (!shown)
        return;
    if (awaitsConfirm(*shown)) {
        m_session->confirm(m_shownId);
        return;
    }
    // Enter never withdraws, decides or declares: say what to press instead.
    switch (m_widgets.plan->mode()) {
    case PlanMode::Decide:
        Q_EMIT notice(
            tr("Enter does not choose: press %1.")
                .arg(choiceNumbers(static_cast<int>(m_widgets.plan->plan().choices.size()),
                                   QStringLiteral("Alt+"))));
        break;
    case PlanMode::Withdraw:
        Q_EMIT notice(tr("Enter does not withdraw: press Alt+W to withdraw, Esc to keep it."));
        break;
    case PlanMode::Guide:
        Q_EMIT notice(tr("Declare it in Alma first, then press Alt+D to check."));
        break;
    case PlanMode::Review:
    case PlanMode::Finished:
        if (m_widgets.plan->plan().canChooseAction)
            Q_EMIT notice(tr("Enter does not choose: press Alt+1 to Alt+4, or Esc to skip."));
        break;
    default:
        break;
    }
}

void DeskController::onSkip()
{
    const ScanRecord *shown = m_shownId ? m_session->record(m_shownId) : nullptr;
    if (shown && shown->stage == ScanStage::Planned)
        m_session->skip(m_shownId);
}

void DeskController::onRecordChanged(qint64 id)
{
    const ScanRecord *record = m_session->record(id);
    if (!record)
        return;
    m_widgets.history->upsert(historyRow(*record));
    if (m_shownId == 0)
        m_shownId = id;
    // The waiting count on the card changes with other scans too.
    const ScanRecord *shown = m_session->record(m_shownId);
    if (id == m_shownId || (shown && shown->stage == ScanStage::Planned))
        render();
}

void DeskController::onOutcome(qint64 id, Outcome outcome)
{
    m_sounds->play(outcome);
    const ScanRecord *record = m_session->record(id);
    if (!record)
        return;
    m_widgets.history->upsert(historyRow(*record));
    if (m_widgets.followUp) {
        m_widgets.followUp->markWorked(record->barcode, outcome);
        m_widgets.followUp->setShelfRows(shelfRows(m_session->shelfList()));
    }
    // Show the newest outcome (a repeat, a not-found) unless staff are answering the item on
    // screen: a decision is never taken off the screen by another scan.
    const ScanRecord *shown = m_shownId ? m_session->record(m_shownId) : nullptr;
    if (!shown || shown->stage != ScanStage::Planned)
        m_shownId = id;
    if (id == m_shownId)
        render();
}

void DeskController::showRecord(qint64 id)
{
    if (!m_session->record(id))
        return;
    m_shownId = id;
    render();
    refocus();
}

void DeskController::submitNextFromList()
{
    if (!m_widgets.followUp)
        return;
    const QString next = m_widgets.followUp->takeNext();
    if (!next.isEmpty())
        m_session->submit(next);
    refocus();
}

void DeskController::setConfiguredSource(SourceIls source)
{
    if (source == m_configuredSource)
        return; // a settings change that leaves it alone keeps the screen as it is
    m_configuredSource = source;
    render();
}

void DeskController::render()
{
    const ScanRecord *record = m_shownId ? m_session->record(m_shownId) : nullptr;
    if (!record) {
        m_widgets.card->clearCard();
        m_widgets.plan->showPlan(PlanView{});
        return;
    }
    const CardView card = cardView(*record, m_configuredSource);
    m_widgets.card->showCard(card);
    m_widgets.banner->showOutcome(card.outcome, card.headline);
    PlanView plan = planView(*record);
    plan.canChooseAction = m_session->canChooseAction(record->id);
    if (record->stage == ScanStage::Planned)
        plan.othersWaiting = std::max(0, m_session->waitingForStaffCount() - 1);
    m_widgets.plan->showPlan(plan);
}

} // namespace migdesk
