// The options Alma documents for sets, as other people's Alma clients use them: members by item
// PID when id_type is left out, fail_on_invalid_id=false skipping bad ids, op=delete_members, the
// set list, DELETE, and Alma's codes and types (60107, 402263, a string count, timestamps).
#include "SandboxFixture.h"

#include <QDateTime>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

class SandboxSetOptionsTest : public SandboxFixture {
protected:
    HttpResult createSet(const std::string &name)
    {
        const json body = {
            {"name", name}, {"type", {{"value", "ITEMIZED"}}}, {"content", {{"value", "ITEM"}}}};
        return client->post(QStringLiteral("/almaws/v1/conf/sets"), {},
                            QByteArray::fromStdString(body.dump()));
    }
    QString setPath(const HttpResult &created) const
    {
        return QStringLiteral("/almaws/v1/conf/sets/") +
               QString::fromStdString(created.json.value("id", std::string()));
    }
    // POST on the set with `ids` as members and the query items given.
    HttpResult members(const QString &path, const std::vector<std::string> &ids,
                       std::initializer_list<std::pair<const char *, QString>> query)
    {
        json list = json::array();
        for (const auto &id : ids)
            list.push_back({{"id", id}});
        return client->post(
            path, makeQuery(query),
            QByteArray::fromStdString(json{{"members", {{"member", list}}}}.dump()));
    }
    std::string pidOf(const QString &barcode) const
    {
        return server->itemJson(barcode)["item_data"]["pid"].get<std::string>();
    }
    std::vector<QString> barcodes(size_t count) const
    {
        std::vector<QString> out;
        for (const auto &example : server->demoExamples()) {
            if (out.size() < count)
                out.push_back(example.barcode);
        }
        return out;
    }
};

TEST_F(SandboxSetOptionsTest, MembersAreItemPidsWhenIdTypeIsLeftOut)
{
    const auto set = createSet("By PID");
    const auto items = barcodes(2);
    const auto added = members(setPath(set), {pidOf(items[0]), pidOf(items[1])},
                               {{"op", QStringLiteral("add_members")}});
    ASSERT_EQ(added.status, 200) << added.body.toStdString();
    EXPECT_EQ(added.json["number_of_members"]["value"], "2");
    // A barcode is not a PID: without id_type it is an invalid member.
    const auto byBarcode =
        members(setPath(set), {items[0].toStdString()}, {{"op", QStringLiteral("add_members")}});
    EXPECT_EQ(byBarcode.status, 400);
    EXPECT_EQ(byBarcode.firstErrorCode(), "60116");
    const auto unknownType =
        members(setPath(set), {pidOf(items[0])},
                {{"op", QStringLiteral("add_members")}, {"id_type", QStringLiteral("ISBN")}});
    EXPECT_EQ(unknownType.status, 400);
}

TEST_F(SandboxSetOptionsTest, FailOnInvalidIdFalseSkipsBadIds)
{
    const auto set = createSet("Skip invalid");
    const auto items = barcodes(2);
    const auto added =
        members(setPath(set), {items[0].toStdString(), "no-such-barcode", items[1].toStdString()},
                {{"op", QStringLiteral("add_members")},
                 {"id_type", QStringLiteral("BARCODE")},
                 {"fail_on_invalid_id", QStringLiteral("false")}});
    ASSERT_EQ(added.status, 200) << added.body.toStdString();
    EXPECT_EQ(added.json["number_of_members"]["value"], "2");
    // The default (true) still answers the bad id with 60116.
    const auto strict =
        members(setPath(set), {"no-such-barcode"},
                {{"op", QStringLiteral("add_members")}, {"id_type", QStringLiteral("BARCODE")}});
    EXPECT_EQ(strict.status, 400);
    EXPECT_EQ(strict.firstErrorCode(), "60116");
}

TEST_F(SandboxSetOptionsTest, DeleteMembersRemovesThem)
{
    const auto set = createSet("Remove some");
    const auto items = barcodes(3);
    ASSERT_EQ(members(setPath(set), {pidOf(items[0]), pidOf(items[1]), pidOf(items[2])},
                      {{"op", QStringLiteral("add_members")}})
                  .status,
              200);
    const auto removed =
        members(setPath(set), {items[1].toStdString()},
                {{"op", QStringLiteral("delete_members")}, {"id_type", QStringLiteral("BARCODE")}});
    ASSERT_EQ(removed.status, 200) << removed.body.toStdString();
    EXPECT_EQ(removed.json["number_of_members"]["value"], "2");
    const auto list = client->get(setPath(set) + QStringLiteral("/members"));
    ASSERT_EQ(list.json["member"].size(), 2u);
    EXPECT_EQ(list.json["member"][0]["id"], pidOf(items[0]));
    EXPECT_EQ(list.json["member"][1]["id"], pidOf(items[2]));
    const auto notMember =
        members(setPath(set), {pidOf(items[1])}, {{"op", QStringLiteral("delete_members")}});
    EXPECT_EQ(notMember.firstErrorCode(), "60116");
}

