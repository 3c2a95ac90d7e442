// Settings: MigDesk's preferences as typed values over QSettings, with a change signal. Enums are
// stored as their names; a wrong or corrupt value falls back to the default and is listed in
// problems() (what and where), so the app starts anyway. The API key is never stored here (see
// SecretStore); one found in an old settings file is removed and reported.
#pragma once

#include "alma/ProxyChoice.h"
#include "legacy/LegacyStatus.h"
#include "planning/Plan.h"
#include "planning/Rules.h"

#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace migdesk {

class Settings : public QObject {
    Q_OBJECT
public:
    // The user's settings (QSettings' native location for the application).
    explicit Settings(QObject *parent = nullptr);
    // An INI file at `path`: a profile file, or a temporary file in tests.
    explicit Settings(const QString &iniPath, QObject *parent = nullptr);
    ~Settings() override;

    // What was wrong when the settings were read (translated, one line each).
    QStringList problems() const { return m_problems; }
    QString fileName() const;
    void sync();

    // Alma connection ("na", "eu", "ap", "aps", "ca", "cn", or "custom" with customUrl).
    QString region() const;
    void setRegion(const QString &region);
    // The Alma environment the API key belongs to: "production" (default) or "sandbox"; the
    // window's status line says it.
    QString environment() const;
    void setEnvironment(const QString &environment);
    QString customUrl() const;
    void setCustomUrl(const QString &url);
    QString profile() const; // names the journal and the keychain entry
    void setProfile(const QString &profile);
    static QStringList regionNames();
    // Network: an extra trusted CA (a PEM file; empty: the system's CAs only) and the proxy
    // (default: the system's configuration; a stored value that is not one falls back to it).
    QString caFile() const;
    void setCaFile(const QString &path);
    ProxyChoice proxy() const;
    void setProxy(const ProxyChoice &proxy);

    // Desk
    QString library() const;
    void setLibrary(const QString &code);
    QString circDesk() const;
    void setCircDesk(const QString &code);
    WorkMode workMode() const;
    void setWorkMode(WorkMode mode);
    bool autoApply() const;
    void setAutoApply(bool on);
    bool dryRun() const;
    void setDryRun(bool on);
    // One scan at a time: an item waiting for staff holds every later scan (default off: later
    // scans are looked up and applied while staff answer).
    // Start the window in follow-up mode (default off: every start is at the desk, whatever
    // mode the last session ended in).
    bool startInFollowUp() const;
    void setStartInFollowUp(bool on);
    bool oneAtATime() const;
    void setOneAtATime(bool on);

    // Who works at this workstation (a name or initials), recorded with every journal record.
    // Default: the OS login name (loginName()).
    QString operatorName() const;
    void setOperatorName(const QString &name);
    static QString loginName();
    // The resolution stamp: the note field (empty: off, the default; else one of
    // stampNoteFields()) and its template (empty: the default).
    QString stampNote() const;
    void setStampNote(const QString &field);
    QString stampTemplate() const;
    void setStampTemplate(const QString &templ);

    // Rules and Alma policy
    QString conditionCode() const; // default "DAMAGED"
    void setConditionCode(const QString &code);
    SourceIls sourceIls() const;
    void setSourceIls(SourceIls source);
    QString rulesFile() const;
    void setRulesFile(const QString &path);
    QString missingStrategy() const; // "job" | "put"
    void setMissingStrategy(const QString &strategy);
    QString withdrawHoldings() const; // "retain" | "delete" | "suppress"
    void setWithdrawHoldings(const QString &policy);
    QString withdrawBib() const; // "retain" | "delete" | "suppress"
    void setWithdrawBib(const QString &policy);
    WorkOrderTarget workOrder(const QString &statusId) const;
    void setWorkOrder(const QString &statusId, const WorkOrderTarget &target);
    // How the desk handles a review status (reviewStatuses()): the rules file's way (default), a
    // work order, a fulfillment note or a temporary location.
    ReviewHandling reviewHandling(const QString &statusId) const;
    void setReviewHandling(const QString &statusId, const ReviewHandling &handling);
    // What these settings lay over the rules file (Rules::withOverrides): the condition code when
    // one is stored, every work order with both department and type, and every review status
    // handled otherwise than the rules file says.
    RuleOverrides ruleOverrides() const;

    // Bulk jobs (docs/BULK_JOBS.md)
    // The Change Physical Items job template as typed (JSON with placeholders; empty: the
    // shipped default, M18). Validated by JobTemplate where it is used.
    QString jobTemplate() const;
    void setJobTemplate(const QString &json);
    int damagedJobThreshold() const; // 1..1000000, default 200
    void setDamagedJobThreshold(int items);
    QString bulkVerify() const; // "all" | "sample:N", default "sample:50"
    void setBulkVerify(const QString &policy);
    // Keep the itemized set in Alma after a verified bulk run (default false: MigDesk deletes it).
    bool keepBulkSets() const;
    void setKeepBulkSets(bool keep);
    // The Alma Analytics report "Find migration items" reads (its full catalog path; empty: none).
    QString analyticsReportPath() const;
    void setAnalyticsReportPath(const QString &path);

    // Scanner
    QString scannerPrefix() const;
    void setScannerPrefix(const QString &prefix);
    QString scannerSuffix() const;
    void setScannerSuffix(const QString &suffix);
    QString barcodePattern() const; // empty: the default
    void setBarcodePattern(const QString &pattern);
    bool codabarCheckDigit() const;
    void setCodabarCheckDigit(bool on);
    // The shortest barcode of the library, 1..64, default 5: "1" or "w" is refused before any
    // Alma call, while the demo's and real barcodes (14-digit Codabar, 12 digits) pass.
    int barcodeMinLength() const;
    void setBarcodeMinLength(int length);
    int repeatWindowMs() const; // 0..60000, default 4000
    void setRepeatWindowMs(int ms);

    // Feedback and display
    bool soundsEnabled() const;
    void setSoundsEnabled(bool on);
    int volume() const; // 0..100, default 70
    void setVolume(int volume);
    bool largerText() const;
    void setLargerText(bool on);

Q_SIGNALS:
    // Emitted after a setter changed a stored value (not when the value stayed the same).
    void changed(const QString &key);

private:
    void validate();
    QVariant read(const QString &key, const QVariant &fallback) const;
    void write(const QString &key, const QVariant &value);
    QString readChoice(const QString &key, const QStringList &allowed,
                       const QString &fallback) const;
    void noteProblem(const QString &key, const QString &value, const QString &fallback);

    std::unique_ptr<QSettings> m_settings;
    QStringList m_problems;
};

} // namespace migdesk
