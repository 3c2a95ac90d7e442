// Helpers for tests that drive the Executor against the in-process sandbox: a desk executor on
// MAIN / DEFAULT_CIRC_DESK, a demo barcode by scenario, an item looked up by barcode, and the
// result of an execution job, each waited for with a bounded event loop.
#pragma once

#include "alma/AlmaClient.h"
#include "journal/Journal.h"
#include "pipeline/Executor.h"

#include <SandboxServer.h>

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

} // namespace migdesk::test
