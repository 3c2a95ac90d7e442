// The sandbox institution's configuration: libraries, locations, circulation desks,
// departments with their work order types, physical conditions and process type labels.
#pragma once

#include <QString>

#include <vector>

namespace migdesk::sandbox {

struct CodeName {
    const char *code;
    const char *name;
};

struct SandboxLibrary {
    const char *code;
    const char *name;
    std::vector<CodeName> locations;
    std::vector<CodeName> circDesks;
};

struct SandboxDepartment {
    const char *code;
    const char *name;
    std::vector<CodeName> workOrderTypes;
};

const std::vector<SandboxLibrary> &sandboxLibraries();
const std::vector<SandboxDepartment> &sandboxDepartments(); // present in every library
const std::vector<CodeName> &sandboxPhysicalConditions();

const SandboxLibrary *findLibrary(const QString &code);
const char *findLocationName(const SandboxLibrary &library, const QString &code); // or nullptr
bool hasCircDesk(const SandboxLibrary &library, const QString &code);
const SandboxDepartment *findDepartment(const QString &code);
const char *findWorkOrderTypeName(const SandboxDepartment &department, const QString &code);
const char *findPhysicalConditionName(const QString &code);
// Label of a process type code as this institution shows it ("" for none).
QString processTypeDesc(const QString &code);

} // namespace migdesk::sandbox
