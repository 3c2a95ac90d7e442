// Removes secrets from text that is about to be logged (URLs, headers, messages).
#pragma once

#include <QString>

namespace migdesk {

// Strips `apikey=...` query values, `Authorization:` header values, `apikey <KEY>` credentials
// and every occurrence of the literal key (also percent-encoded), replacing them with "***".
QString redactSecrets(const QString &text, const QString &apiKey = {});

} // namespace migdesk
