// What the Alma client adds per call on top of a bare QNetworkAccessManager request, both
// against the in-process sandbox over loopback (rate limits off on both sides).
#include "BenchSupport.h"

#include "SandboxServer.h"
#include "alma/AlmaClient.h"
#include "alma/Redaction.h"
#include "alma/UrlPolicy.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <benchmark/benchmark.h>

#include <memory>

using namespace migdesk;

namespace {

const QString kKey = QStringLiteral("bench-key");

struct Harness {
    Harness()
    {
        sandbox::SandboxOptions options;
        options.apiKey = kKey;
        options.rateLimit = 0;
        server = std::make_unique<sandbox::SandboxServer>(options);
        server->loadDemo(200, 3);
        server->listen();
        AlmaConfig config;
        config.baseUrl = server->baseUrl();
        config.apiKey = kKey;
        config.rateLimitPerSecond = 1e6; // measure the client, not the limiter's waits
        client = std::make_unique<AlmaClient>(&network, config);
        barcode = server->demoExamples().front().barcode;
        item = run(client->itemByBarcode(barcode)).second;
    }

    template <typename Reply>
    std::pair<bool, Item> run(Reply *reply)
    {
        QEventLoop loop;
        std::pair<bool, Item> result{false, {}};
        QObject::connect(reply, &AlmaReply::finished, &loop, [&] {
            result.first = reply->isOk();
            if constexpr (std::is_same_v<Reply, ItemReply>)
                result.second = reply->item();
            loop.quit();
        });
        loop.exec();
        return result;
    }

    bool rawGet(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "apikey " + kKey.toUtf8());
        request.setRawHeader("Accept", "application/json");
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const bool ok = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        benchmark::DoNotOptimize(body.size());
        return ok;
    }

    bool rawPut(const QUrl &url, const QByteArray &body)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "apikey " + kKey.toUtf8());
        request.setRawHeader("Accept", "application/json");
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.put(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const bool ok = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        reply->deleteLater();
        return ok;
    }

    QUrl itemUrl() const { return buildUrl(server->baseUrl(), item.itemPath(), {}); }

    std::unique_ptr<sandbox::SandboxServer> server;
    QNetworkAccessManager network;
    std::unique_ptr<AlmaClient> client;
    QString barcode;
    Item item;
};

Harness &harness()
{
    static Harness instance;
    return instance;
}

void BM_RawQnamGetItem(benchmark::State &state)
{
    Harness &h = harness();
    const QUrl url = h.itemUrl();
    for (auto _ : state) {
        if (!h.rawGet(url))
            state.SkipWithError("raw GET failed");
    }
}
BENCHMARK(BM_RawQnamGetItem)->UseRealTime()->MinTime(2.0);

void BM_ClientGetItem(benchmark::State &state)
{
    Harness &h = harness();
    for (auto _ : state) {
        if (!h.run(h.client->getItem(h.item)).first)
            state.SkipWithError("client GET failed");
    }
}
BENCHMARK(BM_ClientGetItem)->UseRealTime()->MinTime(2.0);

void BM_ClientItemByBarcode(benchmark::State &state) // two requests: the 302 and the item
{
    Harness &h = harness();
    for (auto _ : state) {
        if (!h.run(h.client->itemByBarcode(h.barcode)).first)
            state.SkipWithError("lookup failed");
    }
}
BENCHMARK(BM_ClientItemByBarcode)->UseRealTime()->MinTime(2.0);

void BM_RawQnamPutItem(benchmark::State &state)
{
    Harness &h = harness();
    const QUrl url = h.itemUrl();
    const QByteArray body = serializeItem(h.item);
    for (auto _ : state) {
        if (!h.rawPut(url, body))
            state.SkipWithError("raw PUT failed");
    }
}
BENCHMARK(BM_RawQnamPutItem)->UseRealTime()->MinTime(2.0);

void BM_ClientUpdateItem(benchmark::State &state)
{
    Harness &h = harness();
    for (auto _ : state) {
        if (!h.run(h.client->updateItem(h.item)).first)
            state.SkipWithError("client PUT failed");
    }
}
BENCHMARK(BM_ClientUpdateItem)->UseRealTime()->MinTime(2.0);

void BM_RedactLogLine(benchmark::State &state)
{
    const QString line =
        QStringLiteral("-> GET http://127.0.0.1:8080/almaws/v1/bibs/990006312214702204/holdings/"
                       "22163771200002204/items/23163771190002204 Authorization: apikey %1")
            .arg(kKey);
    for (auto _ : state)
        benchmark::DoNotOptimize(redactSecrets(line, kKey));
}
BENCHMARK(BM_RedactLogLine);

void BM_BuildBarcodeUrl(benchmark::State &state)
{
    const QUrl base(QStringLiteral("https://api-eu.hosted.exlibrisgroup.com"));
    const QString path = QStringLiteral("/almaws/v1/items");
    for (auto _ : state)
        benchmark::DoNotOptimize(
            buildUrl(base, path, {{QStringLiteral("item_barcode"), QStringLiteral("a+b&c d")}}));
}
BENCHMARK(BM_BuildBarcodeUrl);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return migdesk::bench::runBenchmarks(argc, argv);
}
