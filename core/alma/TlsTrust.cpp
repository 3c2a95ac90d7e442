// Loading an extra trusted CA and wording TLS refusals (see TlsTrust.h).
#include "alma/TlsTrust.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSet>

namespace migdesk {

#if QT_CONFIG(ssl)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TlsTrust", text);
}

QString names(const QSslCertificate &certificate)
{
    QStringList out = certificate.subjectDisplayName().isEmpty()
                          ? QStringList()
                          : QStringList{certificate.subjectDisplayName()};
    const auto alternates = certificate.subjectAlternativeNames();
    for (auto it = alternates.cbegin(); it != alternates.cend(); ++it) {
        if (!out.contains(it.value()))
            out << it.value();
    }
    return out.join(QStringLiteral(", "));
}

} // namespace

Result<QList<QSslCertificate>> loadCaFile(const QString &path)
{
    auto fail = [&path](const QString &why) {
        return Result<QList<QSslCertificate>>::fail(
            ApiError::make(ErrorKind::Validation,
                           tr("The trusted CA file %1 cannot be used: %2.").arg(path, why)));
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    if (file.size() > 4 * 1024 * 1024)
        return fail(tr("it is larger than 4 MB, which no CA certificate is"));
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return fail(tr("it holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));
    QList<QSslCertificate> current;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate &certificate : certificates) {
        if (certificate.expiryDate() > now)
            current << certificate;
    }
    if (current.isEmpty())
        return fail(
            tr("its certificate expired on %1")
                .arg(certificates.first().expiryDate().toUTC().date().toString(Qt::ISODate)));
    return Result<QList<QSslCertificate>>::ok(current);
}

QString tlsReason(const QSslError &error, const QString &host)
{
    const QSslCertificate certificate = error.certificate();
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return tr("its certificate is self-signed and no trusted authority vouches for it");
    case QSslError::CertificateExpired:
        return tr("its certificate expired on %1")
            .arg(certificate.expiryDate().toUTC().date().toString(Qt::ISODate));
    case QSslError::CertificateNotYetValid:
        return tr("its certificate is valid only from %1 (check this computer's clock)")
            .arg(certificate.effectiveDate().toUTC().date().toString(Qt::ISODate));
    case QSslError::HostNameMismatch:
        return tr("its certificate is for %1, not %2")
            .arg(certificate.isNull() ? tr("another server") : names(certificate), host);
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return tr("its certificate was issued by \"%1\", an authority this computer does not "
                  "trust")
            .arg(certificate.isNull() ? tr("unknown") : certificate.issuerDisplayName());
    case QSslError::CertificateRevoked:
        return tr("its certificate was revoked");
    default:
        return error.errorString();
    }
}

ApiError tlsRefusal(const QString &host, const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const QSslError &error : errors) {
        const QString reason = tlsReason(error, host);
        if (!reasons.contains(reason))
            reasons << reason;
    }
    if (reasons.isEmpty())
        reasons << tr("the secure connection (TLS) could not be set up");
    ApiError error = ApiError::make(
        ErrorKind::Network,
        tr("MigDesk did not connect to %1: %2. Nothing was sent, the API key included. Check "
           "the Alma address; if your network re-signs secure connections, add its CA "
           "certificate under Settings > Network (or --ca-file).")
            .arg(host, reasons.join(QStringLiteral("; "))));
    error.code = tlsErrorCode();
    return error;
}

#endif

} // namespace migdesk
