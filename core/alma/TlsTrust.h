// TlsTrust: whom MigDesk trusts over TLS and what staff read when a server is refused. The
// system's CA store always applies; an institution whose network re-signs TLS adds its own CA
// (a PEM file: Settings > Network, or --ca-file). There is no way to ignore a TLS error.
#pragma once

#include "model/ApiError.h"
#include "model/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslError>
#endif

namespace migdesk {

// The code of an ApiError raised because a server's certificate was refused.
inline QString tlsErrorCode()
{
    return QStringLiteral("TLS");
}

#if QT_CONFIG(ssl)
// The certificates of a PEM CA file. A Validation error, naming the file, when it cannot be
// read, holds no PEM certificate, or holds only expired ones.
Result<QList<QSslCertificate>> loadCaFile(const QString &path);

// One reason, in words ("its certificate expired on 2021-01-01", "its certificate is for
// alma.example.org, not alma.test", ...); `host` is the name MigDesk asked for.
QString tlsReason(const QSslError &error, const QString &host);

// The refusal staff read: "MigDesk did not connect to HOST: REASONS. Nothing was sent, the API
// key included. ..." with the way out (an extra trusted CA for networks that re-sign TLS).
ApiError tlsRefusal(const QString &host, const QList<QSslError> &errors);
#endif

} // namespace migdesk
