// SelfCheck: what the desk needs from this computer, checked at start, from Help > Check this
// computer and by `migdesk --self-test`: every outcome icon renders, the SQLite driver loads,
// the keychain service answers, an audio output exists (a warning only), and the configured
// Alma answers with the key over trusted TLS. Each result names what is missing and how to fix
// it, in words staff can act on.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

class QTimer;

namespace migdesk {

class AlmaClient;
class SecretStore;

enum class CheckStatus { Ok, Warning, Failed };

struct CheckResult {
    QString id;    // stable, untranslated: "icons", "sqlite", "keychain", "audio", "alma", "tls"
    QString title; // translated: "Outcome icons"
    CheckStatus status = CheckStatus::Ok;
    QString detail; // translated: what was found
    QString fix;    // translated: what to do (empty when nothing is to be done)
};

// The Alma the desk talks to, as the self-check sees it.
struct SelfCheckAlma {
    AlmaClient *client = nullptr; // the desk's own client; null: no Alma configured
    bool sandbox = false;         // the embedded demo or training sandbox
    QString keyProblem;           // why the configured Alma has no key (empty: it has one)
};

class SelfCheck : public QObject {
    Q_OBJECT
public:
    SelfCheck(SecretStore *secrets, SelfCheckAlma alma, QObject *parent = nullptr);

    // Runs every check; finished() follows once, later, even when a service never answers.
    void start();
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    bool isFinished() const { return m_pending == 0 && m_started; }
    // In a fixed order: icons, sqlite, keychain, audio, alma, tls.
    std::vector<CheckResult> results() const;
    // No check failed (warnings allowed).
    bool passed() const;

    // "ok       Outcome icons: all 8 render." / "FAILED   ...  Fix: ...": one line per check.
    static QString line(const CheckResult &result);

    // The synchronous checks, also used by tests.
    static CheckResult checkIcons();
    static CheckResult checkSqlite();
    static CheckResult checkAudio();

Q_SIGNALS:
    void finished();

private:
    void startKeychain();
    void startAlma();
    void set(const CheckResult &result);
    void done();
    void timedOut();

    SecretStore *m_secrets;
    SelfCheckAlma m_alma;
    std::vector<CheckResult> m_results;
    QStringList m_tlsErrors;
    QTimer *m_timer = nullptr;
    int m_timeoutMs = 45000;
    int m_pending = 0;
    bool m_started = false;
    bool m_emitted = false;
};

} // namespace migdesk
