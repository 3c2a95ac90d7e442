// Alma API region presets.
#include "alma/Region.h"

namespace migdesk {

QUrl regionBaseUrl(Region region)
{
    switch (region) {
    case Region::NA:
        return QUrl(QStringLiteral("https://api-na.hosted.exlibrisgroup.com"));
    case Region::EU:
        return QUrl(QStringLiteral("https://api-eu.hosted.exlibrisgroup.com"));
    case Region::AP:
        return QUrl(QStringLiteral("https://api-ap.hosted.exlibrisgroup.com"));
    case Region::APS:
        return QUrl(QStringLiteral("https://api-aps.hosted.exlibrisgroup.com"));
    case Region::CA:
        return QUrl(QStringLiteral("https://api-ca.hosted.exlibrisgroup.com"));
    case Region::CN:
        return QUrl(QStringLiteral("https://api-cn.hosted.exlibrisgroup.com.cn"));
    }
    return {};
}

QString regionName(Region region)
{
    switch (region) {
    case Region::NA:
        return QStringLiteral("na");
    case Region::EU:
        return QStringLiteral("eu");
    case Region::AP:
        return QStringLiteral("ap");
    case Region::APS:
        return QStringLiteral("aps");
    case Region::CA:
        return QStringLiteral("ca");
    case Region::CN:
        return QStringLiteral("cn");
    }
    return {};
}

std::optional<Region> regionFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    for (Region region :
         {Region::NA, Region::EU, Region::AP, Region::APS, Region::CA, Region::CN}) {
        if (key == regionName(region))
            return region;
    }
    return std::nullopt;
}

} // namespace migdesk
