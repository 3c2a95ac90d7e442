// Staff-readable, translated text for an ApiError: what happened and what to do next.
#pragma once

#include "model/ApiError.h"

#include <QString>

namespace migdesk {

// Never includes the API key; Alma's own message and tracking id are quoted when present.
QString userMessage(const ApiError &error);
// The text without its final full stop, to quote inside a sentence: "(… try again)." rather
// than "(… try again.).".
QString withoutFinalStop(const QString &text);
// "NETWORK 500: message" (kind, code when there is one, and Alma's message without its final
// full stop), for a parenthesis in a staff message.
QString errorSummary(const ApiError &error);

} // namespace migdesk
