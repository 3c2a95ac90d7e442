// The sandbox's answers have Alma's shapes: for every JSON file in tests/fixtures/alma (real
// answers, and Alma's documented examples) the sandbox's answer for the same kind of object has
// every field of the file, with the same JSON type, nested the same way (null, which Alma sends
// for empty values, matches any type; arrays compare their first elements). A new file is
// checked as soon as it is added; a file of a kind this test does not know fails it.
#include "SandboxFixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>
#include <string>
#include <vector>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

std::string kindOf(const json &value)
{
    return value.is_number() ? std::string("number") : std::string(value.type_name());
}

// Adds to `problems` every field of `alma` that `sandbox` lacks or has with another type.
void compareShape(const json &alma, const json &sandbox, const std::string &path,
                  std::vector<std::string> &problems)
{
    if (alma.is_null() || sandbox.is_null())
        return;
    if (kindOf(alma) != kindOf(sandbox)) {
        problems.push_back(path + ": " + kindOf(alma) + " in Alma, " + kindOf(sandbox) +
                           " in the sandbox");
        return;
    }
    if (alma.is_object()) {
        for (const auto &[key, value] : alma.items()) {
            if (!sandbox.contains(key))
                problems.push_back(path + "." + key + ": missing in the sandbox");
            else
                compareShape(value, sandbox[key], path + "." + key, problems);
        }
    } else if (alma.is_array() && !alma.empty() && !sandbox.empty()) {
        compareShape(alma[0], sandbox[0], path + "[0]", problems);
    }
}

