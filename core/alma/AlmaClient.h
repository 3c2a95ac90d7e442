// The Alma REST client: one method per call MigDesk makes, each returning a reply object that
// finishes exactly once. Safety rules (HTTPS, same-origin redirects, no blind write resends,
// rate limit, deadlines, daily budget floor) live here, not in the callers.
#pragma once

#include "alma/AlmaConfig.h"
#include "alma/AlmaReply.h"

#include <QByteArray>
#include <QList>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#endif
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <utility>
#include <vector>

class QNetworkAccessManager;

namespace migdesk {

struct ScanInParams {
    QString library;
    QString circDesk;
    QString department;
    QString workOrderType;
    QString status;
    bool done = false;
};

struct WithdrawParams {
    bool override = false;
    QString holdings = QStringLiteral("retain");
    QString bib = QStringLiteral("retain");
};

// What AlmaCall needs to run one call; built by AlmaClient.
struct AlmaRequestSpec {
    QByteArray method; // "GET", "PUT", "POST", "DELETE"
    QString path;      // "/almaws/v1/...", every variable segment already validated
    std::vector<std::pair<QString, QString>> query; // raw values, encoded by the call
    QByteArray body;
    bool hasBody = false;
    bool followItemRedirect = false; // the item_barcode 302
    bool isWrite() const { return method != "GET"; }
};

class AlmaClient : public QObject {
    Q_OBJECT
public:
    AlmaClient(QNetworkAccessManager *network, AlmaConfig config, QObject *parent = nullptr);

    ItemReply *itemByBarcode(const QString &barcode);
    ItemReply *getItem(const QString &mmsId, const QString &holdingId, const QString &pid);
    ItemReply *getItem(const Item &item);
    ItemReply *updateItem(const Item &item);                         // PUT whole item
    ItemReply *scanIn(const Item &item, const ScanInParams &params); // register_in_house_use=false
    LoansReply *itemLoans(const Item &item);
    AlmaReply *deleteItem(const Item &item, const WithdrawParams &params);
    JsonReply *testKey(bool write); // GET or POST /almaws/v1/bibs/test
    JsonReply *createSet(const QString &name, const QString &description);
    JsonReply *addSetMembers(const QString &setId, const QStringList &barcodes); // <= 1000
    JsonReply *setMembers(const QString &setId, int offset, int limit);
    AlmaReply *deleteSet(const QString &setId); // 204; 60107 when Alma has no such set
    JsonReply *runJob(const QString &jobId, const nlohmann::json &body);
    JsonReply *jobInstance(const QString &jobId, const QString &instanceId);
    // GET /almaws/v1/conf/{path}: read-only configuration ("libraries", "departments",
    // "libraries/MAIN/circ-desks", "code-tables/PhysicalItemCondition"). Each segment must be
    // a safe id.
    JsonReply *conf(const QString &path);

    qint64 remainingCalls() const { return m_remaining; } // last X-Exl-Api-Remaining, -1 unknown
    const AlmaConfig &config() const { return m_config; }
    void setConfig(const AlmaConfig &config);

    // Used by AlmaCall.
    QNetworkAccessManager *network() const { return m_network; }
#if QT_CONFIG(ssl)
    // The CA certificates of config().caFile.
    const QList<QSslCertificate> &extraCaCertificates() const
    {
        return m_extraCa;
    }
#endif
    // Why config().caFile cannot be used (a Validation error), or none.
    const ApiError &trustProblem() const
    {
        return m_trustProblem;
    }
    void noteRemaining(qint64 remaining);
    void noteFinished(const QByteArray &method, const QUrl &url, int httpStatus);

Q_SIGNALS:
    void remainingCallsChanged(qint64 remaining);
    void requestFinished(const QString &method, const QString &redactedUrl, int httpStatus);

private:
    template <typename Reply>
    Reply *start(AlmaRequestSpec spec);
    template <typename Reply>
    Reply *refuse(const ApiError &error);
    // Checks the ids of an item path; empty when valid, else a Validation error.
    ApiError checkItemIds(const QString &mmsId, const QString &holdingId, const QString &pid) const;

    void applyNetworkSettings();

    QNetworkAccessManager *m_network;
    AlmaConfig m_config;
#if QT_CONFIG(ssl)
    QList<QSslCertificate> m_extraCa;
#endif
    ApiError m_trustProblem;
    qint64 m_remaining = -1;
};

} // namespace migdesk
