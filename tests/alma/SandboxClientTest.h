// GoogleTest fixture: an AlmaClient talking to the in-process MigDesk sandbox over loopback,
// loaded with items made from the real Alma item fixture (so barcodes and states are known).
#pragma once

#include "AlmaTestSupport.h"
#include "SandboxServer.h"
#include "TestSupport.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace migdesk::test {

inline const QString kSandboxKey = QStringLiteral("l8xxSANDBOXSENTINEL0042");

// An Alma item object: the recorded fixture with a new barcode, pid and home library.
inline nlohmann::json sandboxItem(const QString &barcode, int index, const char *library = "MAIN")
{
    const QByteArray text = readFixture(QStringLiteral("alma/item_response.json"));
    nlohmann::json item = nlohmann::json::parse(text.constBegin(), text.constEnd());
    auto &data = item["item_data"];
    data["barcode"] = barcode.toStdString();
    data["pid"] = std::to_string(23100000000002204ULL + quint64(index) * 100);
    data["library"] = {{"value", library}, {"desc", library}};
    data["location"] = {{"value", "STACKS"}, {"desc", "Stacks"}};
    data["base_status"] = {{"value", "1"}, {"desc", "Item in place"}};
    data["process_type"] = {{"value", ""}, {"desc", nullptr}};
    data["requested"] = false;
    item.erase("link");
    return item;
}

inline bool isDigitsOnly(const QString &text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

class SandboxClientTest : public ::testing::Test {
protected:
    virtual sandbox::SandboxOptions options() const
    {
        sandbox::SandboxOptions o;
        o.apiKey = kSandboxKey;
        o.rateLimit = 0;
        o.jobSeconds = 0;
        o.dailyBudget = 100000;
        return o;
    }

    void SetUp() override
    {
        server = std::make_unique<sandbox::SandboxServer>(options());
        nlohmann::json items = nlohmann::json::array();
        int index = 0;
        for (const QString &barcode : barcodes)
            items.push_back(sandboxItem(barcode, ++index));
        items.push_back(sandboxItem(QStringLiteral("ELSEWHERE-1"), ++index, "SCI"));
        items.push_back(sandboxItem(QStringLiteral("ONLOAN-1"), ++index));
        const nlohmann::json loans = nlohmann::json::array({{{"item_barcode", "ONLOAN-1"},
                                                             {"user_id", "u1"},
                                                             {"loan_date", "2026-11-01T10:00:00Z"},
                                                             {"due_date", "2026-12-01T23:59:00Z"},
                                                             {"process_status", "NORMAL"}}});
        const std::string document = nlohmann::json{{"items", items}, {"loans", loans}}.dump();
        QString error;
        ASSERT_TRUE(server->loadData(QByteArray::fromStdString(document), &error))
            << error.toStdString();
        ASSERT_TRUE(server->listen());
        AlmaConfig config = loopbackConfig(server->baseUrl(), kSandboxKey);
        client = std::make_unique<AlmaClient>(&network, config);
    }

    void configure(const std::function<void(AlmaConfig &)> &change)
    {
        AlmaConfig config = client->config();
        change(config);
        client->setConfig(config);
    }

    Item lookup(const QString &barcode)
    {
        const CallOutcome outcome = waitFor(client->itemByBarcode(barcode));
        EXPECT_TRUE(outcome.ok) << barcode.toStdString() << ": "
                                << outcome.error.message.toStdString();
        return outcome.item;
    }

    size_t writesReceived() const { return server->operations().size(); }

    // Plain ones first, then the hostile ones of issue 4.
    const QStringList barcodes = {QStringLiteral("PLAIN-1"),
                                  QStringLiteral("PLAIN-2"),
                                  QStringLiteral("a+b"),
                                  QStringLiteral("a b"),
                                  QStringLiteral("x&op=delete"),
                                  QStringLiteral("x"),
                                  QStringLiteral("../"),
                                  QStringLiteral("%00"),
                                  QStringLiteral(" padded "),
                                  QString::fromUtf8("Bücher-條碼-✓"),
                                  QStringLiteral("q?item_barcode=PLAIN-1"),
                                  QStringLiteral("h#1")};

    std::unique_ptr<sandbox::SandboxServer> server;
    QNetworkAccessManager network;
    std::unique_ptr<AlmaClient> client;
};

} // namespace migdesk::test
