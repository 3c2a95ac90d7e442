// MigDesk's "nothing lost" guarantee: every real item fixture (tests/fixtures/alma, any file with
// item_data) is loaded into the sandbox, and each PUT path MigDesk has (set condition, set
// fulfillment note, Mark Missing by item update, undo) runs through the Executor over it. Every
// field of the item (bib, holding and item data, fields the sandbox has no rule for included) must
// come back byte for byte apart from the intended change and Alma's modification_date. The
// model's own round trip (parse, change, serialize) is checked the same way. MigDesk has no stamp
// and no temporary-location write yet: when it gets them, they join `paths` below.
#include "ExecutorSupport.h"
#include "alma/AlmaClient.h"
#include "journal/Journal.h"
#include "model/Item.h"
#include "pipeline/Executor.h"

#include <SandboxServer.h>

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <set>

using namespace migdesk;
using nlohmann::json;

namespace {

struct ItemFixture {
    QString name;
    json item;
};

std::vector<ItemFixture> itemFixtures()
{
    std::vector<ItemFixture> fixtures;
    const QDir dir(QStringLiteral(MIGDESK_FIXTURES_DIR "/alma"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = file.readAll();
        json item = json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
        if (item.is_object() && item.contains("item_data")) {
            item.erase("additional_info"); // a scan-in answer: the item without the sentence
            fixtures.push_back({name, std::move(item)});
        }
    }
    return fixtures;
}

// Every difference between `before` and `after` outside `allowed` ("item_data.fulfillment_note"),
// one line each; links are the sandbox's own and not compared.
std::vector<std::string> differences(const json &before, const json &after,
                                     const std::set<std::string> &allowed)
{
    std::vector<std::string> found;
    for (const char *part : {"bib_data", "holding_data", "item_data"}) {
        const json &a = before[part];
        const json &b = after[part];
        std::set<std::string> keys;
        for (const auto &[key, value] : a.items())
            keys.insert(key);
        for (const auto &[key, value] : b.items())
            keys.insert(key);
        for (const std::string &key : keys) {
            const std::string path = std::string(part) + "." + key;
            if (key == "link" || allowed.count(path))
                continue;
            if (!a.contains(key) || !b.contains(key) || a[key].dump() != b[key].dump())
                found.push_back(path + ": " + (a.contains(key) ? a[key].dump() : "(none)") +
                                " -> " + (b.contains(key) ? b[key].dump() : "(none)"));
        }
    }
    return found;
}

class FieldPreservationTest : public ::testing::Test {
protected:
    // A sandbox holding just `fixture` (process_type writable, so Mark Missing by PUT applies).
    void start(const ItemFixture &fixture)
    {
        m_executor.reset();
        m_client.reset();
        m_journal.reset();
        sandbox::SandboxOptions options;
        options.rateLimit = 0;
        options.processTypeWritable = true;
        m_server = std::make_unique<sandbox::SandboxServer>(options);
        QString error;
        ASSERT_TRUE(m_server->loadData(
            QByteArray::fromStdString(json{{"items", {fixture.item}}}.dump()), &error))
            << error.toStdString();
        ASSERT_TRUE(m_server->listen());
        AlmaConfig config;
        config.baseUrl = m_server->baseUrl();
        config.apiKey = options.apiKey;
        config.rateLimitPerSecond = 500;
        m_client = std::make_unique<AlmaClient>(&m_network, config);
        auto journal = Journal::open(m_dir.filePath(fixture.name + QStringLiteral(".sqlite")));
        ASSERT_TRUE(journal.isOk());
        m_journal = std::move(journal.value());
        m_executor = test::makeDeskExecutor(m_client.get(), m_journal.get());
        m_barcode = QString::fromStdString(fixture.item["item_data"]["barcode"].get<std::string>());
    }

    // Runs `step` on the item as MigDesk reads it; returns the sandbox's item before and after.
    std::pair<json, json> runStep(const Step &step)
    {
        const json before = m_server->itemJson(m_barcode);
        const Item shown = test::lookUpItem(*m_client, m_barcode);
        const qint64 intent =
            m_journal->recordIntent(m_barcode, QStringLiteral("desk"), QStringLiteral("desk"));
        const ExecutionResult result = test::waitForJob(
            m_executor->execute(intent, shown, {step}, QDateTime::currentDateTimeUtc()),
            m_client.get());
        EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
        return {before, m_server->itemJson(m_barcode)};
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<AlmaClient> m_client;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Executor> m_executor;
    QString m_barcode;
};

TEST_F(FieldPreservationTest, FixturesIncludeTheFieldsAlmaAddsToItems)
{
    bool retention = false;
    for (const auto &fixture : itemFixtures())
        retention = retention || fixture.item["item_data"].contains("committed_to_retain");
    EXPECT_GE(itemFixtures().size(), 3u);
    EXPECT_TRUE(retention) << "no item fixture carries the retention fields";
}

TEST_F(FieldPreservationTest, SandboxKeepsEveryFieldItWasGiven)
{
    for (const auto &fixture : itemFixtures()) {
        SCOPED_TRACE(fixture.name.toStdString());
        start(fixture);
        const json loaded = m_server->itemJson(m_barcode);
        for (const char *part : {"bib_data", "holding_data", "item_data"}) {
            for (const auto &[key, value] : fixture.item[part].items()) {
                if (key != "link") {
                    EXPECT_EQ(loaded[part][key].dump(), value.dump()) << part << "." << key;
                }
            }
        }
    }
}

TEST_F(FieldPreservationTest, EveryPutPathChangesOnlyItsFields)
{
    Step condition;
    condition.type = StepType::SetCondition;
    condition.conditionCode = QStringLiteral("DAMAGED");
    Step note;
    note.type = StepType::SetFulfillmentNote;
    note.fulfillmentNote = QStringLiteral("Check the spine before lending");
    Step missing;
    missing.type = StepType::MarkMissing;
    missing.missingStrategy = QStringLiteral("put");
    // Each path: the item_data field it changes, and what Alma changes with it.
    const std::vector<std::tuple<const char *, Step, std::string, std::string>> paths = {
        {"condition", condition, "physical_condition", ""},
        {"fulfillment note", note, "fulfillment_note", ""},
        {"missing", missing, "process_type", "item_data.base_status"},
    };
    for (const auto &fixture : itemFixtures()) {
        for (const auto &[label, step, field, alsoChanged] : paths) {
            SCOPED_TRACE(fixture.name.toStdString() + ", " + label);
            start(fixture);
            const auto [before, after] = runStep(step);
            const std::set<std::string> allowed = {"item_data." + field, alsoChanged,
                                                   "item_data.modification_date"};
            EXPECT_EQ(differences(before, after, allowed), std::vector<std::string>());
            EXPECT_NE(before["item_data"][field], after["item_data"][field]) << field;
        }
    }
}

TEST_F(FieldPreservationTest, UndoPutsBackEveryByte)
{
    Step condition;
    condition.type = StepType::SetCondition;
    condition.conditionCode = QStringLiteral("FRAGILE");
    for (const auto &fixture : itemFixtures()) {
        SCOPED_TRACE(fixture.name.toStdString());
        start(fixture);
        const auto [before, changed] = runStep(condition);
        const auto change = m_journal->lastFieldChange();
        ASSERT_TRUE(change.has_value());
        const ExecutionResult undone =
            test::waitForJob(m_executor->undo(change->intentId, *change), m_client.get());
        EXPECT_EQ(undone.outcome, Outcome::Done) << undone.message.toStdString();
        const json after = m_server->itemJson(m_barcode);
        EXPECT_EQ(differences(before, after, {"item_data.modification_date"}),
                  std::vector<std::string>());
    }
}

TEST(ItemModelRoundTrip, SerializeWritesOnlyWhatChanged)
{
    for (const auto &fixture : itemFixtures()) {
        SCOPED_TRACE(fixture.name.toStdString());
        const auto parsed = itemFromJson(fixture.item);
        ASSERT_TRUE(parsed.isOk());
        Item item = parsed.value();
        const json untouched = json::parse(serializeItem(item).toStdString());
        EXPECT_EQ(untouched, fixture.item) << "an unchanged item must go back exactly as read";
        item.fulfillmentNote = QStringLiteral("Fragile spine");
        const json written = json::parse(serializeItem(item).toStdString());
        EXPECT_EQ(differences(fixture.item, written, {"item_data.fulfillment_note"}),
                  std::vector<std::string>());
        EXPECT_EQ(written["link"], fixture.item["link"]);
        EXPECT_EQ(written["item_data"]["fulfillment_note"], "Fragile spine");
    }
}

} // namespace
