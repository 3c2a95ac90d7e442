// ProxyChoice: how MigDesk reaches Alma through a proxy. "system" (the default) follows the
// system's configuration (on Linux https_proxy, http_proxy and no_proxy), "none" connects
// directly, "HOST:PORT" uses that HTTP proxy. Alma is HTTPS, so a proxy only relays an
// encrypted tunnel (CONNECT): it never sees the API key.
#pragma once

#include <QString>

#include <optional>

class QNetworkAccessManager;

namespace migdesk {

struct ProxyChoice {
    enum class Mode { System, None, Manual };
    Mode mode = Mode::System;
    QString host;     // Manual only
    quint16 port = 0; // Manual only

    // "system", "none" or "HOST:PORT" ("[v6]:PORT" for an IPv6 address); nothing, with the
    // reason in `problem`, for anything else.
    static std::optional<ProxyChoice> fromText(const QString &text, QString *problem = nullptr);
    QString toText() const;

    // Makes `network` use this choice for every request it sends.
    void applyTo(QNetworkAccessManager *network) const;
};

} // namespace migdesk
