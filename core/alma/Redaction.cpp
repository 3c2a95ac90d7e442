// Secret stripping for log lines.
#include "alma/Redaction.h"

#include <QRegularExpression>
#include <QUrl>

namespace migdesk {

namespace {

const QString kMask = QStringLiteral("***");

} // namespace

QString redactSecrets(const QString &text, const QString &apiKey)
{
    QString result = text;
    // The literal key first, raw and percent-encoded, wherever it appears.
    const QString key = apiKey.trimmed();
    if (!key.isEmpty()) {
        result.replace(key, kMask);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(key));
        if (encoded != key)
            result.replace(encoded, kMask, Qt::CaseInsensitive);
    }
    // apikey=VALUE in a query string or form (value ends at &, #, blank or quote).
    static const QRegularExpression queryKey(QStringLiteral(R"((api_?key\s*[=:]\s*)[^&#\s"',;]+)"),
                                             QRegularExpression::CaseInsensitiveOption);
    result.replace(queryKey, QStringLiteral("\\1") + kMask);
    // Authorization header values, whatever the scheme, to the end of the line.
    static const QRegularExpression authHeader(
        QStringLiteral(R"((authorization\s*[:=]\s*)[^\r\n"]*)"),
        QRegularExpression::CaseInsensitiveOption);
    result.replace(authHeader, QStringLiteral("\\1") + kMask);
    // "apikey <KEY>" credentials outside a header line (e.g. a dumped header list).
    static const QRegularExpression credential(QStringLiteral(R"((\bapikey\s+)(?!\*\*\*)\S+)"),
                                               QRegularExpression::CaseInsensitiveOption);
    result.replace(credential, QStringLiteral("\\1") + kMask);
    return result;
}

} // namespace migdesk
