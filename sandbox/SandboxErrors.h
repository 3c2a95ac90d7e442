// Alma-shaped error replies for the sandbox: the JSON errorList body, the 429 bodies and the
// XML gateway body (web_service_result), each with a tracking id like Alma's.
#pragma once

#include "SandboxHttp.h"

#include <QString>

#include <utility>
#include <vector>

namespace migdesk::sandbox {

QString newTrackingId();

// {"errorsExist":true,"errorList":{"error":[...]},"result":null}
QByteArray almaErrorBody(const std::vector<std::pair<QString, QString>> &errors);
SandboxReply almaError(int status, const QString &code, const QString &message);
SandboxReply almaErrors(int status, const std::vector<std::pair<QString, QString>> &errors);

SandboxReply unauthorizedReply();
SandboxReply perSecondThresholdReply();
SandboxReply dailyThresholdReply();
// A gateway failure as Alma sends it: XML under a JSON-ish content type.
SandboxReply gatewayXmlReply(int status, const QString &code, const QString &message);

} // namespace migdesk::sandbox
