// Test harness for bulk runs: an in-process sandbox on loopback, a client, a journal in a
// temporary directory, and helpers to build data sets and wait for a run to finish.
#pragma once

#include "alma/AlmaClient.h"
#include "bulk/BulkRunner.h"
#include "journal/Journal.h"

#include <SandboxServer.h>

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace migdesk::test {

// `count` migration items (TECHNICAL, "Status: Missing"), barcodes BK00000, BK00001, ...
inline QByteArray missingItemsData(int count, int loanedEvery = 0)
{
    nlohmann::json items = nlohmann::json::array();
    nlohmann::json loans = nlohmann::json::array();
    for (int i = 0; i < count; ++i) {
        const std::string barcode =
            QStringLiteral("BK%1").arg(i, 5, 10, QLatin1Char('0')).toStdString();
        const std::string pid = "23" + std::to_string(1000000 + i) + "0004";
        items.push_back({{"bib_data", {{"title", "Bulk title " + std::to_string(i)}}},
                         {"holding_data", {{"call_number", "QA " + std::to_string(i)}}},
                         {"item_data",
                          {{"pid", pid},
                           {"barcode", barcode},
                           {"base_status", {{"value", "0"}}},
                           {"process_type", {{"value", "TECHNICAL"}}},
                           {"internal_note_1", "Status: Missing"}}}});
        if (loanedEvery > 0 && i % loanedEvery == loanedEvery - 1)
            loans.push_back({{"item_barcode", barcode}, {"user_id", "U1"}});
    }
    nlohmann::json doc = {{"items", items}};
    if (!loans.empty())
        doc["loans"] = loans;
    return QByteArray::fromStdString(doc.dump());
}

inline QStringList barcodeRange(int count, int from = 0)
{
    QStringList out;
    for (int i = from; i < from + count; ++i)
        out << QStringLiteral("BK%1").arg(i, 5, 10, QLatin1Char('0'));
    return out;
}

class BulkHarness {
public:
    explicit BulkHarness(int itemCount, int jobSeconds = 1, int loanedEvery = 0,
                         bool processTypeWritable = false)
    {
        // The client's per-request debug lines would drown the test output.
        QLoggingCategory::setFilterRules(QStringLiteral("migdesk.alma.debug=false"));
        sandbox::SandboxOptions options;
        options.rateLimit = 0; // the tests here are not about the per-second limit
        options.jobSeconds = jobSeconds;
        options.processTypeWritable = processTypeWritable;
        server = std::make_unique<sandbox::SandboxServer>(options);
        QString error;
        loaded = server->loadData(missingItemsData(itemCount, loanedEvery), &error);
        EXPECT_TRUE(loaded) << error.toStdString();
        EXPECT_TRUE(server->listen());
        AlmaConfig config;
        config.baseUrl = server->baseUrl();
        config.apiKey = options.apiKey;
        config.rateLimitPerSecond = 5000;
        client = std::make_unique<AlmaClient>(&network, config);
        EXPECT_TRUE(dir.isValid());
        auto opened = Journal::open(dir.filePath(QStringLiteral("journal.db")));
        EXPECT_TRUE(opened.isOk()) << opened.error().message.toStdString();
        if (opened.isOk())
            journal = std::move(opened.value());
    }

    BulkRequest request(const QStringList &barcodes, BulkAction action = BulkAction::Missing) const
    {
        BulkRequest request;
        request.action = action;
        for (const QString &barcode : barcodes)
            request.items.push_back({barcode, 0});
        request.jobTemplate = JobTemplate::changePhysicalItems();
        request.sessionName = QStringLiteral("Main desk");
        request.date = QDate(2026, 11, 28);
        request.verify.mode = VerifyPolicy::Mode::All;
        request.pollIntervalMs = 100;
        request.verifyConcurrency = 16;
        return request;
    }

    // Starts `runner` with `request` and waits for finished(); fails the test on a timeout.
    static BulkSummary run(BulkRunner &runner, const BulkRequest &request, int timeoutMs = 60000)
    {
        QSignalSpy spy(&runner, &BulkRunner::finished);
        runner.start(request);
        return wait(spy, timeoutMs);
    }

    static BulkSummary wait(QSignalSpy &spy, int timeoutMs = 60000)
    {
        if (spy.isEmpty() && !spy.wait(timeoutMs)) {
            ADD_FAILURE() << "the bulk run did not finish in time";
            return {};
        }
        return spy.takeFirst().at(0).value<BulkSummary>();
    }

    // Writes the sandbox received, by kind.
    int countOps(const QString &method, const QString &pathPart, const QString &op = {}) const
    {
        int n = 0;
        for (const auto &operation : server->operations()) {
            if (operation.method == method && operation.path.contains(pathPart) &&
                (op.isEmpty() || operation.query.value(QStringLiteral("op")) == op))
                ++n;
        }
        return n;
    }

    QString processType(const QString &barcode) const
    {
        const auto item = server->itemJson(barcode);
        if (!item.is_object() || !item.contains("item_data"))
            return {};
        return QString::fromStdString(
            item["item_data"]["process_type"].value("value", std::string()));
    }

    QTemporaryDir dir;
    std::unique_ptr<sandbox::SandboxServer> server;
    QNetworkAccessManager network;
    std::unique_ptr<AlmaClient> client;
    std::unique_ptr<Journal> journal;
    bool loaded = false;
};

} // namespace migdesk::test
