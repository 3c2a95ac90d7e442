// BulkJobDialog: the confirmation before a bulk run hands items to Alma's Change Physical Items
// job. It says how many items, which job (name and id, from the template: the shipped M18 one
// unless the settings hold another) and the name of the set MigDesk creates; when the run cannot
// start (no template, a template unable to do the action, no items) it lists why and offers no Run
// button. Opened with open(): no nested event loop, the desk keeps working behind it.
#pragma once

#include "bulk/BulkTypes.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace migdesk {

class BulkJobDialog : public QDialog {
    Q_OBJECT
public:
    explicit BulkJobDialog(const BulkConfirmation &confirmation, QWidget *parent = nullptr);

    const BulkConfirmation &confirmation() const { return m_confirmation; }
    QPushButton *runButton() const { return m_run; }
    // The dialog's words (title line, items, job, set, problems), for tests and screen readers.
    QString text() const;

private:
    BulkConfirmation m_confirmation;
    QLabel *m_text;
    QPushButton *m_run;
};

} // namespace migdesk
