// Small helpers shared by the test suites: fixture paths and file loading.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace migdesk::test {

inline QString fixturePath(const QString &relative)
{
    return QStringLiteral(MIGDESK_FIXTURES_DIR "/") + relative;
}

inline QByteArray readFixture(const QString &relative)
{
    QFile file(fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QString cliPath()
{
    return QStringLiteral(MIGDESK_CLI_PATH);
}

inline QString sourcePath(const QString &relative)
{
    return QStringLiteral(MIGDESK_SOURCE_DIR "/") + relative;
}

} // namespace migdesk::test
