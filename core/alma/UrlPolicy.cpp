// URL safety rules of the Alma client.
#include "alma/UrlPolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace migdesk {

bool isLoopbackHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name == QLatin1String("localhost"))
        return true;
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    QHostAddress address;
    if (!address.setAddress(name))
        return false;
    if (address.isLoopback())
        return true;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // ::ffff:127.0.0.1
    return isV4 && (v4 >> 24) == 127;
}

ApiError checkBaseUrl(const QUrl &url)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("migdesk::UrlPolicy", text);
    };
    if (!url.isValid() || url.host().isEmpty())
        return ApiError::make(ErrorKind::Validation,
                              tr("The Alma address is not a valid URL. Choose a region or enter "
                                 "an address like https://api-eu.hosted.exlibrisgroup.com."));
    if (!url.userInfo().isEmpty())
        return ApiError::make(ErrorKind::Unsafe,
                              tr("The Alma address must not contain a user name or password."));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return ApiError::make(ErrorKind::Unsafe,
                          tr("MigDesk only talks to Alma over HTTPS (plain HTTP is allowed only "
                             "for the local sandbox)."));
}

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    const QString scheme = a.scheme().toLower();
    if (scheme != b.scheme().toLower())
        return false;
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    return a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(defaultPort) == b.port(defaultPort);
}

bool isDigits(const QString &text)
{
    if (text.isEmpty() || text.size() > 40)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QUrl buildUrl(const QUrl &base, const QString &path,
              const std::vector<std::pair<QString, QString>> &query)
{
    QByteArray encoded =
        base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
            .toEncoded();
    while (encoded.endsWith('/')) // StripTrailingSlash keeps a root "/"
        encoded.chop(1);
    encoded += path.toUtf8();
    char separator = '?';
    for (const auto &[key, value] : query) {
        encoded += separator;
        encoded += QUrl::toPercentEncoding(key);
        encoded += '=';
        encoded += QUrl::toPercentEncoding(value);
        separator = '&';
    }
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

} // namespace migdesk
