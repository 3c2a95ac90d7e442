// UndoController: see the header.
#include "UndoController.h"

#include "DeskStack.h"
#include "journal/Journal.h"
#include "journal/JournalReport.h"
#include "pipeline/Executor.h"

#include <QMessageBox>
#include <QPushButton>

namespace migdesk {

UndoController::UndoController(DeskStack *stack, QWidget *window)
    : QObject(window)
    , m_stack(stack)
    , m_window(window)
{}

QString UndoController::whyNot(qint64 intentId) const
{
    Journal *journal = m_stack->journal();
    if (!journal || intentId <= 0)
        return tr("Undo needs the journal, and this desk has none (the demo keeps no journal).");
    if (m_busy)
        return tr("An undo is already running.");
    if (!journal->lastFieldChangeOfIntent(intentId))
        return tr("Nothing on this row can be undone: MigDesk undoes the fields it changed "
                  "(condition, notes, its stamp), not a scan-in or a withdrawal, and a change "
                  "only once.");
    return {};
}

QMessageBox *UndoController::confirmation(QWidget *parent, const QString &barcode,
                                          const QString &title, const FieldChange &change)
{
    const auto fields =
        changedFields(change.before, change.hasAfter ? change.after : change.before);
    QStringList lines;
    for (const FieldDiff &diff : fields) {
        // Only the fields the undo puts back.
        if (diff.field == QLatin1String("physical_condition") ||
            diff.field.contains(QLatin1String("note")))
            lines << QStringLiteral("• %1: %2 → %3")
                         .arg(diff.field, diff.after.isEmpty() ? tr("(empty)") : diff.after,
                              diff.before.isEmpty() ? tr("(empty)") : diff.before);
    }
    if (lines.isEmpty())
        lines << change.requestSummary;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Undo this change?"),
        tr("Undo the change MigDesk made to %1%2?")
            .arg(barcode, title.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(title)),
        QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("undoMessageBox"));
    box->setInformativeText(
        tr("Changed %1 by %2. These fields go back as they were:\n%3\n\nMigDesk reads the item "
           "from Alma first; if anyone changed it since, nothing is written.")
            .arg(QLocale().toString(change.at.toLocalTime(), QLocale::ShortFormat),
                 change.operatorName.isEmpty() ? tr("an unnamed operator") : change.operatorName,
                 lines.join(QLatin1Char('\n'))));
    QPushButton *undo = box->addButton(tr("&Undo the change"), QMessageBox::AcceptRole);
    box->addButton(tr("&Keep it"), QMessageBox::RejectRole);
    box->setDefaultButton(undo);
    return box;
}

void UndoController::undoIntent(qint64 intentId, const QString &title)
{
    const QString reason = whyNot(intentId);
    if (!reason.isEmpty()) {
        Q_EMIT notice(reason);
        return;
    }
    const auto change = m_stack->journal()->lastFieldChangeOfIntent(intentId);
    QMessageBox *box = confirmation(m_window, change->barcode, title, *change);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, box, change = *change](QAbstractButton *button) {
                if (box->buttonRole(button) == QMessageBox::AcceptRole)
                    run(change);
            });
    box->open();
}

void UndoController::run(const FieldChange &change)
{
    m_busy = true;
    ExecutionJob *job = m_stack->executor()->undo(change.intentId, change);
    const QString barcode = change.barcode;
    connect(job, &ExecutionJob::finished, this, [this, job, barcode] {
        m_busy = false;
        const ExecutionResult &result = job->result();
        if (result.outcome == Outcome::Done)
            Q_EMIT notice(tr("Undone: %1 is back as it was.").arg(barcode));
        else
            Q_EMIT notice(tr("%1 was not undone: %2")
                              .arg(barcode, result.error.message.isEmpty() ? result.message
                                                                           : result.error.message));
        Q_EMIT finished();
    });
}

} // namespace migdesk
