// The sandbox institution's configuration (see SandboxCatalog.h).
#include "SandboxCatalog.h"

#include <cstring>

namespace migdesk::sandbox {

const std::vector<SandboxLibrary> &sandboxLibraries()
{
    static const std::vector<SandboxLibrary> libraries = {
        {"MAIN",
         "Main Library",
         {{"STACKS", "Main Stacks"},
          {"REF", "Reference"},
          {"PER", "Periodicals"},
          {"SPEC", "Special Collections"},
          {"OVERSIZE", "Oversize"},
          {"REVIEW", "Review Shelf"}},
         {{"DEFAULT_CIRC_DESK", "Main Circulation Desk"}, {"RESERVES_DESK", "Reserves Desk"}}},
        {"SCI",
         "Science Library",
         {{"STACKS", "Science Stacks"}, {"REF", "Science Reference"}},
         {{"DEFAULT_CIRC_DESK", "Science Circulation Desk"}}},
        {"LAW",
         "Law Library",
         {{"STACKS", "Law Stacks"}, {"RESERVE", "Law Reserves"}},
         {{"DEFAULT_CIRC_DESK", "Law Circulation Desk"}}},
        {"MUSIC",
         "Music Library",
         {{"STACKS", "Music Stacks"}, {"SCORES", "Scores"}},
         {{"DEFAULT_CIRC_DESK", "Music Circulation Desk"}}},
    };
    return libraries;
}

const std::vector<SandboxDepartment> &sandboxDepartments()
{
    static const std::vector<SandboxDepartment> departments = {
        {"CATALOGING",
         "Cataloging Department",
         {{"CATREVIEW", "Catalog Review"},
          {"CIRCREVIEW", "Circulation Review"},
          {"INPROCESS", "In Process"},
          {"BINDERY", "Bindery"},
          {"REPAIR", "Repair"}}},
        {"TECH_SERVICES",
         "Technical Services",
         {{"TECHSERV", "In Technical Services"}, {"ITDEPT", "In IT Department"}}},
    };
    return departments;
}

const std::vector<CodeName> &sandboxPhysicalConditions()
{
    static const std::vector<CodeName> conditions = {{"BRITTLE", "Brittle"},
                                                     {"DAMAGED", "Damaged"},
                                                     {"DETERIORATING", "Deteriorating"},
                                                     {"FRAGILE", "Fragile"},
                                                     {"MISSING_PAGES", "Missing pages"}};
    return conditions;
}

namespace {

const char *findName(const std::vector<CodeName> &list, const QString &code)
{
    const QByteArray wanted = code.toUtf8();
    for (const auto &entry : list) {
        if (wanted == entry.code)
            return entry.name;
    }
    return nullptr;
}

} // namespace

const SandboxLibrary *findLibrary(const QString &code)
{
    const QByteArray wanted = code.toUtf8();
    for (const auto &library : sandboxLibraries()) {
        if (wanted == library.code)
            return &library;
    }
    return nullptr;
}

const char *findLocationName(const SandboxLibrary &library, const QString &code)
{
    return findName(library.locations, code);
}

bool hasCircDesk(const SandboxLibrary &library, const QString &code)
{
    return findName(library.circDesks, code) != nullptr;
}

const SandboxDepartment *findDepartment(const QString &code)
{
    const QByteArray wanted = code.toUtf8();
    for (const auto &department : sandboxDepartments()) {
        if (wanted == department.code)
            return &department;
    }
    return nullptr;
}

const char *findWorkOrderTypeName(const SandboxDepartment &department, const QString &code)
{
    return findName(department.workOrderTypes, code);
}

const char *findPhysicalConditionName(const QString &code)
{
    return findName(sandboxPhysicalConditions(), code);
}

QString processTypeDesc(const QString &code)
{
    static const std::vector<CodeName> labels = {
        {"TECHNICAL", "Technical - Migration"},
        {"MISSING", "Missing"},
        {"LOAN", "Loan"},
        {"LOST_LOAN", "Lost"},
        {"LOST_LOAN_AND_PAID", "Lost and paid"},
        {"CLAIM_RETURNED_LOAN", "Claimed Returned"},
        {"TRANSIT", "Transit"},
        {"TRANSIT_TO_REMOTE_STORAGE", "Transit to remote storage"},
        {"HOLDSHELF", "On Hold Shelf"},
        {"REQUESTED", "Requested"},
        {"WORK_ORDER_DEPARTMENT", "In Process"},
        {"ACQ", "Acquisition"},
        {"ILL", "Resource Sharing Request"},
        {"LOST_ILL", "Lost Resource Sharing Item"},
    };
    const char *name = findName(labels, code);
    return name ? QString::fromUtf8(name) : QString();
}

} // namespace migdesk::sandbox
