// BulkSettingsPage: the "Bulk jobs" page of the settings: the Mark Missing strategy, the
// Change Physical Items job template (JSON pasted from Alma's Run-a-Job "API information" step,
// or loaded from a file), checked by JobTemplate as it is typed with the problem shown under the
// field, the Damaged job threshold, how the items are verified after the job and whether the
// set is kept in Alma afterwards.
#pragma once

#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace migdesk {

class Settings;

class BulkSettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit BulkSettingsPage(QWidget *parent = nullptr);

    void load(const Settings &settings);
    // Writes the page to `settings`; false (nothing written) while the template is invalid.
    bool save(Settings &settings);
    // True when the template field is empty or holds a valid template.
    bool templateIsValid() const { return m_templateValid; }
    // The inline verdict under the template field (the error, or what the template runs).
    QString templateStatus() const;
    // Reads a template file into the field (it is checked like typed text).
    bool loadTemplateFile(const QString &path);

private:
    void checkTemplate();

    QComboBox *m_missing;
    QPlainTextEdit *m_template;
    QLabel *m_templateStatus;
    QSpinBox *m_threshold;
    QComboBox *m_verify;
    QSpinBox *m_sample;
    QCheckBox *m_keepSets;
    bool m_templateValid = true;
    QString m_conditionCode = QStringLiteral("DAMAGED");
};

} // namespace migdesk
