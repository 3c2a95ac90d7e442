// A desk test bench: an in-process sandbox over loopback with a small, explicit data set, the
// real Alma client, executor, journal, parser and planner, and a ScanSession wired to them.
#pragma once

#include "alma/AlmaClient.h"
#include "desk/ScanRecord.h"
#include "desk/ScanSession.h"
#include "journal/Journal.h"
#include "legacy/NoteParser.h"
#include "pipeline/Executor.h"
#include "planning/Planner.h"

#include "SandboxServer.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace migdesk::test {

// The barcodes of deskTestData().
namespace demo {
inline const QString missing = QStringLiteral("30000000000001");     // Sierra "Status: Missing"
inline const QString damaged = QStringLiteral("30000000000002");     // Koha "Status: Damaged"
inline const QString withdrawn = QStringLiteral("30000000000003");   // Sierra "Status: Withdrawn"
inline const QString lostOnLoan = QStringLiteral("30000000000004");  // Voyager Lost, active loan
inline const QString unknownNote = QStringLiteral("30000000000005"); // a note naming no status
inline const QString transit = QStringLiteral("30000000000006");     // Sierra "Status: In Transit"
inline const QString billed = QStringLiteral("30000000000007");      // Sierra "Status: Billed"
inline const QString missing2 = QStringLiteral("30000000000008");    // another Missing
inline const QString notInAlma = QStringLiteral("39999999999999");
// Twenty Missing items for the burst: 3100000000000N.
QString burst(int i);
} // namespace demo

QByteArray deskTestData();

class DeskFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    SessionSettings defaultSettings() const;
    // (Re)creates the client and the executor (the journal stays).
    void makeClient();
    void makeExecutor();
    // (Re)creates the session with these settings (the journal, client and executor stay).
    void makeSession(const SessionSettings &settings);
    // Stops the sandbox (Alma unreachable) / starts a fresh one on the same port.
    void stopSandbox();
    void startSandbox(quint16 port = 0);

    // Processes events until `predicate` holds or the timeout passes.
    bool waitFor(const std::function<bool()> &predicate, int timeoutMs = 15000);
    // Waits until the record reached a stage where it waits for staff or is finished.
    bool waitSettled(qint64 id, int timeoutMs = 15000);
    const ScanRecord &record(qint64 id) const;
    qint64 lastId() const;
    std::vector<sandbox::Operation> writesFor(const QString &barcode) const;
    QString processType(const QString &barcode) const;

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<AlmaClient> m_client;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Executor> m_executor;
    std::unique_ptr<ScanSession> m_session;
    quint16 m_port = 0;
    int m_requests = 0; // HTTP exchanges the client finished (the 302 counts)
    std::vector<qint64> m_outcomeOrder;
};

} // namespace migdesk::test
