// DeskController: connects the scan session to the panels. Scanner input goes to the session;
// the session's records are rendered on the card, the plan panel and the history; outcomes play
// their sound; staff answers (Enter, 1-3, withdraw, check now, Esc) go back to the session. Keeps
// the scan field focused after every action.
#pragma once

#include "legacy/LegacyStatus.h"
#include "model/Outcome.h"

#include <QObject>
#include <QString>

namespace migdesk {

class FollowUpPanel;
class HistoryModel;
class ItemCardPanel;
class OutcomeBanner;
class PlanPanel;
class ScanField;
class ScanSession;
class Sounds;

struct DeskWidgets {
    ScanField *scanField = nullptr;
    OutcomeBanner *banner = nullptr;
    ItemCardPanel *card = nullptr;
    PlanPanel *plan = nullptr;
    HistoryModel *history = nullptr;
    FollowUpPanel *followUp = nullptr;
};

class DeskController : public QObject {
    Q_OBJECT
public:
    DeskController(ScanSession *session, DeskWidgets widgets, Sounds *sounds,
                   QObject *parent = nullptr);

    // The record shown on the card and the plan panel (0: none).
    qint64 shownId() const { return m_shownId; }
    // Shows a record from the history (Enter on a history row).
    void showRecord(qint64 id);
    // Follow-up: submits the next barcode of the work list.
    void submitNextFromList();
    void refocus();
    // The source ILS the session's note parser was built with (Auto: the card shows the guess).
    void setConfiguredSource(SourceIls source);

Q_SIGNALS:
    // A short line for the status bar ("Alma is unreachable…", "Enter does not withdraw…").
    void notice(const QString &text);
    void offlineChanged(bool offline, int queued);

private:
    void onScanned(const QString &text);
    void onConfirm();
    void onSkip();
    void onRecordChanged(qint64 id);
    void onOutcome(qint64 id, Outcome outcome);
    void render();
    void act(void (ScanSession::*action)(qint64));

    ScanSession *m_session;
    DeskWidgets m_widgets;
    Sounds *m_sounds;
    qint64 m_shownId = 0;
    SourceIls m_configuredSource = SourceIls::Auto;
};

} // namespace migdesk
