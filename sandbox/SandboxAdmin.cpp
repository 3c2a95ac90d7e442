// The sandbox's admin API under /sandbox/ (not Alma's): the write log, counters, reset,
// faults at runtime and the staff-side test hooks. No key, no limits, no faults.
#include "SandboxErrors.h"
#include "SandboxRuntime.h"
#include "SandboxServer.h"
#include "SandboxState.h"

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

SandboxReply jsonReply(const json &body, int status = 200)
{
    SandboxReply reply;
    reply.status = status;
    reply.body = QByteArray::fromStdString(body.dump());
    return reply;
}

json faultsJson(const Faults &f)
{
    return json{{"latency_ms", f.latencyMs},
                {"jitter_ms", f.jitterMs},
                {"p429", f.p429},
                {"p5xx", f.p5xx},
                {"drop", f.pDrop},
                {"malformed", f.pMalformed},
                {"hang", f.pHang}};
}

bool readFaults(const QByteArray &body, Faults *faults)
{
    const json sent = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (sent.is_discarded() || !sent.is_object())
        return false;
    auto number = [&](const char *key, auto current) {
        const auto it = sent.find(key);
        return it != sent.end() && it->is_number() ? it->get<decltype(current)>() : current;
    };
    Faults f = *faults;
    f.latencyMs = number("latency_ms", f.latencyMs);
    f.jitterMs = number("jitter_ms", f.jitterMs);
    f.p429 = number("p429", f.p429);
    f.p5xx = number("p5xx", f.p5xx);
    f.pDrop = number("drop", f.pDrop);
    f.pMalformed = number("malformed", f.pMalformed);
    f.pHang = number("hang", f.pHang);
    *faults = f;
    return true;
}

json operationJson(const Operation &op)
{
    json query = json::object();
    for (auto it = op.query.cbegin(); it != op.query.cend(); ++it)
        query[it.key().toStdString()] = it.value().toStdString();
    return json{{"method", op.method.toStdString()},
                {"path", op.path.toStdString()},
                {"query", query},
                {"barcode", op.barcode.toStdString()},
                {"item_pid", op.itemPid.toStdString()},
                {"status", op.status},
                {"at", op.at.toString(Qt::ISODateWithMs).toStdString()}};
}

} // namespace

void SandboxServer::handleAdmin(SandboxRequest &&request)
{
    const QStringList s = request.segments.mid(1);
    const QByteArray &m = request.method;
    const QString what = s.value(0);
    SandboxRuntime &rt = *m_runtime;
    SandboxReply reply = almaError(404, QStringLiteral("INVALID_REQUEST"),
                                   QStringLiteral("Unknown sandbox admin call."));
    if (what == QLatin1String("operations") && m == "GET") {
        json list = json::array();
        for (const auto &op : rt.operations)
            list.push_back(operationJson(op));
        reply = jsonReply(json{{"operations", list}});
    } else if (what == QLatin1String("counters") && m == "GET") {
        json requests = json::object();
        for (const auto &[endpoint, count] : rt.requestCounts)
            requests[endpoint.toStdString()] = count;
        json faults = json::object();
        for (const auto &[kind, count] : rt.faultCounts)
            faults[kind] = count;
        reply = jsonReply(json{{"requests", requests},
                               {"total_requests", rt.totalRequests},
                               {"sent_429", rt.sent429},
                               {"per_second_threshold", rt.rateLimited},
                               {"daily_threshold", rt.dailyRejected},
                               {"unauthorized", rt.unauthorized},
                               {"daily_used", rt.used},
                               {"daily_remaining", rt.remaining(m_options)},
                               {"faults", faults},
                               {"in_house_uses", m_state->inHouseUses()},
                               {"items", m_state->itemCount()}});
    } else if (what == QLatin1String("reset") && m == "POST") {
        reset();
        reply = jsonReply(json{{"reset", true}});
    } else if (what == QLatin1String("faults") && (m == "GET" || m == "PUT")) {
        Faults faults = m_options.faults;
        if (m == "PUT" && !readFaults(request.body, &faults)) {
            reply = almaError(400, QStringLiteral("INVALID_REQUEST"),
                              QStringLiteral("The faults body must be a JSON object."));
        } else {
            setFaults(faults);
            reply = jsonReply(faultsJson(m_options.faults));
        }
    } else if (what == QLatin1String("examples") && m == "GET") {
        json list = json::array();
        for (const auto &example : m_state->examples()) {
            list.push_back(json{{"barcode", example.barcode.toStdString()},
                                {"scenario", example.scenario.toStdString()}});
        }
        reply = jsonReply(json{{"examples", list}});
    } else if (what == QLatin1String("items") && s.size() >= 2) {
        const QString barcode = s[1];
        const QString action = s.value(2);
        bool ok = false;
        if (s.size() == 2 && m == "GET") {
            ok = !m_state->pidForBarcode(barcode).isEmpty();
        } else if (action == QLatin1String("touch") && m == "POST") {
            ok = touchItem(barcode);
        } else if (action == QLatin1String("declare") && m == "POST") {
            ok = declareLoan(barcode, request.queryValue(QStringLiteral("action")));
            if (!ok && !m_state->pidForBarcode(barcode).isEmpty()) {
                reply = almaError(400, QStringLiteral("INVALID_REQUEST"),
                                  QStringLiteral("Needs action=lost or action=claimed_returned "
                                                 "and an item with an active loan."));
            }
        }
        if (ok)
            reply = jsonReply(m_state->itemJson(barcode, linkBase(request)));
    }
    writeReply(request.socket, reply, request.closeAfterReply);
}

} // namespace migdesk::sandbox
