// SelfCheckBanner: a non-modal strip at the top of the desk window with what the self-check
// (SelfCheck) found wrong on this computer and how to fix it. Shown after the start-up check when
// something failed or warned, and after Help > Check this computer with every result. Never takes
// the focus from the scan field: its buttons take the focus only by Tab or a click.
#pragma once

#include "SelfCheck.h"

#include <QFrame>

#include <vector>

class QLabel;
class QPushButton;

namespace migdesk {

class SelfCheckBanner : public QFrame {
    Q_OBJECT
public:
    explicit SelfCheckBanner(QWidget *parent = nullptr);

    // Runs the checks for `alma` with `secrets`; shows the strip when something failed or warned,
    // or always when `showWhenClean`. A check still running is abandoned.
    void run(SecretStore *secrets, const SelfCheckAlma &alma, bool showWhenClean);
    // Shows `results` (what run() does when the checks are done).
    void showResults(const std::vector<CheckResult> &results, bool showWhenClean);

    bool isRunning() const { return m_check != nullptr; }
    const std::vector<CheckResult> &results() const { return m_results; }
    QString text() const;

Q_SIGNALS:
    // The checks are done and the strip shows (or hides) their results.
    void checked(bool passed);
    // "Check again": the owner runs the checks again with the current state.
    void againRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyLook(bool failed);
    void applyFonts();

    SelfCheck *m_check = nullptr;
    std::vector<CheckResult> m_results;
    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_againButton;
    QPushButton *m_hideButton;
};

} // namespace migdesk