json readFixture(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return json();
    const QByteArray text = file.readAll();
    return json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

class SandboxShapeTest : public SandboxFixture {
protected:
    // A demo barcode whose item matches `wanted`.
    QString demoItem(const std::function<bool(const json &data)> &wanted) const
    {
        for (const auto &example : server->demoExamples()) {
            if (wanted(server->itemJson(example.barcode)["item_data"]))
                return example.barcode;
        }
        ADD_FAILURE() << "no demo item of the wanted kind";
        return {};
    }
    static bool onLoan(const json &data) { return data["process_type"]["value"] == "LOAN"; }
    static bool inPlaceAtMain(const json &data)
    {
        return data["process_type"]["value"] == "" && data["library"]["value"] == "MAIN" &&
               data["requested"] == false;
    }

    json setWithMembers()
    {
        const json body = {{"name", "Shape check"},
                           {"type", {{"value", "ITEMIZED"}}},
                           {"content", {{"value", "ITEM"}}}};
        const auto created = client->post(QStringLiteral("/almaws/v1/conf/sets"), {},
                                          QByteArray::fromStdString(body.dump()));
        m_setId = QString::fromStdString(created.json.value("id", std::string()));
        const QString inPlace = demoItem(inPlaceAtMain);
        const QString loaned = demoItem(onLoan);
        const json members = {
            {"members",
             {{"member", {{{"id", inPlace.toStdString()}}, {{"id", loaned.toStdString()}}}}}}};
        return client
            ->post(QStringLiteral("/almaws/v1/conf/sets/") + m_setId,
                   makeQuery({{"op", QStringLiteral("add_members")},
                              {"id_type", QStringLiteral("BARCODE")}}),
                   QByteArray::fromStdString(members.dump()))
            .json;
    }

    // A completed run of the sandbox's job on a set with an item it cannot change (on loan), so
    // the instance has alerts too.
    json finishedInstance()
    {
        setWithMembers();
        const json parameters = {
            {"parameter",
             {{{"name", {{"value", "set_id"}}}, {"value", m_setId.toStdString()}},
              {{"name", {{"value", "MISSING_STATUS_selected"}}}, {"value", "true"}},
              {{"name", {{"value", "MISSING_STATUS_value"}}}, {"value", "MISSING"}},
              {{"name", {{"value", "MISSING_STATUS_condition"}}}, {"value", "Null"}}}}};
        const auto run = client->post(QStringLiteral("/almaws/v1/conf/jobs/M18"),
                                      makeQuery({{"op", QStringLiteral("run")}}),
                                      QByteArray::fromStdString(parameters.dump()));
        const QString link = QString::fromStdString(run.json["additional_info"].value("link", ""));
        json instance;
        for (int i = 0; i < 300; ++i) {
            instance = client->get(QUrl(link).path()).json;
            if (instance["status"].value("value", std::string()).starts_with("COMPLETED"))
                break;
            QTest::qWait(20);
        }
        return instance;
    }

    // The sandbox's answer for the kind of object `alma` is; `kind` names it for messages.
    json counterpart(const json &alma, std::string *kind)
    {
        const QString main = QStringLiteral("/almaws/v1/conf/libraries/MAIN");
        if (alma.contains("errorList")) {
            *kind = "error";
            return client
                ->get(QStringLiteral("/almaws/v1/items"),
                      makeQuery({{"item_barcode", QStringLiteral("no-such-barcode")}}))
                .json;
        }
        if (alma.contains("item_data") && alma.contains("additional_info")) {
            *kind = "scan-in answer";
            return client
                ->post(itemPath(demoItem(inPlaceAtMain)),
                       makeQuery({{"op", QStringLiteral("scan")},
                                  {"library", QStringLiteral("SCI")},
                                  {"circ_desk", QStringLiteral("DEFAULT_CIRC_DESK")}}))
                .json;
        }
        if (alma.contains("item_data")) {
            *kind = "item";
            return client->get(itemPath(demoItem(inPlaceAtMain))).json;
        }
        if (alma.contains("item_loan")) {
            *kind = "item loans";
            return client->get(itemPath(demoItem(onLoan)) + QStringLiteral("/loans")).json;
        }
        if (alma.contains("number_of_members")) {
            *kind = "set";
            return setWithMembers();
        }
        if (alma.contains("job_info") && alma.contains("progress")) {
            *kind = "job instance";
            return finishedInstance();
        }
        if (alma.contains("schedule") && alma.contains("parameter")) {
            *kind = "job";
            return client->get(QStringLiteral("/almaws/v1/conf/jobs/M18")).json;
        }
        if (alma.contains("library")) {
            *kind = "libraries";
            return client->get(QStringLiteral("/almaws/v1/conf/libraries")).json;
        }
        if (alma.contains("default_location") && alma.contains("code")) {
            *kind = "library";
            return client->get(main).json;
        }
        if (alma.contains("location")) {
            *kind = "locations";
            return client->get(main + QStringLiteral("/locations")).json;
        }
        if (alma.contains("row")) {
            *kind = "code table";
            return client->get(QStringLiteral("/almaws/v1/conf/code-tables/PhysicalItemCondition"))
                .json;
        }
        *kind = "unknown";
        return json();
    }

    QString m_setId;
};

TEST_F(SandboxShapeTest, EveryFixtureHasItsShapeInTheSandbox)
{
    const QDir dir(QStringLiteral(MIGDESK_FIXTURES_DIR "/alma"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    ASSERT_GE(files.size(), 12) << "fixtures missing in " << dir.path().toStdString();
    for (const QString &name : files) {
        SCOPED_TRACE(name.toStdString());
        server->reset(); // each comparison starts from the demo data (no set-name clashes)
        const json alma = readFixture(dir.filePath(name));
        ASSERT_TRUE(alma.is_object()) << "not a JSON object";
        std::string kind;
        const json sandbox = counterpart(alma, &kind);
        ASSERT_NE(kind, "unknown") << "the test does not know this kind of Alma object: teach "
                                      "counterpart() which sandbox answer to compare it with";
        ASSERT_TRUE(sandbox.is_object()) << "no JSON answer from the sandbox for a " << kind;
        std::vector<std::string> problems;
        compareShape(alma, sandbox, kind, problems);
        for (const auto &problem : problems)
            ADD_FAILURE() << problem;
    }
}

TEST_F(SandboxShapeTest, ComparisonFindsMissingFieldsAndOtherTypes)
{
    const json alma = {
        {"a", "1"}, {"b", {{"c", 1}}}, {"d", json::array({{{"e", true}}})}, {"n", nullptr}};
    std::vector<std::string> problems;
    compareShape(alma, {{"a", 1}, {"b", json::object()}, {"d", {{{"e", "x"}}}}, {"n", 5}}, "x",
                 problems);
    EXPECT_EQ(problems,
              (std::vector<std::string>{"x.a: string in Alma, number in the sandbox",
                                        "x.b.c: missing in the sandbox",
                                        "x.d[0].e: boolean in Alma, string in the sandbox"}));
}

} // namespace
