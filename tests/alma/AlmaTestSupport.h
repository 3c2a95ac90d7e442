// Helpers for the Alma client tests: wait for a reply and keep what it carried, capture every
// log line, and a loopback client configuration with short timeouts.
#pragma once

#include "alma/AlmaClient.h"

#include <QMutex>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <type_traits>

namespace migdesk::test {

struct CallOutcome {
    int finishedCount = 0;
    bool ok = false;
    ApiError error;
    int httpStatus = 0;
    Item item;
    std::vector<Loan> loans;
    nlohmann::json json;
};

template <typename Reply>
void capture(Reply *reply, CallOutcome &outcome)
{
    ++outcome.finishedCount;
    outcome.ok = reply->isOk();
    outcome.error = reply->error();
    outcome.httpStatus = reply->httpStatus();
    if constexpr (std::is_same_v<Reply, ItemReply>)
        outcome.item = reply->item();
    if constexpr (std::is_same_v<Reply, LoansReply>)
        outcome.loans = reply->loans();
    if constexpr (std::is_same_v<Reply, JsonReply>)
        outcome.json = reply->json();
}

// Waits (with a timeout) for the reply's finished() and copies the result out in the slot,
// because the client deletes the reply afterwards.
template <typename Reply>
CallOutcome waitFor(Reply *reply, int timeoutMs = 20000)
{
    CallOutcome outcome;
    QObject context;
    QObject::connect(reply, &AlmaReply::finished, &context,
                     [&outcome, reply] { capture(reply, outcome); });
    QSignalSpy spy(reply, &AlmaReply::finished);
    spy.wait(timeoutMs);
    return outcome;
}

// The same for calls in flight together: every reply is connected before any can finish.
template <typename Reply>
std::vector<CallOutcome> waitForAll(const std::vector<Reply *> &replies, int timeoutMs = 30000)
{
    std::vector<CallOutcome> outcomes(replies.size());
    QObject context;
    size_t done = 0;
    for (size_t i = 0; i < replies.size(); ++i) {
        Reply *reply = replies[i];
        QObject::connect(reply, &AlmaReply::finished, &context, [&outcomes, &done, reply, i] {
            capture(reply, outcomes[i]);
            ++done;
        });
    }
    // Callers see unfinished calls as finishedCount == 0.
    const bool allDone =
        QTest::qWaitFor([&done, &replies] { return done == replies.size(); }, timeoutMs);
    Q_UNUSED(allDone)
    return outcomes;
}

inline AlmaConfig loopbackConfig(const QUrl &baseUrl, const QString &key)
{
    AlmaConfig config;
    config.baseUrl = baseUrl;
    config.apiKey = key;
    config.rateLimitPerSecond = 1000;
    config.transferTimeoutMs = 3000;
    config.deadlineMs = 8000;
    config.maxRetries = 3;
    return config;
}

// Installs a message handler that records every formatted log line (all categories, debug
// included) for the lifetime of the object.
class LogCapture {
public:
    LogCapture();
    ~LogCapture();
    QStringList lines() const;

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message);
    QtMessageHandler m_previous;
};

} // namespace migdesk::test
