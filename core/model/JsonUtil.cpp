// Tolerant readers for Alma's JSON (see JsonUtil.h).
#include "model/JsonUtil.h"

namespace migdesk::json {

namespace {
QString scalarText(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::string:
        return fromUtf8(value.get_ref<const std::string &>());
    case nlohmann::json::value_t::number_integer:
        return QString::number(value.get<long long>());
    case nlohmann::json::value_t::number_unsigned:
        return QString::number(value.get<unsigned long long>());
    case nlohmann::json::value_t::number_float:
        return QString::number(value.get<double>(), 'g', 17);
    case nlohmann::json::value_t::boolean:
        return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}
} // namespace

QString str(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    return scalarText(*it);
}

CodeValue code(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (it->is_object())
        return CodeValue{str(*it, "value"), str(*it, "desc")};
    return CodeValue{scalarText(*it), {}};
}

bool boolean(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return false;
    const auto it = object.find(key);
    if (it == object.end())
        return false;
    if (it->is_boolean())
        return it->get<bool>();
    if (it->is_number())
        return it->get<double>() != 0.0;
    if (it->is_string())
        return it->get_ref<const std::string &>() == "true";
    return false;
}

const nlohmann::json &object(const nlohmann::json &parent, const char *key)
{
    static const nlohmann::json empty = nlohmann::json::object();
    if (!parent.is_object())
        return empty;
    const auto it = parent.find(key);
    if (it == parent.end() || !it->is_object())
        return empty;
    return *it;
}

nlohmann::json toJson(const CodeValue &value)
{
    nlohmann::json result = nlohmann::json::object();
    result["value"] = utf8(value.value);
    if (value.desc.isEmpty())
        result["desc"] = nullptr;
    else
        result["desc"] = utf8(value.desc);
    return result;
}

std::string utf8(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace migdesk::json
