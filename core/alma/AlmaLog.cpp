// The migdesk.alma logging category.
#include "alma/AlmaLog.h"

namespace migdesk {

Q_LOGGING_CATEGORY(lcAlma, "migdesk.alma")

} // namespace migdesk
