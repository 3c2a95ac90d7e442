// Process-level helpers for the batch end-to-end tests: `migdesk-cli sandbox` and
// `migdesk-cli batch` as real child processes, the sandbox's admin API, the report CSV.
#pragma once

#include "TestSupport.h"

#include "util/Csv.h"

#include <SandboxDemoData.h>

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

namespace migdesk::test {

inline QString sandboxKey()
{
    return QStringLiteral("sandbox-demo-key");
}

// The demo barcodes `migdesk-cli sandbox --items N --seed S` serves.
inline QStringList demoBarcodes(int count, quint32 seed = 1)
{
    QStringList barcodes;
    for (const auto &record : sandbox::generateDemoData(count, seed).records)
        barcodes << QString::fromStdString(record.item["item_data"]["barcode"].get<std::string>());
    return barcodes;
}

class SandboxProcess {
public:
    ~SandboxProcess() { stop(); }

    bool start(const QStringList &extra)
    {
        QStringList args{QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0")};
        args << extra;
        m_process.setProgram(cliPath());
        m_process.setArguments(args);
        // Output goes to files: an undrained pipe would block a chatty sandbox.
        m_process.setStandardOutputFile(m_logDir.filePath(QStringLiteral("stdout.log")));
        m_process.setStandardErrorFile(m_logDir.filePath(QStringLiteral("stderr.log")));
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        const bool ok = QTest::qWaitFor(
            [&] {
                m_output = output();
                const auto match = listening.match(QString::fromUtf8(m_output));
                if (match.hasMatch())
                    m_url = match.captured(1);
                return !m_url.isEmpty() || m_process.state() == QProcess::NotRunning;
            },
            20000);
        return ok && !m_url.isEmpty();
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QString url() const { return m_url; }
    QByteArray output() const
    {
        QFile file(m_logDir.filePath(QStringLiteral("stdout.log")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    nlohmann::json admin(const QString &path, const QByteArray &method = "GET")
    {
        QNetworkRequest request(QUrl(m_url + QStringLiteral("/sandbox/") + path));
        QNetworkReply *reply = m_network.sendCustomRequest(request, method);
        EXPECT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 20000));
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        auto json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
        return json.is_discarded() ? nlohmann::json::object() : json;
    }

    // Writes per barcode and kind ("scan" for POST ?op=scan, "PUT", "DELETE") that the sandbox
    // applied or may have applied: refusals (429, 503, Alma's 4xx) changed nothing.
    std::map<std::string, std::map<std::string, int>> writesByBarcode()
    {
        std::map<std::string, std::map<std::string, int>> writes;
        const nlohmann::json log = admin(QStringLiteral("operations"));
        for (const auto &op : log["operations"]) {
            const int status = op.value("status", 0);
            if (status != 0 && (status < 200 || status > 299))
                continue;
            std::string kind = op.value("method", "");
            if (kind == "POST" && op["query"].value("op", "") == "scan")
                kind = "scan";
            writes[op.value("barcode", "")][kind] += 1;
        }
        return writes;
    }

private:
    QTemporaryDir m_logDir;
    QProcess m_process;
    QByteArray m_output;
    QString m_url;
    QNetworkAccessManager m_network;
};

struct BatchRun {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

inline QStringList batchArgs(const QString &url, const QString &dir, const QStringList &extra)
{
    QStringList args{QStringLiteral("batch"),
                     QStringLiteral("--library"),
                     QStringLiteral("MAIN"),
                     QStringLiteral("--circ-desk"),
                     QStringLiteral("DEFAULT_CIRC_DESK"),
                     QStringLiteral("--alma-url"),
                     url,
                     QStringLiteral("--journal"),
                     dir + QStringLiteral("/journal.sqlite"),
                     QStringLiteral("--report"),
                     dir + QStringLiteral("/report.csv")};
    args << extra << dir + QStringLiteral("/barcodes.txt");
    return args;
}

// Runs `migdesk-cli batch`; with killAfterMs >= 0, sends SIGKILL after that long.
inline BatchRun runBatch(const QStringList &args, const QString &key = sandboxKey(),
                         int killAfterMs = -1, int timeoutMs = 180000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MIGDESK_API_KEY"), key);
    process.setProcessEnvironment(env);
    process.start(cliPath(), args);
    BatchRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (killAfterMs >= 0) {
        (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, killAfterMs);
        if (process.state() != QProcess::NotRunning)
            process.kill();
    }
    process.waitForFinished(timeoutMs);
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = run.crashed ? -1 : process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

inline void writeLines(const QString &path, const QStringList &lines)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
}

// Report rows by barcode (header row dropped), as column-name -> value maps.
inline std::map<QString, std::map<QString, QString>> readReport(const QString &path)
{
    std::map<QString, std::map<QString, QString>> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const auto records = csv::parse(text).rows;
    if (records.empty())
        return rows;
    const QStringList header = records.front();
    for (size_t i = 1; i < records.size(); ++i) {
        std::map<QString, QString> row;
        for (int c = 0; c < header.size() && c < records[i].size(); ++c)
            row[header.at(c)] = records[i].at(c);
        rows[row[QStringLiteral("Barcode")]] = row;
    }
    return rows;
}

} // namespace migdesk::test
