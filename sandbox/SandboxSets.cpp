// Sets in the sandbox (see SandboxState.h): itemized sets of physical items, their list, members
// added or removed by item PID (Alma's default) or barcode, fail_on_invalid_id, and Alma's
// error codes (60107 unknown set, 402263 duplicate name, 60115/60116 members).
#include "SandboxErrors.h"
#include "SandboxJson.h"
#include "SandboxState.h"

#include <algorithm>

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

constexpr int kMaxMembersPerCall = 1000;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

SandboxReply SandboxState::unknownSet(const QString &setId) const
{
    return almaError(400, QStringLiteral("60107"),
                     QStringLiteral("Set with ID %1 does not exist.").arg(setId));
}

json SandboxState::setJson(const SandboxSet &set, const QString &base) const
{
    json object = set.object;
    const QString link = base + QStringLiteral("/almaws/v1/conf/sets/") + q(set.id);
    // Alma's schema gives the count as a string.
    object["number_of_members"] = {{"value", std::to_string(set.memberPids.size())},
                                   {"link", (link + QStringLiteral("/members")).toStdString()}};
    object["link"] = link.toStdString();
    return object;
}

SandboxReply SandboxState::createSet(const QByteArray &body, const QString &base)
{
    const json sent = parseJsonBody(body);
    if (sent.is_discarded() || !sent.is_object()) {
        return almaError(400, QStringLiteral("401652"),
                         QStringLiteral("General Error - the body is not a set object."));
    }
    const std::string name = jsonText(sent.value("name", json()));
    if (name.empty()) {
        return almaError(400, QStringLiteral("401664"),
                         QStringLiteral("Mandatory field is missing: name"));
    }
    const std::string type = jsonText(sent.value("type", json()));
    const std::string content = jsonText(sent.value("content", json()));
    if (type != "ITEMIZED" || content != "ITEM") {
        return almaError(400, QStringLiteral("40166404"),
                         QStringLiteral("Invalid field: the sandbox supports itemized sets of "
                                        "physical items only (type ITEMIZED, content ITEM)."));
    }
    for (const auto &[id, existing] : m_sets) {
        if (existing.object.value("name", std::string()) == name) {
            return almaError(400, QStringLiteral("402263"),
                             QStringLiteral("A set with the name %1 already exists.").arg(q(name)));
        }
    }
    SandboxSet set;
    set.id = std::to_string(1000000000000ULL * 9 + m_nextId++) + "3601";
    const std::string now = almaTimestamp(QDateTime::currentDateTimeUtc());
    const bool isPrivate = jsonText(sent.value("private", json())) == "true";
    set.object = json{{"id", set.id},
                      {"name", name},
                      {"description", jsonText(sent.value("description", json()))},
                      {"type", {{"value", "ITEMIZED"}, {"desc", "Itemized"}}},
                      {"content", {{"value", "ITEM"}, {"desc", "Physical items"}}},
                      {"private", isPrivate ? json{{"value", "true"}, {"desc", "Yes"}}
                                            : json{{"value", "false"}, {"desc", "No"}}},
                      {"status", {{"value", "ACTIVE"}, {"desc", "Active"}}},
                      {"status_date", now},
                      {"origin", {{"value", "UI"}, {"desc", "Institution only"}}},
                      {"created_by", {{"value", "exl_api"}, {"desc", "API, Ex Libris"}}},
                      {"created_date", now}};
    const std::string id = set.id;
    m_sets.emplace(id, std::move(set));
    return getSet(q(id), base);
}

SandboxReply SandboxState::getSet(const QString &setId, const QString &base) const
{
    const auto it = m_sets.find(setId.toStdString());
    if (it == m_sets.end())
        return unknownSet(setId);
    return jsonReply(setJson(it->second, base));
}

SandboxReply SandboxState::listSets(const SandboxRequest &request, const QString &base) const
{
    const QString content = request.queryValue(QStringLiteral("content_type"));
    const QString origin = request.queryValue(QStringLiteral("set_origin"));
    // q=name~text: the name contains the text (case-insensitive), as Alma's search does.
    QString nameContains;
    const QString query = request.queryValue(QStringLiteral("q"));
    if (!query.isEmpty()) {
        if (!query.startsWith(QLatin1String("name~"))) {
            return almaError(
                400, QStringLiteral("INVALID_REQUEST"),
                QStringLiteral("The sandbox searches sets by name only (q=name~text)."));
        }
        nameContains = query.mid(5);
    }
    std::vector<const SandboxSet *> matches;
    for (const auto &[id, set] : m_sets) {
        const QString name = q(set.object.value("name", std::string()));
        if (!content.isEmpty() && content != QLatin1String("ITEM"))
            continue;
        if (!origin.isEmpty() && origin != QLatin1String("UI"))
            continue;
        if (!nameContains.isEmpty() && !name.contains(nameContains, Qt::CaseInsensitive))
            continue;
        matches.push_back(&set);
    }
    std::sort(matches.begin(), matches.end(),
              [](const SandboxSet *a, const SandboxSet *b) { return a->id < b->id; });
    return pagedListReply(request, "set", matches.size(),
                          [&](std::size_t i) { return setJson(*matches[i], base); });
}

