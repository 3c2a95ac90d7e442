// RecoveryBanner: a non-modal strip shown on start when the journal holds scans the last session
// did not finish. "Resume (Alt+U)" queues them again (ScanSession::resumeUnfinished): each item
// is read from Alma again, what Alma already shows is recorded as done, the rest is applied once.
// "Not now (Alt+N)" hides the strip (they are offered again at the next start). Never takes the
// focus from the scan field; Enter does not trigger it (Alt+R stays the plan panel's Retry).
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace migdesk {

class ScanSession;

class RecoveryBanner : public QFrame {
    Q_OBJECT
public:
    explicit RecoveryBanner(ScanSession *session, QWidget *parent = nullptr);

    // Shows the strip when the journal holds unfinished scans; returns how many.
    int offer();
    QString text() const;

Q_SIGNALS:
    // After Resume: how many scans were queued again.
    void resumed(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void resume();
    void applyFonts();

    ScanSession *m_session;
    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_resumeButton;
    QPushButton *m_dismissButton;
};

} // namespace migdesk
