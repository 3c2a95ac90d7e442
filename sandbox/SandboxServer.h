// The MigDesk sandbox: a local Alma REST API simulator on loopback, used as the GUI's demo,
// by tests and by benchmarks. It follows docs ALMA_API.md (status codes, JSON shapes, error
// bodies, headers, the barcode redirect) and offers faults and an admin API under /sandbox/.
#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

namespace migdesk::sandbox {

// Injected trouble: applied to Alma endpoints only (never to /sandbox/ admin calls).
struct Faults {
    int latencyMs = 0;
    int jitterMs = 0;
    double p429 = 0;       // answer 429 PER_SECOND_THRESHOLD without applying the request
    double p5xx = 0;       // answer 503 with Alma's XML gateway body without applying it
    double pDrop = 0;      // apply the request, then close the connection without a reply
    double pMalformed = 0; // apply the request, then answer 200 with broken JSON
    double pHang = 0;      // never answer (the request is not applied)
};

struct SandboxOptions {
    QString apiKey = QStringLiteral("sandbox-demo-key");
    int rateLimit = 25;      // calls per second; 0 or less disables the limit
    qint64 dailyBudget = -1; // -1 unlimited
    bool processTypeWritable = false;
    Faults faults;
    QString jobId = QStringLiteral("M18"); // Change Physical items, as in Alma
    int jobSeconds = 3;
    quint32 seed = 1;
    // Alma sometimes sends a lone error as an object instead of a one-element array: on, every
    // single-error body has "error": {...}.
    bool singleErrorObject = false;
    // The scheme of links and redirects: "https" when a TLS front relays to the sandbox (tests).
    QString linkScheme = QStringLiteral("http");
};

struct DemoExample {
    QString barcode;
    QString scenario; // short English description, e.g. "Sierra Missing, in hand: returned"
};

// One write (POST/PUT/DELETE) received on an Alma endpoint.
struct Operation {
    QString method;
    QString path;
    QMap<QString, QString> query; // the API key is never recorded
    QString barcode;
    QString itemPid;
    int status = 0; // the status answered (0: never answered, e.g. a hang)
    QDateTime at;
};

class SandboxAnalytics;
class SandboxState;
class SandboxHttpServer;
struct SandboxRequest;
struct SandboxReply;
struct SandboxRuntime;

class SandboxServer : public QObject {
    Q_OBJECT
public:
    explicit SandboxServer(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const; // "http://127.0.0.1:PORT"

    void loadDemo(int itemCount = 400, quint32 seed = 1);
    bool loadData(const QByteArray &json, QString *error); // the --data format
    bool loadDataFile(const QString &path, QString *error);
    std::vector<DemoExample> demoExamples() const; // barcodes per scenario, for the help panel
    std::vector<Operation> operations() const;     // every write received on Alma endpoints

    void setFaults(const Faults &faults);
    Faults faults() const;
    void reset(); // back to the loaded data, operations and counters cleared

    // Test hooks (also reachable through the admin API).
    bool touchItem(const QString &barcode); // another Alma user edits the item (stale writes)
    bool declareLoan(const QString &barcode, const QString &action); // "lost"|"claimed_returned"
    nlohmann::json itemJson(const QString &barcode) const; // current state, for assertions

    const SandboxOptions &options() const;
    const SandboxAnalytics &analytics() const { return *m_analytics; } // its Analytics reports

private:
    void handle(SandboxRequest &&request);
    void handleAdmin(SandboxRequest &&request);
    SandboxReply dispatch(const SandboxRequest &request, const QString &base, QString *endpoint);
    QString linkBase(const SandboxRequest &request) const;
    void deliver(SandboxRequest &request, SandboxReply reply, bool drop);
    void startJobTimer();

    SandboxOptions m_options;
    std::unique_ptr<SandboxState> m_state;
    std::unique_ptr<SandboxRuntime> m_runtime;
    std::unique_ptr<SandboxAnalytics> m_analytics;
    SandboxHttpServer *m_http = nullptr;
    quint16 m_port = 0;
};

} // namespace migdesk::sandbox
