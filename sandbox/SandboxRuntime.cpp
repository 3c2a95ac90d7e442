// The sandbox's gateway state (see SandboxRuntime.h).
#include "SandboxRuntime.h"

#include "SandboxErrors.h"

namespace migdesk::sandbox {

namespace {

constexpr qint64 kUnlimitedBudget = 1000000;

} // namespace

RouteInfo routeOf(const SandboxRequest &request)
{
    const QStringList &s = request.segments;
    RouteInfo info;
    if (s.size() < 3 || s[0] != QLatin1String("almaws") || s[1] != QLatin1String("v1")) {
        info.endpoint = QStringLiteral("unknown");
        return info;
    }
    const QStringList rest = s.mid(2);
    const QByteArray &m = request.method;
    if (rest.size() == 1 && rest[0] == QLatin1String("items")) {
        info.endpoint = QStringLiteral("item_by_barcode");
    } else if (rest.size() == 2 && rest[0] == QLatin1String("bibs") &&
               rest[1] == QLatin1String("test")) {
        info.endpoint =
            m == "POST" ? QStringLiteral("bibs_test_post") : QStringLiteral("bibs_test_get");
    } else if (rest.size() >= 6 && rest[0] == QLatin1String("bibs") &&
               rest[4] == QLatin1String("items")) {
        info.itemPid = rest[5];
        if (rest.size() == 7)
            info.endpoint = QStringLiteral("item_loans");
        else if (m == "GET")
            info.endpoint = QStringLiteral("item_get");
        else if (m == "PUT")
            info.endpoint = QStringLiteral("item_put");
        else if (m == "POST")
            info.endpoint = QStringLiteral("item_scan_in");
        else if (m == "DELETE")
            info.endpoint = QStringLiteral("item_delete");
        else
            info.endpoint = QStringLiteral("item_other");
    } else if (rest.size() >= 2 && rest[0] == QLatin1String("conf") &&
               rest[1] == QLatin1String("sets")) {
        const bool removing =
            request.queryValue(QStringLiteral("op")) == QLatin1String("delete_members");
        if (rest.size() == 2)
            info.endpoint = m == "POST" ? QStringLiteral("set_create") : QStringLiteral("set_list");
        else if (rest.size() == 4)
            info.endpoint = QStringLiteral("set_members");
        else if (m == "POST")
            info.endpoint =
                removing ? QStringLiteral("set_delete_members") : QStringLiteral("set_add_members");
        else if (m == "DELETE")
            info.endpoint = QStringLiteral("set_delete");
        else
            info.endpoint = QStringLiteral("set_get");
    } else if (rest.size() >= 3 && rest[0] == QLatin1String("conf") &&
               rest[1] == QLatin1String("jobs")) {
        if (rest.size() == 3)
            info.endpoint = m == "POST" ? QStringLiteral("job_run") : QStringLiteral("job_get");
        else if (rest.size() == 4)
            info.endpoint = QStringLiteral("job_instances");
        else
            info.endpoint = QStringLiteral("job_instance");
    } else if (rest.size() >= 2 && rest[0] == QLatin1String("conf") &&
               (rest[1] == QLatin1String("libraries") || rest[1] == QLatin1String("departments") ||
                rest[1] == QLatin1String("code-tables"))) {
        info.endpoint = QStringLiteral("conf_") + rest[1]; // conf_libraries, ...
    } else {
        info.endpoint = QStringLiteral("unknown");
    }
    return info;
}

SandboxRuntime::SandboxRuntime(quint32 seed)
    : random(seed)
{
    clock.start();
}

void SandboxRuntime::clear()
{
    operations.clear();
    requestCounts.clear();
    faultCounts.clear();
    totalRequests = 0;
    sent429 = 0;
    rateLimited = 0;
    dailyRejected = 0;
    unauthorized = 0;
    used = 0;
    window.clear();
}

void SandboxRuntime::count(const QString &endpoint)
{
    ++totalRequests;
    ++requestCounts[endpoint];
}

qint64 SandboxRuntime::remaining(const SandboxOptions &options) const
{
    const qint64 budget = options.dailyBudget >= 0 ? options.dailyBudget : kUnlimitedBudget;
    return std::max<qint64>(0, budget - used);
}

SandboxReply SandboxRuntime::withRemaining(SandboxReply reply, const SandboxOptions &options) const
{
    reply.headers.emplace_back("X-Exl-Api-Remaining", QByteArray::number(remaining(options)));
    return reply;
}

GateResult SandboxRuntime::gate(const SandboxRequest &request, const SandboxOptions &options)
{
    GateResult result;
    auto reject = [&](SandboxReply reply) {
        result.rejected = true;
        result.reply = withRemaining(std::move(reply), options);
        return result;
    };
    const QByteArray authorization = request.header("authorization");
    const QByteArray expected = "apikey " + options.apiKey.toUtf8();
    const bool headerOk =
        authorization.trimmed() == expected ||
        (authorization.size() > 7 && authorization.left(7).toLower() == "apikey " &&
         authorization.mid(7).trimmed() == options.apiKey.toUtf8());
    const bool queryOk = request.hasQuery(QStringLiteral("apikey")) &&
                         request.queryValue(QStringLiteral("apikey")) == options.apiKey;
    if (!headerOk && !queryOk) {
        ++unauthorized;
        return reject(unauthorizedReply());
    }
    const bool wantsJson = request.header("accept").contains("application/json") ||
                           request.queryValue(QStringLiteral("format")) == QLatin1String("json");
    if (!wantsJson) {
        return reject(almaError(406, QStringLiteral("INVALID_REQUEST"),
                                QStringLiteral("The MigDesk sandbox answers JSON only: send "
                                               "\"Accept: application/json\" or format=json.")));
    }
    if (!request.body.isEmpty() && !request.header("content-type").contains("json")) {
        return reject(almaError(415, QStringLiteral("INVALID_REQUEST"),
                                QStringLiteral("The MigDesk sandbox accepts JSON bodies only: "
                                               "send \"Content-Type: application/json\".")));
    }
    const qint64 now = clock.elapsed();
    while (!window.empty() && window.front() <= now - 1000)
        window.pop_front();
    if (options.rateLimit > 0 && qint64(window.size()) >= options.rateLimit) {
        ++rateLimited;
        ++sent429;
        return reject(perSecondThresholdReply());
    }
    if (options.dailyBudget >= 0 && used >= options.dailyBudget) {
        ++dailyRejected;
        ++sent429;
        return reject(dailyThresholdReply());
    }
    window.push_back(now);
    ++used;
    return result;
}

FaultKind SandboxRuntime::rollFault(const Faults &faults)
{
    std::uniform_real_distribution<double> dice(0.0, 1.0);
    const std::pair<double, FaultKind> table[] = {{faults.pHang, FaultKind::Hang},
                                                  {faults.p429, FaultKind::TooMany},
                                                  {faults.p5xx, FaultKind::Gateway},
                                                  {faults.pDrop, FaultKind::Drop},
                                                  {faults.pMalformed, FaultKind::Malformed}};
    for (const auto &[probability, kind] : table) {
        if (probability > 0 && dice(random) < probability)
            return kind;
    }
    return FaultKind::None;
}

int SandboxRuntime::delayMs(const Faults &faults)
{
    int delay = std::max(0, faults.latencyMs);
    if (faults.jitterMs > 0)
        delay += std::uniform_int_distribution<int>(0, faults.jitterMs)(random);
    return delay;
}

} // namespace migdesk::sandbox
