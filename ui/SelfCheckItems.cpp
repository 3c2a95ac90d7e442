// SelfCheckItems: see the header. The words name the Debian package or the setting to fix.
#include "SelfCheckItems.h"

#include "OutcomeStyle.h"
#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"

#include <QAudioDevice>
#include <QCoreApplication>
#include <QImage>
#include <QMediaDevices>
#include <QPixmap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslSocket>
#include <QUuid>

namespace migdesk::selfcheck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SelfCheck", text);
}

CheckResult make(const QString &id, const QString &title, CheckStatus status, const QString &detail,
                 const QString &fix = {})
{
    return {id, title, status, detail, fix};
}

QString almaTitle()
{
    return tr("Alma");
}

QString tlsTitle()
{
    return tr("TLS trust");
}

bool rendersSomething(const QIcon &icon)
{
    const QImage image =
        icon.pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32);
    int painted = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            painted += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    }
    return painted >= 16; // a few pixels of anti-aliasing are no icon
}

bool looksLikeTls(const ApiError &error, const QStringList &tlsErrors)
{
    if (error.kind != ErrorKind::Network)
        return false;
    if (!tlsErrors.isEmpty())
        return true;
    for (const char *word : {"SSL", "TLS", "certificate"}) {
        if (error.message.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

CheckResult notAnswered(const QString &id, int timeoutMs)
{
    const QString detail = tr("no answer within %1 s.").arg(timeoutMs / 1000);
    if (id == QLatin1String("keychain"))
        return keychain(false, detail);
    const QString title = id == QLatin1String("tls") ? tlsTitle() : almaTitle();
    return make(id, title, CheckStatus::Failed, detail,
                tr("Check the network connection and the Alma address in Settings (Ctrl+,)."));
}

CheckResult icons()
{
    const QString id = QStringLiteral("icons");
    const QString title = tr("Outcome icons");
    const std::vector<Outcome> &all = countedOutcomes();
    QStringList blank;
    for (Outcome outcome : all) {
        if (!rendersSomething(outcomeIcon(outcome)))
            blank << outcomeStyle(outcome).word;
    }
    if (blank.isEmpty())
        return make(id, title, CheckStatus::Ok, tr("all %1 render.").arg(all.size()));
    return make(id, title, CheckStatus::Failed,
                tr("%1 of %2 do not render (%3): staff see colours and words only.")
                    .arg(blank.size())
                    .arg(all.size())
                    .arg(blank.join(QStringLiteral(", "))),
                tr("Install the SVG support package (sudo apt install libqt6svg6), then restart "
                   "MigDesk."));
}

CheckResult sqlite()
{
    const QString id = QStringLiteral("sqlite");
    const QString title = tr("SQLite driver");
    const QString fix = tr("Install Qt's SQLite driver (sudo apt install libqt6sql6-sqlite), then "
                           "restart MigDesk.");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return make(id, title, CheckStatus::Failed,
                    tr("missing: scans cannot be journaled, so none can be resumed after a crash."),
                    fix);
    const QString connection =
        QStringLiteral("migdesk-self-test-") + QUuid::createUuid().toString();
    bool works = false;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            works = query.exec(QStringLiteral("SELECT 1")) && query.next();
            error = query.lastError().text();
            db.close();
        } else {
            error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (works)
        return make(id, title, CheckStatus::Ok, tr("loads and opens a database."));
    return make(id, title, CheckStatus::Failed,
                tr("loads but cannot open a database: %1").arg(error), fix);
}

CheckResult audio()
{
    const QString id = QStringLiteral("audio");
    const QString title = tr("Audio output");
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (!device.isNull())
        return make(id, title, CheckStatus::Ok,
                    tr("the outcome sounds play on \"%1\".").arg(device.description()));
    return make(id, title, CheckStatus::Warning,
                tr("none found: the outcome sounds will not play (colours, icons and words still "
                   "show every outcome)."),
                tr("Connect speakers or headphones and check the computer's sound settings (the "
                   "sound service must run; MigDesk plays through libqt6multimedia6)."));
}

CheckResult keychain(bool answered, const QString &error)
{
    const QString id = QStringLiteral("keychain");
    const QString title = tr("Keychain");
    if (answered)
        return make(id, title, CheckStatus::Ok, tr("the system keychain answers."));
    return make(id, title, CheckStatus::Failed,
                tr("the system keychain did not answer (%1): the Alma API key can be neither "
                   "stored nor read.")
                    .arg(error),
                tr("Install a keychain service (sudo apt install gnome-keyring, or KWallet on "
                   "KDE), log out and in again so that it starts, then restart MigDesk."));
}

std::pair<CheckResult, CheckResult> almaWithoutCall(const SelfCheckAlma &alma)
{
    if (!alma.keyProblem.isEmpty())
        return {make(QStringLiteral("alma"), almaTitle(), CheckStatus::Failed,
                     tr("an Alma is configured but MigDesk has no API key for it: %1")
                         .arg(alma.keyProblem),
                     tr("Make the keychain work (see above if it failed), enter the API key in "
                        "Settings (Ctrl+,), then restart MigDesk.")),
                make(QStringLiteral("tls"), tlsTitle(), CheckStatus::Warning,
                     tr("not checked: no call is made without a key."))};
    return {make(QStringLiteral("alma"), almaTitle(), CheckStatus::Ok,
                 tr("none configured: the desk starts on the demo (Settings, Ctrl+, to set "
                    "yours up).")),
            QSslSocket::supportsSsl() ? make(QStringLiteral("tls"), tlsTitle(), CheckStatus::Ok,
                                             tr("not used yet: no Alma configured."))
                                      : tlsBackendMissing()};
}

CheckResult tlsBackendMissing()
{
    return make(QStringLiteral("tls"), tlsTitle(), CheckStatus::Failed,
                tr("Qt has no TLS backend here: no https Alma can be reached."),
                tr("Install OpenSSL and Qt's network module (sudo apt install libssl3 "
                   "libqt6network6), then restart MigDesk."));
}

std::pair<CheckResult, CheckResult> almaAnswer(const SelfCheckAlma &alma, bool ok,
                                               const ApiError &error, const QStringList &tlsErrors)
{
    const QUrl url = alma.client->config().baseUrl;
    const QString host = url.host();
    const bool https = url.scheme() == QLatin1String("https");
    const CheckResult trusted =
        !QSslSocket::supportsSsl() ? tlsBackendMissing()
        : https
            ? make(QStringLiteral("tls"), tlsTitle(), CheckStatus::Ok,
                   tr("the certificate of %1 is trusted.").arg(host))
            : make(
                  QStringLiteral("tls"), tlsTitle(), CheckStatus::Ok,
                  tr("not used: %1 is this computer (plain HTTP to the local sandbox).").arg(host));
    if (ok) {
        const QString detail = alma.sandbox
                                   ? tr("the demo Alma on this computer answers with its key.")
                                   : tr("%1 answers with the key (GET /bibs/test).").arg(host);
        return {make(QStringLiteral("alma"), almaTitle(), CheckStatus::Ok, detail), trusted};
    }
    if (https && looksLikeTls(error, tlsErrors)) {
        const QString reason =
            tlsErrors.isEmpty() ? error.message : tlsErrors.join(QStringLiteral("; "));
        return {make(QStringLiteral("alma"), almaTitle(), CheckStatus::Failed,
                     tr("%1 could not be reached: the TLS connection was refused.").arg(host),
                     tr("See TLS trust below.")),
                make(QStringLiteral("tls"), tlsTitle(), CheckStatus::Failed,
                     tr("the certificate of %1 is not trusted (%2); nothing was sent.")
                         .arg(host, reason),
                     tr("If your network re-signs TLS (common on campus networks), ask IT for "
                        "its CA certificate (PEM) and add it as a trusted CA in Settings; "
                        "otherwise check the computer's date and time and the Alma address."))};
    }
    QString fix;
    if (error.kind == ErrorKind::Auth)
        fix = tr("Enter a valid Alma API key with read rights for Bibs in Settings (Ctrl+,), then "
                 "restart MigDesk.");
    else if (error.kind == ErrorKind::Network || error.kind == ErrorKind::Timeout)
        fix = tr("Check the network connection, the proxy, and the Alma region or address in "
                 "Settings (Ctrl+,).");
    else
        fix = tr("Check the Alma settings (Ctrl+,); if they are right, ask your Alma "
                 "administrator.");
    const CheckResult refused =
        make(QStringLiteral("alma"), almaTitle(), CheckStatus::Failed,
             tr("%1 did not accept the check: %2").arg(host, userMessage(error)), fix);
    // An HTTP answer came back, so the TLS handshake held (or plain HTTP needs none).
    if (error.httpStatus > 0 || !https)
        return {refused, trusted};
    return {refused, make(QStringLiteral("tls"), tlsTitle(), CheckStatus::Warning,
                          tr("not checked: %1 did not answer.").arg(host))};
}

} // namespace migdesk::selfcheck
