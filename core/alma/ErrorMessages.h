// Staff-readable, translated text for an ApiError: what happened and what to do next.
#pragma once

#include "model/ApiError.h"

#include <QString>

namespace migdesk {

// Never includes the API key; Alma's own message and tracking id are quoted when present.
QString userMessage(const ApiError &error);

} // namespace migdesk
