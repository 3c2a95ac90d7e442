// ScannerSettingsPage: the "Scanner" page of the settings: the prefix and suffix the scanner
// adds, the library's barcode rules (shortest length, allowed pattern, Codabar-14 check digit)
// with example barcodes marked accepted or refused as the rules are typed, and the repeat window.
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace migdesk {

class Settings;

class ScannerSettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit ScannerSettingsPage(QWidget *parent = nullptr);

    void load(const Settings &settings);
    void save(Settings &settings) const;
    // The examples checked against the rules on screen: demo, 14-digit Codabar, 12 digits,
    // and two inputs that are never barcodes ("1", "w").
    static QStringList exampleBarcodes();
    QString examplesText() const;

private:
    void checkExamples();

    QLineEdit *m_prefix;
    QLineEdit *m_suffix;
    QSpinBox *m_minLength;
    QLineEdit *m_pattern;
    QCheckBox *m_codabar;
    QLabel *m_examples;
    QSpinBox *m_repeatMs;
};

} // namespace migdesk
