// ScanField: turns scanner keystrokes into scans and empty-field keys into confirm/skip.
#include "ScanField.h"

#include <QKeyEvent>
#include <QKeySequence>

namespace migdesk {

namespace {
// Ctrl/Alt/Meta chords the field keeps: the editing keys staff expect in any text field.
bool isEditingChord(const QKeyEvent *key)
{
    for (QKeySequence::StandardKey standard :
         {QKeySequence::Copy, QKeySequence::Cut, QKeySequence::Paste, QKeySequence::SelectAll,
          QKeySequence::Undo, QKeySequence::Redo})
        if (key->matches(standard))
            return true;
    return false;
}

bool isChord(const QKeyEvent *key)
{
    return key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
}
} // namespace

ScanField::ScanField(QWidget *parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("barcodeLineEdit"));
    setAccessibleName(tr("Scan item barcode"));
    setPlaceholderText(tr("Scan or type a barcode, then Enter"));
    setClearButtonEnabled(false);
    setMaxLength(1024); // a barcode is at most 64; longer input is rejected with a message
}

void ScanField::submit()
{
    const QString text = this->text();
    clear();
    Q_EMIT scanned(text);
}

bool ScanField::event(QEvent *event)
{
    // A chord is the window's (Ctrl+E exports, Alt+1 chooses), never the line edit's own
    // shortcut (Ctrl+E would move to the end of the line).
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (isChord(key) && !isEditingChord(key)) {
            event->ignore();
            return false;
        }
    }
    // A scanner that ends with Tab must not move the focus away from the field.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier &&
            !text().trimmed().isEmpty()) {
            submit();
            return true;
        }
    }
    return QLineEdit::event(event);
}

void ScanField::keyPressEvent(QKeyEvent *event)
{
    // An Alt or Ctrl chord no shortcut took (Alt+3 on a two-choice decision) types nothing:
    // its letter would join the next barcode.
    if (isChord(event) && !isEditingChord(event)) {
        event->ignore();
        return;
    }
    const bool empty = text().trimmed().isEmpty();
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (empty) {
            clear();
            Q_EMIT confirmPressed();
        } else {
            submit();
        }
        event->accept();
        return;
    case Qt::Key_Space:
        if (empty && event->modifiers() == Qt::NoModifier) {
            Q_EMIT confirmPressed();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (empty)
            Q_EMIT skipPressed();
        else
            clear();
        event->accept();
        return;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace migdesk
