// Small JSON helpers shared by the sandbox's configuration, set and job-information endpoints:
// parsing a request body, the text of a value or {"value": ...} object, and reply bodies.
#pragma once

#include "SandboxHttp.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

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

// Alma's timestamp format, "2026-11-28T14:20:00.123Z".
inline std::string almaTimestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace migdesk::sandbox
