// The one place where an ApiError becomes a sentence for staff.
#include "alma/ErrorMessages.h"

#include "alma/TlsTrust.h"

#include <QCoreApplication>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::ErrorMessages", text);
}

// Alma's own words and tracking id, for support, when Alma gave them.
QString almaDetail(const ApiError &error)
{
    QString detail;
    if (!error.message.isEmpty() && !error.code.isEmpty())
        detail = tr("Alma said: %1 (code %2).").arg(error.message, error.code);
    else if (!error.message.isEmpty())
        detail = tr("Alma said: %1").arg(error.message);
    else if (!error.code.isEmpty())
        detail = tr("Alma error code %1.").arg(error.code);
    if (!error.trackingId.isEmpty())
        detail +=
            QLatin1Char(' ') + tr("Tracking id for Ex Libris support: %1.").arg(error.trackingId);
    return detail;
}

QString joined(const QString &what, const QString &detail)
{
    return detail.isEmpty() ? what : what + QLatin1Char(' ') + detail;
}

QString almaBusinessMessage(const ApiError &error)
{
    if (error.code == QLatin1String("401689"))
        return tr("No item with this barcode exists in Alma. Check the barcode and scan again.");
    if (error.code == QLatin1String("401849"))
        return joined(tr("Alma refused to withdraw the item (it may be on loan or requested). "
                         "Return the loan or cancel the requests first."),
                      almaDetail(error));
    if (error.code == QLatin1String("40166415"))
        return tr("Scan-in needs a circulation desk or a department. Check the desk settings.");
    if (error.code == QLatin1String("40166404") || error.code == QLatin1String("401652"))
        return joined(tr("Alma refused the item update. Reload the item and try again."),
                      almaDetail(error));
    if (error.code == QLatin1String("402222") || error.code == QLatin1String("402223") ||
        error.code == QLatin1String("60347"))
        return joined(tr("Alma is running too many jobs right now. Wait a while and start "
                         "the batch again."),
                      almaDetail(error));
    return joined(tr("Alma refused the request."), almaDetail(error));
}

} // namespace

QString withoutFinalStop(const QString &text)
{
    QString out = text.trimmed();
    while (out.endsWith(QLatin1Char('.')) && !out.endsWith(QLatin1String("...")))
        out.chop(1);
    return out;
}

QString errorSummary(const ApiError &error)
{
    const QString message = withoutFinalStop(error.message);
    if (!error.code.isEmpty())
        return QStringLiteral("%1 %2: %3").arg(errorKindName(error.kind), error.code, message);
    return QStringLiteral("%1: %2").arg(errorKindName(error.kind), message);
}

QString userMessage(const ApiError &error)
{
    switch (error.kind) {
    case ErrorKind::None:
        return tr("No error.");
    case ErrorKind::Network:
        if (error.code == tlsErrorCode())
            return error.message; // names the host, the reason and the way out
        return tr("Alma cannot be reached. Check the network connection and the Alma address "
                  "in the settings, then try again.");
    case ErrorKind::Timeout:
        return tr("Alma did not answer in time. Try again in a moment.");
    case ErrorKind::Http:
        if (error.httpStatus >= 500)
            return joined(tr("Alma is having trouble (HTTP %1). Try again in a few minutes.")
                              .arg(error.httpStatus),
                          almaDetail(error));
        return joined(tr("Alma answered with an unexpected HTTP status %1.").arg(error.httpStatus),
                      almaDetail(error));
    case ErrorKind::Alma:
        return almaBusinessMessage(error);
    case ErrorKind::Parse:
        return tr("Alma sent an answer MigDesk could not read. Try again; if it keeps happening, "
                  "report it to your Alma administrator.");
    case ErrorKind::Auth:
        return tr("Alma refused the API key. Check in the settings that the key is correct, "
                  "belongs to this environment and has the permissions needed.");
    case ErrorKind::RateLimited:
        return tr("Alma is receiving too many requests per second. Wait a moment and try again.");
    case ErrorKind::DailyBudget:
        return tr("The institution's daily Alma API allowance is used up (or below the reserve "
                  "set in the settings). Continue tomorrow or raise the reserve.");
    case ErrorKind::Cancelled:
        return tr("The request was cancelled.");
    case ErrorKind::Ambiguous:
        return joined(tr("Alma's answer to the change was lost or was a server error, so Alma "
                         "may or may not have applied it. Reload the item to see its current "
                         "state before trying again."),
                      almaDetail(error));
    case ErrorKind::Stale:
        return tr("The item was changed in Alma since it was shown. Reload it and check before "
                  "saving.");
    case ErrorKind::Validation:
        return error.message.isEmpty() ? tr("The input is not valid.") : error.message;
    case ErrorKind::Unsafe:
        return tr("MigDesk refused an unsafe connection (plain HTTP to a remote host, or a "
                  "redirect to another server). Check the Alma address in the settings.");
    }
    return tr("Unknown error.");
}

} // namespace migdesk
