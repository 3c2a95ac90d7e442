// The sandbox institution's configuration as Alma's conf API gives it: libraries, one library,
// its locations and circulation desks, departments and code tables (physical item conditions,
// work order types). Read-only; every answer is built from SandboxCatalog.
#pragma once

#include "SandboxHttp.h"

#include <QString>
#include <QStringList>

namespace migdesk::sandbox {

// The code tables the sandbox has, e.g. "PhysicalItemCondition".
QStringList sandboxCodeTableNames();

// `rest`: the path after /almaws/v1/conf ("libraries", "libraries/MAIN/circ-desks", ...).
// Returns false (reply untouched) when the path is not a configuration resource of the sandbox.
bool confReply(const QByteArray &method, const QStringList &rest, const SandboxRequest &request,
               const QString &base, SandboxReply *reply);

} // namespace migdesk::sandbox
