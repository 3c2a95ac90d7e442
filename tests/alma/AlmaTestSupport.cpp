// Log capture for the Alma client tests.
#include "AlmaTestSupport.h"

#include <QLoggingCategory>

namespace migdesk::test {

namespace {

QMutex g_mutex;
QStringList g_lines;

} // namespace

LogCapture::LogCapture()
{
    {
        QMutexLocker lock(&g_mutex);
        g_lines.clear();
    }
    QLoggingCategory::setFilterRules(QStringLiteral("migdesk.*=true\nqt.network.*=true"));
    m_previous = qInstallMessageHandler(&LogCapture::handler);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(m_previous);
    QLoggingCategory::setFilterRules(QString());
}

QStringList LogCapture::lines() const
{
    QMutexLocker lock(&g_mutex);
    return g_lines;
}

void LogCapture::handler(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_mutex);
    g_lines.append(QString::fromLatin1(context.category ? context.category : "") +
                   QStringLiteral(": ") + message);
}

} // namespace migdesk::test
