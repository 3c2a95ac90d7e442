// The logging category of the Alma client (migdesk.alma).
#pragma once

#include <QLoggingCategory>

namespace migdesk {

Q_DECLARE_LOGGING_CATEGORY(lcAlma)

} // namespace migdesk
