// Connection settings of one AlmaClient: where Alma is, the key, and the safety limits.
#pragma once

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
};

} // namespace migdesk
