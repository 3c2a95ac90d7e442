// The sandbox server: the gateway part of Alma (auth, JSON only, per-second limit, daily
// budget, injected faults, delayed answers) in front of SandboxState, plus the admin API.
#include "SandboxServer.h"

#include "SandboxAnalytics.h"
#include "SandboxConf.h"
#include "SandboxDemoData.h"
#include "SandboxErrors.h"
#include "SandboxHttp.h"
#include "SandboxRuntime.h"
#include "SandboxState.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSandbox, "migdesk.sandbox")

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

// {"error":[{...}]} -> {"error":{...}} for a body with exactly one error.
void useSingleErrorObject(SandboxReply &reply)
{
    json body = json::parse(reply.body.constData(), reply.body.constData() + reply.body.size(),
                            nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("errorList"))
        return;
    json &errors = body["errorList"]["error"];
    if (errors.is_array() && errors.size() == 1) {
        errors = json(errors[0]);
        reply.body = QByteArray::fromStdString(body.dump());
    }
}

// Alma keeps the query string on the barcode redirect (view, expand, an apikey parameter): the
// Location gets every parameter but the barcode.
void keepQueryOnRedirect(SandboxReply &reply, const SandboxRequest &request)
{
    if (reply.status != 302)
        return;
    QUrlQuery kept = request.query;
    kept.removeAllQueryItems(QStringLiteral("item_barcode"));
    if (kept.isEmpty())
        return;
    for (auto &[name, value] : reply.headers) {
        if (name == "Location")
            value += '?' + kept.toString(QUrl::FullyEncoded).toUtf8();
    }
}

} // namespace

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_state(std::make_unique<SandboxState>(m_options))
    , m_runtime(std::make_unique<SandboxRuntime>(m_options.seed))
    , m_analytics(std::make_unique<SandboxAnalytics>())
{
    m_http = new SandboxHttpServer([this](SandboxRequest &&request) { handle(std::move(request)); },
                                   this);
    m_runtime->jobTimer.setInterval(100);
    connect(&m_runtime->jobTimer, &QTimer::timeout, this, [this] {
        if (!m_state->advanceJobs(QDateTime::currentDateTimeUtc()))
            m_runtime->jobTimer.stop();
    });
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_http->listen(address, port);
    return m_port != 0;
}

quint16 SandboxServer::port() const
{
    return m_port;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

const SandboxOptions &SandboxServer::options() const
{
    return m_options;
}

void SandboxServer::loadDemo(int itemCount, quint32 seed)
{
    DemoData demo = generateDemoData(itemCount, seed);
    m_analytics->load(demo.records);
    m_state->loadRecords(std::move(demo.records), std::move(demo.examples),
                         [itemCount, seed] { return generateDemoData(itemCount, seed).records; });
    m_runtime->clear();
}

bool SandboxServer::loadData(const QByteArray &json, QString *error)
{
    if (!m_state->loadDataJson(json, error))
        return false;
    std::vector<ItemRecord> records;
    if (SandboxState::parseDataJson(json, &records, nullptr))
        m_analytics->load(records);
    m_runtime->clear();
    return true;
}

bool SandboxServer::loadDataFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return loadData(file.readAll(), error);
}

std::vector<DemoExample> SandboxServer::demoExamples() const
{
    return m_state->examples();
}

std::vector<Operation> SandboxServer::operations() const
{
    return m_runtime->operations;
}

void SandboxServer::setFaults(const Faults &faults)
{
    m_options.faults = faults;
}

Faults SandboxServer::faults() const
{
    return m_options.faults;
}

void SandboxServer::reset()
{
    m_state->reset();
    m_runtime->clear();
}

bool SandboxServer::touchItem(const QString &barcode)
{
    return m_state->touch(barcode);
}

bool SandboxServer::declareLoan(const QString &barcode, const QString &action)
{
    return m_state->declareLoan(barcode, action);
}

nlohmann::json SandboxServer::itemJson(const QString &barcode) const
{
    return m_state->itemJson(barcode, baseUrl().toString());
}

void SandboxServer::startJobTimer()
{
    if (!m_runtime->jobTimer.isActive())
        m_runtime->jobTimer.start();
}

