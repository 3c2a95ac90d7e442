// The sandbox institution's configuration through the conf API (see SandboxConf.h).
#include "SandboxConf.h"

#include "SandboxCatalog.h"
#include "SandboxErrors.h"
#include "SandboxJson.h"

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

const char *const kPhysicalConditionTable = "PhysicalItemCondition";
const char *const kWorkOrderTypeTable = "WorkOrderTypes";

json code(const char *value, const char *desc)
{
    return {{"value", value}, {"desc", desc ? json(desc) : json(nullptr)}};
}

std::string confLink(const QString &base, const QString &rest)
{
    return (base + QStringLiteral("/almaws/v1/conf/") + rest).toStdString();
}

json libraryJson(const SandboxLibrary &library, const QString &base)
{
    const CodeName &location = library.locations.front();
    return {{"code", library.code},
            {"name", library.name},
            {"description", library.name},
            {"resource_sharing", false},
            {"campus", code("", nullptr)},
            {"proxy", ""},
            {"default_location", code(location.code, location.name)},
            {"path", std::string("MIGDESK_SANDBOX.") + library.code},
            {"link", confLink(base, QStringLiteral("libraries/") + QLatin1String(library.code))}};
}

SandboxReply unknownLibrary(const QString &code)
{
    return almaError(400, QStringLiteral("INVALID_REQUEST"),
                     QStringLiteral("Library %1 does not exist.").arg(code));
}

json listAnswer(const char *key, json list)
{
    json answer = json::object();
    const size_t count = list.size();
    if (count > 0)
        answer[key] = std::move(list);
    answer["total_record_count"] = count;
    return answer;
}

json codeTable(const char *name, const char *description, const std::vector<CodeName> &rows)
{
    json list = json::array();
    for (const auto &row : rows)
        list.push_back(
            {{"code", row.code}, {"description", row.name}, {"default", false}, {"enabled", true}});
    return {{"name", name},
            {"description", description},
            {"sub_system", code("INVENTORY", "Inventory")},
            {"patron_facing", false},
            {"language", code("en", "English")},
            {"scope",
             {{"institution_id", code("MIGDESK_SANDBOX", "MigDesk sandbox")},
              {"library_id", code("", "")}}},
            {"row", std::move(list)}};
}

// Every department's work order types, once each.
std::vector<CodeName> allWorkOrderTypes()
{
    std::vector<CodeName> types;
    for (const auto &department : sandboxDepartments()) {
        for (const auto &type : department.workOrderTypes) {
            bool seen = false;
            for (const auto &known : types)
                seen = seen || std::string(known.code) == type.code;
            if (!seen)
                types.push_back(type);
        }
    }
    return types;
}

json departmentsJson(const QString &base)
{
    json servedLibraries = json::array();
    for (const auto &library : sandboxLibraries())
        servedLibraries.push_back(code(library.code, library.name));
    json list = json::array();
    for (const auto &department : sandboxDepartments()) {
        json types = json::array();
        for (const auto &type : department.workOrderTypes)
            types.push_back(code(type.code, type.name));
        const SandboxLibrary &owner = sandboxLibraries().front();
        list.push_back({{"code", department.code},
                        {"name", department.name},
                        {"type", code("WORK_ORDER_DEPARTMENT", "Work Order Department")},
                        {"owner", code(owner.code, owner.name)},
                        {"served_libraries", {{"library", servedLibraries}}},
                        {"work_order_type", std::move(types)},
                        {"link", confLink(base, QStringLiteral("departments"))}});
    }
    return listAnswer("department", std::move(list));
}

} // namespace

QStringList sandboxCodeTableNames()
{
    return {QLatin1String(kPhysicalConditionTable), QLatin1String(kWorkOrderTypeTable)};
}

bool confReply(const QByteArray &method, const QStringList &rest, const SandboxRequest &request,
               const QString &base, SandboxReply *reply)
{
    Q_UNUSED(request);
    const QString head = rest.value(0);
    const bool known = head == QLatin1String("libraries") || head == QLatin1String("departments") ||
                       head == QLatin1String("code-tables");
    if (!known)
        return false;
    if (method != "GET") {
        *reply = almaError(405, QStringLiteral("INVALID_REQUEST"),
                           QStringLiteral("The sandbox's configuration is read-only."));
        return true;
    }
    if (head == QLatin1String("departments") && rest.size() == 1) {
        *reply = jsonReply(departmentsJson(base));
        return true;
    }
    if (head == QLatin1String("code-tables") && rest.size() == 2) {
        if (rest[1] == QLatin1String(kPhysicalConditionTable)) {
            *reply = jsonReply(codeTable(kPhysicalConditionTable, "Physical Item Condition",
                                         sandboxPhysicalConditions()));
        } else if (rest[1] == QLatin1String(kWorkOrderTypeTable)) {
            *reply =
                jsonReply(codeTable(kWorkOrderTypeTable, "Work Order Types", allWorkOrderTypes()));
        } else {
            *reply =
                almaError(400, QStringLiteral("401652"),
                          QStringLiteral("Code table %1 does not exist; the sandbox has %2.")
                              .arg(rest[1], sandboxCodeTableNames().join(QStringLiteral(", "))));
        }
        return true;
    }
    if (head != QLatin1String("libraries") || rest.size() > 3)
        return false;
    if (rest.size() == 1) {
        json list = json::array();
        for (const auto &library : sandboxLibraries())
            list.push_back(libraryJson(library, base));
        *reply = jsonReply(listAnswer("library", std::move(list)));
        return true;
    }
    const SandboxLibrary *library = findLibrary(rest[1]);
    if (!library) {
        *reply = unknownLibrary(rest[1]);
        return true;
    }
    const QString libraryPath = QStringLiteral("libraries/") + rest[1];
    if (rest.size() == 2) {
        *reply = jsonReply(libraryJson(*library, base));
        return true;
    }
    if (rest[2] == QLatin1String("circ-desks")) {
        json list = json::array();
        for (const auto &desk : library->circDesks) {
            list.push_back({{"code", desk.code},
                            {"name", desk.name},
                            {"link", confLink(base, libraryPath + QStringLiteral("/circ-desks/") +
                                                        QLatin1String(desk.code))}});
        }
        *reply = jsonReply(listAnswer("circ_desk", std::move(list)));
        return true;
    }
    if (rest[2] == QLatin1String("locations")) {
        json list = json::array();
        for (const auto &location : library->locations) {
            list.push_back({{"code", location.code},
                            {"name", location.name},
                            {"external_name", location.name},
                            {"type", code("OPEN", "Open")},
                            {"remote_storage", ""},
                            {"map", ""},
                            {"link", confLink(base, libraryPath + QStringLiteral("/locations/") +
                                                        QLatin1String(location.code))}});
        }
        *reply = jsonReply(listAnswer("location", std::move(list)));
        return true;
    }
    return false;
}

} // namespace migdesk::sandbox
