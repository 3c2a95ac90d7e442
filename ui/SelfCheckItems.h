// SelfCheckItems: each check of SelfCheck on its own, and the words staff see for its result:
// what was found and how to fix it (the package to install, the service to start, the setting
// to change).
#pragma once

#include "SelfCheck.h"
#include "model/ApiError.h"

#include <QStringList>

#include <utility>

namespace migdesk::selfcheck {

// The result a check keeps when its service never answered within `timeoutMs`.
CheckResult notAnswered(const QString &id, int timeoutMs);

// Every outcome icon renders non-empty (the SVG icon and image plugins are installed).
CheckResult icons();
// Qt's SQLite driver loads and opens a database (the journal needs it).
CheckResult sqlite();
// An audio output exists; a warning only: colours, icons and words carry every outcome.
CheckResult audio();
// The keychain answered (`answered`) or failed with `error`.
CheckResult keychain(bool answered, const QString &error);

// The TLS result when Qt has no TLS backend (no OpenSSL).
CheckResult tlsBackendMissing();
// The Alma and TLS results when no call is made: no Alma configured, or no key for it.
std::pair<CheckResult, CheckResult> almaWithoutCall(const SelfCheckAlma &alma);
// The Alma and TLS results from the answer to GET /bibs/test; `tlsErrors`: what the TLS
// handshake reported.
std::pair<CheckResult, CheckResult> almaAnswer(const SelfCheckAlma &alma, bool ok,
                                               const ApiError &error, const QStringList &tlsErrors);

} // namespace migdesk::selfcheck
