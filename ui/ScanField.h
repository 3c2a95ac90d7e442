// ScanField: the big barcode field. A keyboard-wedge scanner types a barcode and ends it with
// Enter or Tab; both submit. On an empty field, Enter or Space confirm the plan on screen (never
// a dangerous step: the controller decides) and Esc skips. Alt and Ctrl chords never type into
// the field, and reach the window's shortcuts (Ctrl+E) first.
#pragma once

#include <QLineEdit>

namespace migdesk {

class ScanField : public QLineEdit {
    Q_OBJECT
public:
    explicit ScanField(QWidget *parent = nullptr);

Q_SIGNALS:
    void scanned(const QString &text);
    void confirmPressed();
    void skipPressed();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void submit();
};

} // namespace migdesk
