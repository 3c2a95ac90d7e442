// OperatorDialog: "Who is at the desk?" at start and from File > Change operator. The name or
// initials go into Settings (per workstation) and from there into every journal record.
#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace migdesk {

class Settings;

class OperatorDialog : public QDialog {
    Q_OBJECT
public:
    OperatorDialog(Settings *settings, QWidget *parent = nullptr);
    QString name() const;

protected:
    void done(int result) override; // stores the name when accepted

private:
    Settings *m_settings;
    QLineEdit *m_name;
    QPushButton *m_ok;
};

} // namespace migdesk
