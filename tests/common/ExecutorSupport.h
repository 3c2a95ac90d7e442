// Helpers for tests that drive the Executor against the in-process sandbox: a desk executor on
// MAIN / DEFAULT_CIRC_DESK, a demo barcode by scenario, an item looked up by barcode, and the
// result of an execution job, each waited for with a bounded event loop.
#pragma once

#include "alma/AlmaClient.h"
#include "journal/Journal.h"
#include "pipeline/Executor.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace migdesk::test {

inline std::unique_ptr<Executor> makeDeskExecutor(AlmaClient *client, Journal *journal)
{
    ExecutorSettings settings;
    settings.library = QStringLiteral("MAIN");
    settings.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
    return std::make_unique<Executor>(client, journal, settings);
}

// The barcode of the first demo example whose scenario contains `scenarioPart`.
inline QString demoExample(const sandbox::SandboxServer &server, const QString &scenarioPart)
{
    for (const auto &example : server.demoExamples()) {
        if (example.scenario.contains(scenarioPart))
            return example.barcode;
    }
    ADD_FAILURE() << "no demo example for " << scenarioPart.toStdString();
    return {};
}

inline Item lookUpItem(AlmaClient &client, const QString &barcode)
{
    ItemReply *reply = client.itemByBarcode(barcode);
    bool done = false;
    Item item;
    QObject::connect(reply, &AlmaReply::finished, reply, [&] {
        EXPECT_TRUE(reply->isOk()) << reply->error().message.toStdString();
        item = reply->item();
        done = true;
    });
    EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 10000));
    return item;
}

inline ExecutionResult waitForJob(ExecutionJob *job, QObject *context)
{
    bool done = false;
    ExecutionResult result;
    QObject::connect(job, &ExecutionJob::finished, context, [&] {
        result = job->result();
        done = true;
    });
    EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 20000));
    return result;
}

// The in-process sandbox with 120 demo items, a client that counts its exchanges, a journal (or
// none) and a desk executor on MAIN / DEFAULT_CIRC_DESK: the bench of the executor tests.
class SandboxExecutorFixture : public ::testing::Test {
protected:
    void SetUp() override { startSandbox({}); }

    // (Re)starts everything; a journal file in a temporary folder unless `withJournal` is false.
    void startSandbox(sandbox::SandboxOptions options, bool withJournal = true)
    {
        options.rateLimit = 0;
        m_executor.reset();
        m_client.reset();
        m_journal.reset();
        m_server.reset();
        m_server = std::make_unique<sandbox::SandboxServer>(options);
        m_server->loadDemo(120, 1);
        ASSERT_TRUE(m_server->listen());
        AlmaConfig config;
        config.baseUrl = m_server->baseUrl();
        config.apiKey = QStringLiteral("sandbox-demo-key");
        config.rateLimitPerSecond = 500;
        config.deadlineMs = 2000;
        config.transferTimeoutMs = 2000;
        m_client = std::make_unique<AlmaClient>(&m_network, config);
        QObject::connect(m_client.get(), &AlmaClient::requestFinished, m_client.get(),
                         [this] { ++m_requests; });
        if (withJournal) {
            auto journal = Journal::open(m_dir.filePath(QStringLiteral("journal.sqlite")));
            ASSERT_TRUE(journal.isOk());
            m_journal = std::move(journal.value());
        }
        m_executor = makeDeskExecutor(m_client.get(), m_journal.get());
    }

    // The writes with this method the sandbox received for the item.
    int writesTo(const QString &barcode, const QString &method) const
    {
        int count = 0;
        for (const auto &op : m_server->operations())
            count += op.barcode == barcode && op.method == method ? 1 : 0;
        return count;
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<AlmaClient> m_client;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Executor> m_executor;
    int m_requests = 0; // HTTP exchanges the client finished
};

} // namespace migdesk::test
