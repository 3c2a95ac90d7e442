// Runs migdesk-cli as a user does, asynchronously so an in-process sandbox keeps serving, with
// the API key (when given) in MIGDESK_API_KEY only.
#pragma once

#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace migdesk::test {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList &arguments, const QString &apiKey = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MIGDESK_API_KEY"));
    if (!apiKey.isEmpty())
        env.insert(QStringLiteral("MIGDESK_API_KEY"), apiKey);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(migdesk::test::cliPath(), arguments);
    if (!finished.wait(90000)) {
        process.kill();
        process.waitForFinished(5000);
        ADD_FAILURE() << "migdesk-cli did not finish";
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return file.fileName();
}

} // namespace migdesk::test
