// The sandbox's gateway state: request counters, the write log, the per-second window, the
// daily budget and the fault dice. Separate from the data so reset() can clear both.
#pragma once

#include "SandboxHttp.h"
#include "SandboxServer.h"

#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <map>
#include <random>
#include <string>

namespace migdesk::sandbox {

enum class FaultKind { None, Hang, TooMany, Gateway, Drop, Malformed };

struct RouteInfo {
    QString endpoint; // e.g. "item_get", for the counters
    QString itemPid;  // when the path names an item
};

struct GateResult {
    bool rejected = false;
    SandboxReply reply;
};

// Names the Alma endpoint a request is for (without applying it).
RouteInfo routeOf(const SandboxRequest &request);

struct SandboxRuntime {
    explicit SandboxRuntime(quint32 seed);

    void clear();
    void count(const QString &endpoint);
    // Auth, JSON only, per-second limit and daily budget, in Alma's gateway order.
    GateResult gate(const SandboxRequest &request, const SandboxOptions &options);
    FaultKind rollFault(const Faults &faults);
    int delayMs(const Faults &faults);
    qint64 remaining(const SandboxOptions &options) const;
    SandboxReply withRemaining(SandboxReply reply, const SandboxOptions &options) const;

    std::vector<Operation> operations;
    std::map<QString, qint64> requestCounts;
    std::map<std::string, qint64> faultCounts;
    qint64 totalRequests = 0;
    qint64 sent429 = 0;
    qint64 rateLimited = 0;
    qint64 dailyRejected = 0;
    qint64 unauthorized = 0;
    qint64 used = 0;           // calls counted against the daily budget
    std::deque<qint64> window; // monotonic ms of accepted calls in the last second
    QElapsedTimer clock;
    std::mt19937 random;
    QTimer jobTimer;
};

} // namespace migdesk::sandbox
