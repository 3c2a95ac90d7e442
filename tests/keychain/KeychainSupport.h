// Helpers of the keychain suite, which runs inside tests/scripts/with-secret-service.sh (a D-Bus
// session of its own with gnome-keyring-daemon): waiting for a keychain reply, and running
// migdesk-cli or migdesk as child processes while the event loop keeps turning (so that an
// in-process sandbox can answer them).
#pragma once

#include "TestSupport.h"
#include "settings/SecretStore.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <gtest/gtest.h>

namespace migdesk::test {

struct KeychainAnswer {
    bool answered = false;
    bool ok = false;
    bool notFound = false;
    QString value;
    QString error;
};

inline KeychainAnswer await(SecretReply *reply)
{
    KeychainAnswer answer;
    QObject::connect(reply, &SecretReply::finished, reply, [&answer, reply] {
        answer = {true, reply->isOk(), reply->isNotFound(), reply->value(), reply->error()};
    });
    EXPECT_TRUE(QTest::qWaitFor([&] { return answer.answered; }, 20000))
        << "the keychain did not answer";
    return answer;
}

struct ProgramRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// The test's environment without an API key in it: the key must come from the keychain.
inline QProcessEnvironment keychainEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MIGDESK_API_KEY"));
    return env;
}

inline ProgramRun runProgram(const QString &program, const QStringList &arguments,
                             const QByteArray &input = {},
                             const QProcessEnvironment &env = keychainEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    ProgramRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    // Not waitForFinished(): the event loop must turn for an in-process sandbox.
    EXPECT_TRUE(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000));
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

inline QString guiPath()
{
    return QStringLiteral(MIGDESK_GUI_PATH);
}

} // namespace migdesk::test
