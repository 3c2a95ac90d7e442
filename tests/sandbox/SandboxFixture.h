// Test fixture: an in-process sandbox with demo data on an ephemeral loopback port, and a
// client for it. Helpers find demo barcodes by scenario and item paths by barcode.
#pragma once

#include "SandboxHttpClient.h"
#include "SandboxServer.h"

#include <QUrl>

#include <gtest/gtest.h>

#include <memory>

namespace migdesk::test {

class SandboxFixture : public ::testing::Test {
protected:
    void SetUp() override { start(options()); }

    virtual sandbox::SandboxOptions options() const
    {
        sandbox::SandboxOptions o;
        o.rateLimit = 0; // most tests send bursts; the limit has its own tests
        o.jobSeconds = 0;
        return o;
    }

    void start(const sandbox::SandboxOptions &o)
    {
        client.reset();
        server = std::make_unique<sandbox::SandboxServer>(o);
        server->loadDemo(150, 7);
        ASSERT_TRUE(server->listen());
        client = std::make_unique<SandboxHttpClient>(server->baseUrl());
    }

    // The first demo barcode whose scenario contains `text`.
    QString barcodeFor(const char *text) const
    {
        for (const auto &example : server->demoExamples()) {
            if (example.scenario.contains(QLatin1String(text)))
                return example.barcode;
        }
        ADD_FAILURE() << "no demo scenario containing " << text;
        return {};
    }

    // The item's path ("/almaws/v1/bibs/.../items/PID") from its current state.
    QString itemPath(const QString &barcode) const
    {
        const auto item = server->itemJson(barcode);
        if (!item.is_object())
            return {};
        return QUrl(QString::fromStdString(item["link"].get<std::string>())).path();
    }

    std::string field(const QString &barcode, const char *key, const char *sub = "value") const
    {
        const auto item = server->itemJson(barcode);
        const auto &value = item["item_data"][key];
        if (value.is_object())
            return value[sub].is_string() ? value[sub].get<std::string>() : std::string();
        return value.is_string() ? value.get<std::string>() : std::string();
    }

    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<SandboxHttpClient> client;
};

} // namespace migdesk::test
