// Alma's hosted API regions and their base URLs (https://api-<region>.hosted.exlibrisgroup.com).
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace migdesk {

enum class Region { NA, EU, AP, APS, CA, CN };

// The HTTPS base URL of a region's API gateway, without the /almaws/v1 prefix.
QUrl regionBaseUrl(Region region);
// "na", "eu", "ap", "aps", "ca", "cn" (case-insensitive, surrounding blanks ignored).
std::optional<Region> regionFromName(const QString &name);
// The short lower-case name, the inverse of regionFromName().
QString regionName(Region region);

} // namespace migdesk
