// Reading and applying the proxy choice (see ProxyChoice.h).
#include "alma/ProxyChoice.h"

#include "alma/UrlPolicy.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QRegularExpression>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProxyChoice", text);
}

// Asks the system for every request (so a changed https_proxy or PAC applies at once); the
// factory Qt offers for this is process-wide, this one belongs to one network manager. This
// machine itself (the sandbox) is always reached directly, as a no_proxy of localhost would.
class SystemProxyFactory : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return QNetworkProxyFactory::systemProxyForQuery(query);
    }
};

} // namespace

std::optional<ProxyChoice> ProxyChoice::fromText(const QString &text, QString *problem)
{
    const QString value = text.trimmed();
    ProxyChoice choice;
    if (value.isEmpty() || value.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        return choice;
    if (value.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        choice.mode = Mode::None;
        return choice;
    }
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):([0-9]{1,5})$)"));
    const auto match = pattern.match(value);
    const int port = match.hasMatch() ? match.captured(3).toInt() : 0;
    if (!match.hasMatch() || port < 1 || port > 65535) {
        if (problem)
            *problem = tr("\"%1\" is not a proxy: write system, none, or HOST:PORT (for example "
                          "proxy.example.edu:3128)")
                           .arg(value);
        return std::nullopt;
    }
    choice.mode = Mode::Manual;
    choice.host = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    choice.port = static_cast<quint16>(port);
    return choice;
}

QString ProxyChoice::toText() const
{
    switch (mode) {
    case Mode::System:
        return QStringLiteral("system");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Manual:
        break;
    }
    const QString shown = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(shown).arg(port);
}

void ProxyChoice::applyTo(QNetworkAccessManager *network) const
{
    switch (mode) {
    // Each call replaces what an earlier one set (setProxy drops the factory and back).
    case Mode::System:
        network->setProxyFactory(new SystemProxyFactory); // the manager owns it
        return;
    case Mode::None:
        network->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        return;
    case Mode::Manual:
        network->setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, host, port));
        return;
    }
}

} // namespace migdesk
