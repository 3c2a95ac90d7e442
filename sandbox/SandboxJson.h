// Small JSON helpers shared by the sandbox's configuration, set and job-information endpoints:
// parsing a request body, the text of a value or {"value": ...} object, and reply bodies.
#pragma once

#include "SandboxHttp.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <string>

namespace migdesk::sandbox {

// The body as JSON, or a discarded value when it is not JSON.
inline nlohmann::json parseJsonBody(const QByteArray &body)
{
    return nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

// "x" for "x", {"value":"x"}, 5 or true; empty for anything else.
inline std::string jsonText(const nlohmann::json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_object() && value.contains("value"))
        return jsonText(value["value"]);
    if (value.is_number() || value.is_boolean())
        return value.dump();
    return {};
}

// A 200 reply with `body` as its JSON.
inline SandboxReply jsonReply(const nlohmann::json &body)
{
    SandboxReply reply;
    reply.body = QByteArray::fromStdString(body.dump());
    return reply;
}

// One page of an Alma list answer: `limit` (default 10, at most 100) and `offset` from the query,
// {"<key>": [entryAt(offset), ...], "total_record_count": total}; the list is left out when the
// page is empty, as Alma does.
template <typename EntryAt>
SandboxReply pagedListReply(const SandboxRequest &request, const char *key, std::size_t total,
                            EntryAt entryAt)
{
    bool ok = false;
    int limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        limit = 10;
    limit = std::min(limit, 100);
    const auto offset =
        std::size_t(std::max(0, request.queryValue(QStringLiteral("offset")).toInt()));
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = offset; i < total && list.size() < std::size_t(limit); ++i)
        list.push_back(entryAt(i));
    nlohmann::json answer = nlohmann::json::object();
    if (!list.empty())
        answer[key] = std::move(list);
    answer["total_record_count"] = total;
    return jsonReply(answer);
}

// Alma's timestamp format, "2026-11-28T14:20:00.123Z".
inline std::string almaTimestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace migdesk::sandbox
