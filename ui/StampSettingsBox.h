// StampSettingsBox: the resolution stamp on the Rules page of the settings: off or the note field
// it goes to, its template, and what it costs (nothing when the fix PUTs anyway, one PUT after a
// scan-in otherwise); a warning when staff would see it at the desk (the fulfillment note).
#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;

namespace migdesk {

class Settings;

class StampSettingsBox : public QGroupBox {
    Q_OBJECT
public:
    explicit StampSettingsBox(QWidget *parent = nullptr);
    void load(const Settings &settings);
    void save(Settings &settings) const;

private:
    void explain();

    QComboBox *m_field;
    QLineEdit *m_template;
    QLabel *m_hint;
};

} // namespace migdesk