QString SandboxServer::linkBase(const SandboxRequest &request) const
{
    // Links and the redirect go to the host and port the client used (same origin).
    const QByteArray host = request.header("host");
    bool clean = !host.isEmpty() && host.size() < 256;
    for (const char c : host) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-' ||
                             c == '[' || c == ']';
        clean = clean && allowed;
    }
    if (!clean)
        return baseUrl().toString();
    return m_options.linkScheme + QStringLiteral("://") + QString::fromLatin1(host);
}

void SandboxServer::handle(SandboxRequest &&request)
{
    if (request.segments.value(0) == QLatin1String("sandbox")) {
        handleAdmin(std::move(request));
        return;
    }
    SandboxRuntime &rt = *m_runtime;
    const RouteInfo route = routeOf(request);
    rt.count(route.endpoint);
    const bool write =
        request.method == "POST" || request.method == "PUT" || request.method == "DELETE";
    Operation operation;
    if (write) {
        operation.method = QString::fromLatin1(request.method);
        operation.path = request.path;
        for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
            if (key != QLatin1String("apikey"))
                operation.query.insert(key, value);
        }
        operation.itemPid = route.itemPid;
        operation.barcode =
            route.itemPid.isEmpty() ? QString() : m_state->barcodeForPid(route.itemPid);
        operation.at = QDateTime::currentDateTimeUtc();
    }
    // Never the query: it may carry the key.
    qCDebug(lcSandbox) << request.method << request.path;
    auto finish = [&](SandboxReply reply, bool drop) {
        if (m_options.singleErrorObject && reply.status >= 400)
            useSingleErrorObject(reply);
        if (write) {
            operation.status = drop && reply.status == 0 ? 0 : reply.status;
            rt.operations.push_back(operation);
        }
        deliver(request, std::move(reply), drop);
    };

    const GateResult gate = rt.gate(request, m_options);
    if (gate.rejected) {
        finish(gate.reply, false);
        return;
    }
    const FaultKind fault = rt.rollFault(m_options.faults);
    if (fault == FaultKind::Hang) {
        ++rt.faultCounts["hang"];
        if (write) {
            operation.status = 0;
            rt.operations.push_back(operation);
        }
        return; // never answered, never applied
    }
    if (fault == FaultKind::TooMany) {
        ++rt.faultCounts["429"];
        ++rt.sent429;
        finish(rt.withRemaining(perSecondThresholdReply(), m_options), false);
        return;
    }
    if (fault == FaultKind::Gateway) {
        // Alma's gateway errors come as XML under any content type, sometimes cut short: every
        // second one claims JSON, every third one is truncated.
        const qint64 n = ++rt.faultCounts["5xx"];
        SandboxReply reply = gatewayXmlReply(503, QStringLiteral("ROUTING_ERROR"),
                                             QStringLiteral("General Error - Routing error."));
        if (n % 2 == 0)
            reply.contentType = "application/json;charset=UTF-8";
        if (n % 3 == 0)
            reply.body.chop(reply.body.size() / 3);
        finish(rt.withRemaining(std::move(reply), m_options), false);
        return;
    }
    SandboxReply reply = dispatch(request, linkBase(request), nullptr);
    if (reply.status == 429)
        ++rt.sent429;
    if (fault == FaultKind::Malformed && reply.status == 200 && !reply.body.isEmpty()) {
        ++rt.faultCounts["malformed"];
        reply.body = reply.body.left(reply.body.size() / 2) + "\",<html><body>Bad gateway";
    }
    if (fault == FaultKind::Drop)
        ++rt.faultCounts["drop"];
    finish(rt.withRemaining(std::move(reply), m_options), fault == FaultKind::Drop);
}

void SandboxServer::deliver(SandboxRequest &request, SandboxReply reply, bool drop)
{
    const int delay = m_runtime->delayMs(m_options.faults);
    QPointer<QTcpSocket> socket = request.socket;
    const bool close = request.closeAfterReply;
    if (delay <= 0) {
        if (drop) {
            if (socket)
                socket->disconnectFromHost();
        } else {
            writeReply(socket, reply, close);
        }
        return;
    }
    QTimer::singleShot(delay, this, [socket, reply = std::move(reply), drop, close] {
        if (drop) {
            if (socket)
                socket->disconnectFromHost();
        } else {
            writeReply(socket, reply, close);
        }
    });
}