TEST_F(SandboxSetOptionsTest, ListAndDeleteSets)
{
    const auto first = createSet("MigDesk Missing 2026-11-28 Main desk");
    const auto second = createSet("Weeding 2026");
    auto list = client->get(QStringLiteral("/almaws/v1/conf/sets"));
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.json["total_record_count"], 2);
    EXPECT_EQ(list.json["set"][0]["id"], first.json["id"]);
    list = client->get(QStringLiteral("/almaws/v1/conf/sets"),
                       makeQuery({{"q", QStringLiteral("name~missing")}}));
    EXPECT_EQ(list.json["total_record_count"], 1);
    EXPECT_EQ(list.json["set"][0]["name"], "MigDesk Missing 2026-11-28 Main desk");
    EXPECT_EQ(client->del(setPath(second)).status, 204);
    EXPECT_EQ(client->get(QStringLiteral("/almaws/v1/conf/sets")).json["total_record_count"], 1);
    const auto again = client->del(setPath(second));
    EXPECT_EQ(again.status, 400);
    EXPECT_EQ(again.firstErrorCode(), "60107");
}

TEST_F(SandboxSetOptionsTest, AlmaErrorCodesForSets)
{
    const auto unknown = client->get(QStringLiteral("/almaws/v1/conf/sets/123456"));
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(unknown.firstErrorCode(), "60107");
    EXPECT_EQ(members(QStringLiteral("/almaws/v1/conf/sets/123456"), {"1"},
                      {{"op", QStringLiteral("add_members")}})
                  .firstErrorCode(),
              "60107");
    EXPECT_EQ(client->get(QStringLiteral("/almaws/v1/conf/sets/123456/members")).firstErrorCode(),
              "60107");
    ASSERT_EQ(createSet("Same name").status, 200);
    const auto duplicate = createSet("Same name");
    EXPECT_EQ(duplicate.status, 400);
    EXPECT_EQ(duplicate.firstErrorCode(), "402263");
}

TEST_F(SandboxSetOptionsTest, CountIsAStringAndDatesAreTimestamps)
{
    const auto set = createSet("Types");
    ASSERT_EQ(set.status, 200);
    EXPECT_TRUE(set.json["number_of_members"]["value"].is_string());
    for (const char *key : {"created_date", "status_date"}) {
        ASSERT_TRUE(set.json[key].is_string()) << key;
        const QString text = QString::fromStdString(set.json[key].get<std::string>());
        const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
        EXPECT_TRUE(when.isValid()) << text.toStdString();
        EXPECT_TRUE(text.endsWith(QLatin1Char('Z')) && text.contains(QLatin1Char('T')))
            << text.toStdString();
        EXPECT_LT(qAbs(when.secsTo(QDateTime::currentDateTimeUtc())), 60);
    }
}

TEST_F(SandboxSetOptionsTest, RedirectKeepsTheQueryString)
{
    const QString barcode = barcodes(1).front();
    const auto redirect = client->get(QStringLiteral("/almaws/v1/items"),
                                      makeQuery({{"item_barcode", barcode},
                                                 {"view", QStringLiteral("brief")},
                                                 {"expand", QStringLiteral("due_date")}}));
    ASSERT_EQ(redirect.status, 302);
    const QUrl location(QString::fromLatin1(redirect.header("location")));
    const QUrlQuery kept(location.query());
    EXPECT_EQ(kept.queryItemValue(QStringLiteral("view")), QStringLiteral("brief"));
    EXPECT_EQ(kept.queryItemValue(QStringLiteral("expand")), QStringLiteral("due_date"));
    EXPECT_FALSE(kept.hasQueryItem(QStringLiteral("item_barcode")));
    EXPECT_TRUE(location.path().endsWith(QString::fromStdString(pidOf(barcode))));
    // The target accepts view and expand; a key sent as a parameter travels along.
    const auto item = client->get(location.toString());
    EXPECT_EQ(item.status, 200);
    EXPECT_EQ(item.json["item_data"]["barcode"], barcode.toStdString());
    HttpCall byKey = makeCall(
        "GET", QStringLiteral("/almaws/v1/items"),
        makeQuery({{"item_barcode", barcode}, {"apikey", QStringLiteral("sandbox-demo-key")}}));
    byKey.apiKey.clear();
    const auto keyed = client->send(byKey);
    ASSERT_EQ(keyed.status, 302);
    HttpCall follow = makeCall("GET", QString::fromLatin1(keyed.header("location")));
    follow.apiKey.clear();
    EXPECT_EQ(client->send(follow).status, 200);
}

} // namespace
