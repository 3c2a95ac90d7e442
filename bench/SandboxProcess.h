// `migdesk-cli sandbox` in a process of its own, for benchmarks that measure the product against
// an Alma with latency: started with any extra options, its URL read from its log, its counters
// read over HTTP, killed at the end.
#pragma once

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace migdesk::bench {

struct SandboxProcess {
    QProcess process;
    QString url;

    // `options`: what follows `sandbox --port 0` (e.g. --latency-ms 250 --data FILE).
    bool start(const QStringList &options, const QString &logPath)
    {
        process.setStandardOutputFile(logPath);
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(
            QStringLiteral(MIGDESK_CLI_PATH),
            QStringList{QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0")} +
                options);
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        for (int i = 0; i < 200 && url.isEmpty(); ++i) {
            QFile log(logPath);
            if (log.open(QIODevice::ReadOnly)) {
                const auto match = listening.match(QString::fromUtf8(log.readAll()));
                if (match.hasMatch())
                    url = match.captured(1);
            }
            if (url.isEmpty())
                process.waitForFinished(50);
        }
        return !url.isEmpty();
    }
    ~SandboxProcess()
    {
        process.kill();
        process.waitForFinished(5000);
    }
    // GET /sandbox/counters ("total_requests", ...); an empty object when it cannot be read.
    nlohmann::json counters()
    {
        QNetworkAccessManager network;
        QNetworkReply *reply =
            network.get(QNetworkRequest(QUrl(url + QStringLiteral("/sandbox/counters"))));
        QEventLoop loop; // a benchmark harness, not product code
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        auto json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
        return json.is_object() ? json : nlohmann::json::object();
    }
};

} // namespace migdesk::bench