SandboxReply SandboxState::deleteSet(const QString &setId)
{
    if (m_sets.erase(setId.toStdString()) == 0)
        return unknownSet(setId);
    SandboxReply reply;
    reply.status = 204;
    return reply;
}

SandboxReply SandboxState::updateMembers(const QString &setId, const SandboxRequest &request,
                                         const QString &base)
{
    const auto it = m_sets.find(setId.toStdString());
    if (it == m_sets.end())
        return unknownSet(setId);
    const QString op = request.queryValue(QStringLiteral("op"));
    const bool adding = op == QLatin1String("add_members");
    if (!adding && op != QLatin1String("delete_members")) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("The sandbox supports op=add_members and "
                                        "op=delete_members on sets."));
    }
    // Alma's default id_type is the item PID; BARCODE names items by barcode.
    const QString idType = request.queryValue(QStringLiteral("id_type"));
    const bool byBarcode = idType.compare(QLatin1String("BARCODE"), Qt::CaseInsensitive) == 0;
    if (!idType.isEmpty() && !byBarcode) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Unsupported id_type %1: leave it out (item PIDs) or "
                                        "give BARCODE.")
                             .arg(idType));
    }
    const bool failOnInvalid = request.queryValue(QStringLiteral("fail_on_invalid_id"))
                                   .compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
    const json sent = parseJsonBody(request.body);
    json members;
    if (sent.is_object() && sent.contains("members") && sent["members"].is_object())
        members = sent["members"].value("member", json());
    if (members.is_object())
        members = json::array({members});
    if (!members.is_array()) {
        return almaError(400, QStringLiteral("401652"),
                         QStringLiteral("General Error - the body has no members.member list."));
    }
    if (members.size() > size_t(kMaxMembersPerCall)) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("At most %1 members can be changed in one call.")
                             .arg(kMaxMembersPerCall));
    }
    SandboxSet &set = it->second;
    std::vector<std::pair<QString, QString>> errors;
    for (const json &member : members) {
        const std::string id = jsonText(member.is_object() ? member.value("id", json()) : member);
        std::string pid;
        if (byBarcode) {
            const auto found = m_byBarcode.find(id);
            if (found != m_byBarcode.end())
                pid = m_records[found->second].item["item_data"]["pid"].get<std::string>();
        } else if (m_byPid.count(id)) {
            pid = id;
        }
        if (id.empty() || pid.empty()) {
            errors.emplace_back(QStringLiteral("60116"),
                                QStringLiteral("Invalid member: %1").arg(q(id)));
            continue;
        }
        if (adding && !set.members.insert(pid).second) {
            errors.emplace_back(QStringLiteral("60115"),
                                QStringLiteral("Member %1 already exists in the set.").arg(q(id)));
            continue;
        }
        if (adding) {
            set.memberPids.push_back(pid);
        } else if (set.members.erase(pid) == 1) {
            std::erase(set.memberPids, pid);
        } else {
            errors.emplace_back(QStringLiteral("60116"),
                                QStringLiteral("Invalid member: %1 is not in the set.").arg(q(id)));
        }
    }
    // With fail_on_invalid_id=false Alma skips the ids it cannot use; by default it answers with
    // their errors (the valid members were changed all the same).
    if (!errors.empty() && failOnInvalid)
        return almaErrors(400, errors);
    return getSet(setId, base);
}

SandboxReply SandboxState::setMembers(const QString &setId, const SandboxRequest &request,
                                      const QString &base) const
{
    const auto it = m_sets.find(setId.toStdString());
    if (it == m_sets.end())
        return unknownSet(setId);
    const auto &pids = it->second.memberPids;
    return pagedListReply(request, "member", pids.size(), [&](std::size_t i) {
        const ItemRecord *record = recordByPid(pids[i]);
        json entry = {{"id", pids[i]}};
        if (record) {
            entry["description"] = record->item["bib_data"].value("title", std::string());
            entry["link"] = withLinks(record->item, base)["link"];
        }
        return entry;
    });
}

} // namespace migdesk::sandbox
