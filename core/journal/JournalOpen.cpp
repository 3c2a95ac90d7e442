// Opening a journal: the single-instance lock, the SQLite settings and the schema migrations
// (see JournalSchema.h). A journal newer than this build is refused and left as it was; an
// older one is copied next to itself, then migrated in one transaction.
#include "journal/Journal.h"
#include "journal/JournalSchema.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::Journal", text);
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("migdesk-journal-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

QString Journal::defaultPath(const QString &profile)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.migdesk");
    QString safe = profile;
    for (QChar &c : safe) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    if (safe.isEmpty())
        safe = QStringLiteral("default");
    return dir + QStringLiteral("/journal-") + safe + QStringLiteral(".sqlite");
}

QString Journal::backupPath(const QString &path, int fromVersion)
{
    const QString base = path + QStringLiteral(".v%1.bak").arg(fromVersion);
    QString candidate = base;
    for (int n = 2; QFile::exists(candidate); ++n)
        candidate = base + QStringLiteral(".%1").arg(n);
    return candidate;
}

Result<std::unique_ptr<Journal>> Journal::open(const QString &path)
{
    using R = Result<std::unique_ptr<Journal>>;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return R::fail(ApiError::make(
            ErrorKind::Validation,
            tr("The journal folder %1 cannot be created.").arg(info.absolutePath())));

    std::unique_ptr<Journal> journal(new Journal());
    journal->m_path = info.absoluteFilePath();
    journal->m_lock = std::make_unique<QLockFile>(journal->m_path + QStringLiteral(".lock"));
    journal->m_lock->setStaleLockTime(0); // stale only when its process is gone
    if (!journal->m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        journal->m_lock->getLockInfo(&pid, &host, &app);
        return R::fail(ApiError::make(
            ErrorKind::Validation,
            tr("The journal %1 is in use by another MigDesk process (pid %2). Close it first, or "
               "use another journal.")
                .arg(journal->m_path)
                .arg(pid)));
    }

    journal->m_connectionName = nextConnectionName();
    QSqlDatabase db =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), journal->m_connectionName);
    db.setDatabaseName(journal->m_path);
    if (!db.open())
        return R::fail(ApiError::make(
            ErrorKind::Validation,
            tr("The journal %1 cannot be opened: %2").arg(journal->m_path, db.lastError().text())));
    auto unusable = [&journal] {
        return R::fail(
            ApiError::make(ErrorKind::Validation, tr("The file %1 is not a usable journal: %2")
                                                      .arg(journal->m_path, journal->m_lastError)));
    };
    // The version is read before anything is written: a newer journal stays untouched.
    const int version = journal->readVersion();
    if (version < 0)
        return unusable();
    if (version > journalSchemaVersion())
        return R::fail(ApiError::make(
            ErrorKind::Validation,
            tr("The journal %1 was written by a newer MigDesk (journal version %2; this MigDesk "
               "reads up to version %3). It was left unchanged: open it with that newer release, "
               "or use another journal.")
                .arg(journal->m_path)
                .arg(version)
                .arg(journalSchemaVersion())));
    // WAL + FULL: a committed record survives a crash or power loss.
    if (!journal->exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !journal->exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
        !journal->exec(QStringLiteral("PRAGMA foreign_keys=ON")))
        return unusable();
    if (version < journalSchemaVersion()) {
        if (auto migrated = journal->migrate(version); !migrated.isOk())
            return R::fail(migrated.error());
    }
    return R::ok(std::move(journal));
}

int Journal::readVersion()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        m_lastError = query.lastError().text();
        return -1;
    }
    const int version = query.value(0).toInt();
    if (version > 0)
        return version;
    // Release 0.1.0 wrote no version: its journal has the tables of version 1.
    QSqlQuery tables(QSqlDatabase::database(m_connectionName, false));
    if (!tables.exec(QStringLiteral(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'intents'")) ||
        !tables.next()) {
        m_lastError = tables.lastError().text();
        return -1;
    }
    return tables.value(0).toInt() > 0 ? 1 : 0;
}

Result<Empty> Journal::migrate(int fromVersion)
{
    using R = Result<Empty>;
    if (fromVersion > 0) {
        // A copy of the journal as it was, in one consistent file (the WAL included).
        const QString copy = backupPath(m_path, fromVersion);
        QSqlQuery vacuum(QSqlDatabase::database(m_connectionName, false));
        vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
        vacuum.addBindValue(copy);
        if (!vacuum.exec())
            return R::fail(ApiError::make(
                ErrorKind::Validation,
                tr("The journal %1 needs an update, but the copy kept before it (%2) cannot be "
                   "written: %3. Nothing was changed.")
                    .arg(m_path, copy, vacuum.lastError().text())));
        m_backupPath = copy;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return R::fail(ApiError::make(
            ErrorKind::Validation,
            tr("The journal %1 cannot be updated: %2").arg(m_path, db.lastError().text())));
    bool ok = true;
    for (const JournalMigration &migration : journalMigrations()) {
        if (migration.version <= fromVersion)
            continue;
        for (const QString &statement : migration.statements)
            ok = ok && exec(statement);
    }
    ok = ok && exec(QStringLiteral("PRAGMA user_version = %1").arg(journalSchemaVersion()));
    if (!ok || !db.commit()) {
        const QString reason = ok ? db.lastError().text() : m_lastError;
        db.rollback();
        return R::fail(ApiError::make(
            ErrorKind::Validation,
            tr("The journal %1 could not be updated to version %2 (%3); it was left as it was.")
                .arg(m_path)
                .arg(journalSchemaVersion())
                .arg(reason)));
    }
    m_migratedFrom = fromVersion;
    return R::ok({});
}

Journal::~Journal()
{
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    if (m_lock)
        m_lock->unlock();
}

} // namespace migdesk
