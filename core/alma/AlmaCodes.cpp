// AlmaCodes: tolerant readers (a single object instead of a list, a missing name).
#include "alma/AlmaCodes.h"

#include "model/JsonUtil.h"

#include <QCoreApplication>

#include <algorithm>

namespace migdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::AlmaCodes", text);
}

QString text(const nlohmann::json &object, const char *key)
{
    if (!object.is_object() || !object.contains(key) || !object[key].is_string())
        return {};
    return json::fromUtf8(object[key].get<std::string>());
}

QString known(const std::vector<AlmaCode> &codes)
{
    QStringList list = AlmaCodes::codesOf(codes);
    if (list.size() > 12) {
        const qsizetype more = list.size() - 12;
        list = list.mid(0, 12);
        list << tr("and %1 more").arg(more);
    }
    return list.join(QStringLiteral(", "));
}
} // namespace

std::vector<AlmaCode> AlmaCodes::fromList(const nlohmann::json &answer, const char *key)
{
    std::vector<AlmaCode> codes;
    if (!answer.is_object() || !answer.contains(key))
        return codes;
    const nlohmann::json &list = answer[key];
    auto add = [&codes](const nlohmann::json &entry) {
        const QString code = text(entry, "code");
        if (!code.isEmpty())
            codes.push_back({code, text(entry, "name")});
    };
    if (list.is_array()) {
        for (const auto &entry : list)
            add(entry);
    } else {
        add(list);
    }
    return codes;
}

std::vector<AlmaCode> AlmaCodes::fromCodeTable(const nlohmann::json &answer)
{
    std::vector<AlmaCode> codes;
    if (!answer.is_object() || !answer.contains("row") || !answer["row"].is_array())
        return codes;
    for (const auto &row : answer["row"]) {
        const bool enabled = !row.is_object() || !row.contains("enabled") ||
                             !row["enabled"].is_boolean() || row["enabled"].get<bool>();
        const QString code = text(row, "code");
        if (enabled && !code.isEmpty())
            codes.push_back({code, text(row, "description")});
    }
    return codes;
}

bool AlmaCodes::contains(const std::vector<AlmaCode> &codes, const QString &code)
{
    return std::any_of(codes.begin(), codes.end(),
                       [&code](const AlmaCode &known) { return known.code == code; });
}

QStringList AlmaCodes::codesOf(const std::vector<AlmaCode> &codes)
{
    QStringList list;
    for (const AlmaCode &code : codes)
        list << code.code;
    return list;
}

QStringList unknownCodes(const AlmaCodes &codes, const CodeChoices &choices)
{
    QStringList problems;
    auto check = [&problems](const std::vector<AlmaCode> &list, const QString &code,
                             const QString &what) {
        if (code.isEmpty() || list.empty() || AlmaCodes::contains(list, code))
            return;
        problems
            << tr("%1 \"%2\" is not known to Alma (it knows %3).").arg(what, code, known(list));
    };
    check(codes.libraries, choices.library, tr("Library"));
    if (choices.library == codes.circDesksOf)
        check(codes.circDesks, choices.circDesk, tr("Circulation desk"));
    check(codes.conditions, choices.conditionCode, tr("Physical condition"));
    for (const auto &[department, type] : choices.workOrders) {
        check(codes.departments, department, tr("Department"));
        check(codes.workOrderTypes, type, tr("Work order type"));
    }
    for (const auto &[library, location] : choices.tempLocations) {
        check(codes.libraries, library, tr("Temporary library"));
        // Locations are read for the desk's library only; another library's are left to Alma.
        if (library == codes.circDesksOf)
            check(codes.locations, location, tr("Temporary location"));
    }
    return problems;
}

} // namespace migdesk
