// SettingsDialog: every preference staff or an administrator sets: Alma region or custom URL,
// the API key (kept in the system keychain, never in the settings file) with "Test connection",
// library and desk codes, work orders per review status, condition code, source ILS, auto-apply,
// dry run, the bulk jobs page (BulkSettingsPage: Mark Missing strategy, job template, Damaged
// threshold, verification), withdraw policy, sounds, scanner, rules file, larger text.
#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace migdesk {

class BulkSettingsPage;
class NetworkSettingsPage;
class ReviewHandlingBox;
class ScannerSettingsPage;
class ConnectionTester;
class SecretStore;
class Settings;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Settings *settings, SecretStore *secrets, QWidget *parent = nullptr);

    // Writes the form to Settings (and a newly typed key to the keychain), then closes.
    void accept() override;
    // The Alma base URL the form currently names.
    QUrl formBaseUrl() const;
    // The review statuses that can have a work order, in table order.
    static QStringList workOrderStatuses();

    // Called after Save with what staff should know: whether the changes need a restart.
    void setSavedHandler(std::function<void(const QString &message)> handler)
    {
        m_savedHandler = std::move(handler);
    }
    // Called when the keychain answers a newly typed key, even after the dialog closed.
    void setKeyStoredHandler(std::function<void(bool ok, const QString &message)> handler)
    {
        m_keyStoredHandler = std::move(handler);
    }

Q_SIGNALS:
    void keyStored(bool ok, const QString &message);

private:
    std::function<void(bool, const QString &)> m_keyStoredHandler;
    std::function<void(const QString &)> m_savedHandler;
    // Alma's codes (SettingsDialogCodes.cpp).
    void offerAlmaCodes();
    bool codesKnownToAlma();
    QString connectionFingerprint() const;
    QString savedMessage(const QString &connectionBefore, bool keyChanged) const;
    QLabel *m_codesSummary = nullptr;
    QLabel *m_codeProblems = nullptr;
    QWidget *buildAlmaPage();
    QWidget *buildDeskPage();
    QWidget *buildRulesPage();
    QWidget *buildFeedbackPage();
    void load();
    void testConnection();

    Settings *m_settings;
    SecretStore *m_secrets;
    ConnectionTester *m_tester;
    ReviewHandlingBox *m_reviewHandling;
    QComboBox *m_region;
    QLineEdit *m_customUrl;
    QLineEdit *m_apiKey;
    QLabel *m_keyState;
    QLabel *m_testResult;
    QLineEdit *m_operator;
    QLineEdit *m_library;
    QLineEdit *m_circDesk;
    QCheckBox *m_autoApply;
    QCheckBox *m_startInFollowUp = nullptr;
    QComboBox *m_environment = nullptr;
    QCheckBox *m_oneAtATime;
    QCheckBox *m_dryRun;
    QTableWidget *m_workOrders;
    QLineEdit *m_condition;
    QComboBox *m_sourceIls;
    class StampSettingsBox *m_stamp = nullptr;
    QTabWidget *m_tabs;
    BulkSettingsPage *m_bulkPage;
    NetworkSettingsPage *m_networkPage;
    QComboBox *m_holdings;
    QComboBox *m_bib;
    QLineEdit *m_rulesFile;
    ScannerSettingsPage *m_scannerPage;
    QCheckBox *m_sounds;
    QSlider *m_volume;
    QCheckBox *m_largerText;
};

} // namespace migdesk
