// UndoController: "Undo this change…" on a history row. It finds the row's newest field change
// MigDesk made (condition, notes, stamp), asks staff with the item and the fields named, and
// lets the Executor restore them: the item is re-read first and the undo refused when Alma's
// record changed since. The undo is journaled as an undo of that write. Scan-ins and withdrawals
// are not field changes and are never offered.
#pragma once

#include <QObject>
#include <QString>

class QMessageBox;
class QWidget;

namespace migdesk {

class DeskStack;
struct FieldChange;

class UndoController : public QObject {
    Q_OBJECT
public:
    UndoController(DeskStack *stack, QWidget *window);

    // Why the row of journal intent `intentId` has nothing to undo (empty: it has).
    QString whyNot(qint64 intentId) const;
    // Asks, then undoes the newest field change of the intent (a notice when there is none).
    void undoIntent(qint64 intentId, const QString &title);

    // The confirmation (not shown): the item, who changed what and when, and the fields.
    static QMessageBox *confirmation(QWidget *parent, const QString &barcode, const QString &title,
                                     const FieldChange &change);

Q_SIGNALS:
    void notice(const QString &text);
    void finished(); // an undo was made or refused (the history may refresh)

private:
    void run(const FieldChange &change);

    DeskStack *m_stack;
    QWidget *m_window;
    bool m_busy = false;
};

} // namespace migdesk
