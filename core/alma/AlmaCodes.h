// AlmaCodes: the codes of this institution from Alma's configuration API, to offer and check the
// settings against: libraries (GET /conf/libraries), a library's circulation desks
// (/conf/libraries/{code}/circ-desks), departments (/conf/departments), work order types
// (code table WorkOrderTypes) and physical item conditions (code table PhysicalItemCondition).
#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <vector>

namespace migdesk {

struct AlmaCode {
    QString code;
    QString name;
};

struct AlmaCodes {
    std::vector<AlmaCode> libraries;
    std::vector<AlmaCode> circDesks; // of the library `circDesksOf`
    std::vector<AlmaCode> locations; // of the library `circDesksOf` (review shelves live there)
    QString circDesksOf;
    std::vector<AlmaCode> departments;
    std::vector<AlmaCode> workOrderTypes;
    std::vector<AlmaCode> conditions;
    QStringList problems; // what could not be read (translated), one line each

    // {"library":[{"code","name"}...]}: the list under `key` ("library", "circ_desk",
    // "department"); a missing key is an empty list (Alma omits it when there are none).
    static std::vector<AlmaCode> fromList(const nlohmann::json &answer, const char *key);
    // A code table: {"row":[{"code","description","enabled"}...]}, enabled rows only.
    static std::vector<AlmaCode> fromCodeTable(const nlohmann::json &answer);
    static bool contains(const std::vector<AlmaCode> &codes, const QString &code);
    static QStringList codesOf(const std::vector<AlmaCode> &codes);
};

// What the settings would name that Alma does not know; empty when all are known (or when a
// list could not be read: nothing is refused for want of an answer).
struct CodeChoices {
    QString library;
    QString circDesk;
    QString conditionCode;
    std::vector<std::pair<QString, QString>> workOrders;    // (department, type), filled ones only
    std::vector<std::pair<QString, QString>> tempLocations; // (library, location) review shelves
};
QStringList unknownCodes(const AlmaCodes &codes, const CodeChoices &choices);

} // namespace migdesk
