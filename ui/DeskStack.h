// DeskStack: the core objects one desk window works with (network, Alma client, journal,
// executor, scan session), built from Settings and a connection. The GUI's composition root;
// tests build it the same way against the embedded sandbox.
#pragma once

#include "legacy/LegacyStatus.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace migdesk {

class AlmaClient;
class Executor;
class Journal;
class ScanSession;
class Settings;

struct DeskConnection {
    QUrl baseUrl;
    QString apiKey;
    bool sandbox = false;  // the embedded demo Alma: the demo banner shows
    QString library;       // overrides Settings when set (the demo's "MAIN")
    QString circDesk;      // overrides Settings when set (the demo's "DEFAULT_CIRC_DESK")
    QString journalPath;   // empty: no journal (demo, tests)
    QString keyProblem;    // why a configured Alma has no API key (the self-check shows it)
    double rateLimit = 20; // calls per second
    int transferTimeoutMs = 15000;
    int deadlineMs = 30000;
};

class DeskStack : public QObject {
    Q_OBJECT
public:
    DeskStack(const Settings &settings, DeskConnection connection, QObject *parent = nullptr);
    ~DeskStack() override;

    // Re-reads the desk and rules settings into the session and the executor.
    void applySettings(const Settings &settings);

    ScanSession *session() const { return m_session; }
    AlmaClient *client() const { return m_client; }
    Executor *executor() const { return m_executor; }
    Journal *journal() const { return m_journal.get(); } // null without a journal
    const DeskConnection &connection() const { return m_connection; }
    // The source ILS the session's note parser reads for (follows applySettings).
    SourceIls sourceIls() const { return m_sourceIls; }
    // Why the journal could not be opened, or a rules-file warning (empty when all is fine).
    QString warning() const { return m_warning; }

private:
    DeskConnection m_connection;
    QNetworkAccessManager *m_network;
    AlmaClient *m_client;
    std::unique_ptr<Journal> m_journal;
    Executor *m_executor;
    ScanSession *m_session;
    QString m_warning;
    SourceIls m_sourceIls = SourceIls::Auto;
};

} // namespace migdesk
