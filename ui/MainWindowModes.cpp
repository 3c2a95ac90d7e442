// MainWindow's modes: desk (item in hand) or follow-up (not in hand), the coloured strip that
// says which, and the follow-up list kept in the journal across restarts.
#include "MainWindow.h"

#include "DeskStack.h"
#include "FollowUpPanel.h"
#include "journal/Journal.h"
#include "settings/Settings.h"

#include <QAction>
#include <QLabel>
#include <QTabWidget>

namespace migdesk {

QLabel *MainWindow::buildModeStrip()
{
    // White on a deep purple (contrast above 8:1), with words: never colour alone.
    auto *strip = new QLabel(tr("FOLLOW-UP — items not in hand. Scans are planned for items "
                                "staff do not hold; F6 goes back to the desk."),
                             this);
    strip->setObjectName(QStringLiteral("modeStripLabel"));
    strip->setWordWrap(true);
    strip->setAutoFillBackground(true);
    strip->setMargin(6);
    QPalette pal = strip->palette();
    pal.setColor(QPalette::Window, QColor(0x4B, 0x2A, 0x7B));
    pal.setColor(QPalette::WindowText, QColor(0xFF, 0xFF, 0xFF));
    strip->setPalette(pal);
    QFont bold = strip->font();
    bold.setBold(true);
    strip->setFont(bold);
    strip->hide();
    return strip;
}

void MainWindow::setFollowUpMode(bool on)
{
    const int index = m_bottomTabs->indexOf(m_followUp);
    if (on && index < 0)
        m_bottomTabs->setCurrentIndex(m_bottomTabs->addTab(m_followUp, tr("Follow-up &list")));
    else if (!on && index >= 0)
        m_bottomTabs->removeTab(index);
    m_modeStrip->setVisible(on);
    if (m_followUpAction && m_followUpAction->isChecked() != on)
        m_followUpAction->setChecked(on);
    if (m_settings->workMode() != (on ? WorkMode::Followup : WorkMode::Desk))
        m_settings->setWorkMode(on ? WorkMode::Followup : WorkMode::Desk);
    setWindowTitle(on ? tr("MigDesk — follow-up (item not in hand)") : tr("MigDesk — desk"));
    // The lower tabs keep their tab, filter row, header and three rows in view on a 1366x768
    // screen (in follow-up mode also a second tab row and a count line); the plan's words above
    // scroll instead, and its buttons stay in view.
    const int line = QFontMetrics(centralWidget()->font()).height();
    const int threeRows = line * 7 + 60;
    m_bottomTabs->setMinimumHeight(on ? threeRows + line + 16 : threeRows);
}

bool MainWindow::isFollowUpMode() const
{
    return m_bottomTabs->indexOf(m_followUp) >= 0;
}

void MainWindow::restoreFollowUpList()
{
    Journal *journal = m_stack->journal();
    if (!journal)
        return;
    const Journal::FollowUpList list = journal->followUpList();
    if (list.remaining.isEmpty())
        return;
    m_followUp->setWorkList(list.remaining,
                            tr("%1 — kept from the last session: %2 of %3 still to work.")
                                .arg(list.summary)
                                .arg(list.remaining.size())
                                .arg(list.total));
}

void MainWindow::keepFollowUpList(const QStringList &barcodes, const QString &summary)
{
    if (Journal *journal = m_stack->journal();
        journal && !journal->saveFollowUpList(barcodes, summary))
        showProblem(tr("The list is not kept for the next start: the journal refused it (%1).")
                        .arg(journal->lastError()));
}

void MainWindow::noteListItemTaken(const QString &barcode)
{
    if (Journal *journal = m_stack->journal())
        journal->markFollowUpTaken(barcode);
}

int MainWindow::followUpItemsLeft() const
{
    return static_cast<int>(m_followUp->workList().size()) - m_followUp->takenCount();
}

} // namespace migdesk
