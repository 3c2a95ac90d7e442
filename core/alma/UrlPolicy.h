// Which URLs the Alma client may talk to, and how request URLs are built without letting
// user input add parameters or path segments.
#pragma once

#include "model/ApiError.h"

#include <QString>
#include <QUrl>

#include <utility>
#include <vector>

namespace migdesk {

// localhost, 127.0.0.0/8, ::1 (and ::ffff:127.x.y.z).
bool isLoopbackHost(const QString &host);
// None when the URL may receive the key: HTTPS anywhere, plain HTTP only to loopback.
// Validation for an unusable URL, Unsafe for a refused one.
ApiError checkBaseUrl(const QUrl &url);
// Same scheme, host and port (default ports filled in).
bool isSameOrigin(const QUrl &a, const QUrl &b);
// A non-empty string of ASCII digits only (Alma's mms_id, holding_id, pid, set and job ids).
bool isDigits(const QString &text);
// base + path + "?k=v&..." with every value encoded by QUrl::toPercentEncoding (so '+', '&',
// '=', '#', '%', '/' and '?' stay inside their value). `path` must already be safe.
QUrl buildUrl(const QUrl &base, const QString &path,
              const std::vector<std::pair<QString, QString>> &query);

} // namespace migdesk
