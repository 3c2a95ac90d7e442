// Connection settings of one AlmaClient: where Alma is, the key, the safety limits, whom to
// trust over TLS and which proxy to use.
#pragma once

#include "alma/ProxyChoice.h"

#include <QString>
#include <QUrl>
#include <QtGlobal>

namespace migdesk {

struct AlmaConfig {
    QUrl baseUrl;   // e.g. regionBaseUrl(Region::EU), or http://127.0.0.1:port for the sandbox
    QString apiKey; // sent only in the Authorization header, never logged
    double rateLimitPerSecond = 20; // the process-wide token bucket's rate
    int transferTimeoutMs = 15000;  // inactivity timeout of one HTTP exchange
    int deadlineMs = 30000;         // hard limit for a call from its first send, retries included
    int maxRetries = 4;             // retries of GETs and 429s
    qint64 remainingFloor = 0;      // below this X-Exl-Api-Remaining, calls fail fast
    // A PEM file of CA certificates trusted besides the system's (a network that re-signs TLS);
    // empty: the system's only. An unusable file fails every HTTPS call, naming the file.
    QString caFile;
    ProxyChoice proxy; // applied to the client's network manager
};

} // namespace migdesk