SandboxReply SandboxServer::dispatch(const SandboxRequest &request, const QString &base, QString *)
{
    const QStringList &s = request.segments;
    const QByteArray &m = request.method;
    if (s.size() < 3 || s[0] != QLatin1String("almaws") || s[1] != QLatin1String("v1")) {
        return almaError(
            404, QStringLiteral("INVALID_REQUEST"),
            QStringLiteral("No such resource in the MigDesk sandbox: %1").arg(request.path));
    }
    const QStringList rest = s.mid(2);
    auto methodNotAllowed = [] {
        return almaError(405, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("This method is not supported on this resource."));
    };
    if (rest.size() == 1 && rest[0] == QLatin1String("items")) {
        if (m != "GET")
            return methodNotAllowed();
        if (!request.hasQuery(QStringLiteral("item_barcode"))) {
            return almaError(400, QStringLiteral("INVALID_REQUEST"),
                             QStringLiteral("The item_barcode parameter is required."));
        }
        SandboxReply reply =
            m_state->itemByBarcode(request.queryValue(QStringLiteral("item_barcode")), base);
        keepQueryOnRedirect(reply, request);
        return reply;
    }
    if (rest.size() == 2 && rest[0] == QLatin1String("bibs") && rest[1] == QLatin1String("test")) {
        SandboxReply reply;
        if (m == "GET")
            reply.body = R"({"test":"GET request successful."})";
        else if (m == "POST")
            reply.body = R"({"test":"POST request successful."})";
        else
            return methodNotAllowed();
        return reply;
    }
    if (rest.size() >= 6 && rest[0] == QLatin1String("bibs") &&
        rest[2] == QLatin1String("holdings") && rest[4] == QLatin1String("items")) {
        const QStringList ids = {rest[1], rest[3], rest[5]};
        if (rest.size() == 6) {
            if (m == "GET")
                return m_state->getItem(ids, base);
            if (m == "PUT")
                return m_state->putItem(ids, request.body, base);
            if (m == "POST")
                return m_state->scanIn(ids, request, base);
            if (m == "DELETE")
                return m_state->deleteItem(ids, request);
            return methodNotAllowed();
        }
        if (rest.size() == 7 && rest[6] == QLatin1String("loans")) {
            if (m != "GET")
                return methodNotAllowed();
            return m_state->loans(ids, request, base);
        }
    }
    if (rest.size() >= 2 && rest[0] == QLatin1String("conf") && rest[1] == QLatin1String("sets")) {
        if (rest.size() == 2) {
            if (m == "GET")
                return m_state->listSets(request, base);
            return m == "POST" ? m_state->createSet(request.body, base) : methodNotAllowed();
        }
        if (rest.size() == 3) {
            if (m == "GET")
                return m_state->getSet(rest[2], base);
            if (m == "POST")
                return m_state->updateMembers(rest[2], request, base);
            if (m == "DELETE")
                return m_state->deleteSet(rest[2]);
            return methodNotAllowed();
        }
        if (rest.size() == 4 && rest[3] == QLatin1String("members"))
            return m == "GET" ? m_state->setMembers(rest[2], request, base) : methodNotAllowed();
    }
    if (rest[0] == QLatin1String("analytics"))
        return m_analytics->handle(request, rest.mid(1));
    if (rest.size() >= 3 && rest[0] == QLatin1String("conf") && rest[1] == QLatin1String("jobs")) {
        if (rest.size() == 3) {
            if (m == "GET")
                return m_state->getJob(rest[2], base);
            if (m != "POST")
                return methodNotAllowed();
            SandboxReply reply = m_state->runJob(rest[2], request, base);
            if (reply.status == 200)
                startJobTimer();
            return reply;
        }
        if (rest.size() == 4 && rest[3] == QLatin1String("instances"))
            return m == "GET" ? m_state->jobInstances(rest[2], request, base) : methodNotAllowed();
        if (rest.size() == 5 && rest[3] == QLatin1String("instances"))
            return m == "GET" ? m_state->jobInstance(rest[2], rest[4], base) : methodNotAllowed();
    }
    if (rest.size() >= 2 && rest[0] == QLatin1String("conf")) {
        SandboxReply reply;
        if (confReply(m, rest.mid(1), request, base, &reply))
            return reply;
    }
    return almaError(
        404, QStringLiteral("INVALID_REQUEST"),
        QStringLiteral("No such resource in the MigDesk sandbox: %1").arg(request.path));
}

} // namespace migdesk::sandbox
