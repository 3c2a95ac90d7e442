// Journal schema versions: a journal of release 0.1.0 (its schema frozen here as text) opens,
// is copied, migrates in one transaction and keeps every record; a newer journal is refused and
// left as it was; the operator lands on every intent and write.
#include "TestSupport.h"

#include "journal/Journal.h"
#include "journal/JournalSchema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

// The journal of release 0.1.0, exactly as it created it (no user_version).
const char *const kRelease010Schema[] = {
    "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT "
    "NOT NULL, finished_at TEXT, input_digest TEXT NOT NULL, mode TEXT NOT NULL, dry_run "
    "INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS intents (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER "
    "NOT NULL DEFAULT 0, barcode TEXT NOT NULL, source TEXT NOT NULL, mode TEXT NOT NULL, "
    "created_at TEXT NOT NULL, item_json BLOB, item_path TEXT, title TEXT, call_number TEXT, "
    "status_ids TEXT, plan_json TEXT, outcome TEXT, message TEXT, detail_json TEXT, "
    "finished_at TEXT)",
    "CREATE INDEX IF NOT EXISTS intents_open ON intents(outcome)",
    "CREATE INDEX IF NOT EXISTS intents_run ON intents(run_id, barcode)",
    "CREATE INDEX IF NOT EXISTS intents_barcode ON intents(barcode, id)",
    "CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY AUTOINCREMENT, intent_id INTEGER "
    "NOT NULL REFERENCES intents(id), kind TEXT NOT NULL, status TEXT NOT NULL, request_summary "
    "TEXT, reply_summary TEXT, before_json BLOB, after_json BLOB, undo_of INTEGER NOT NULL "
    "DEFAULT 0, started_at TEXT NOT NULL, finished_at TEXT)",
    "CREATE INDEX IF NOT EXISTS writes_intent ON writes(intent_id)",
};

const int kIntents = 25;

// Runs statements on a raw SQLite connection (not through Journal).
bool rawExec(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-%1").arg(qHash(path));
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &sql : statements) {
            QSqlQuery query(db);
            if (ok && !query.exec(sql)) {
                ADD_FAILURE() << sql.toStdString();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariant rawValue(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("raw-read-%1").arg(qHash(path));
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// A 0.1.0 journal: a run, kIntents intents (finished and one open), a write per intent.
void writeRelease010Journal(const QString &path)
{
    QStringList statements;
    for (const char *sql : kRelease010Schema)
        statements << QString::fromLatin1(sql);
    statements << QStringLiteral("PRAGMA journal_mode=WAL")
               << QStringLiteral("INSERT INTO runs (started_at, input_digest, mode, dry_run) "
                                 "VALUES ('2026-11-30T09:00:00.000Z', 'abc', 'desk', 0)");
    for (int i = 1; i <= kIntents; ++i) {
        const QString outcome = i == kIntents ? QStringLiteral("NULL") : QStringLiteral("'done'");
        statements << QStringLiteral("INSERT INTO intents (run_id, barcode, source, mode, "
                                     "created_at, title, outcome, message) VALUES (1, 'B%1', "
                                     "'batch', 'desk', '2026-11-30T09:%2:00.000Z', 'Title %1', "
                                     "%3, 'returned')")
                          .arg(i)
                          .arg(i % 60, 2, 10, QLatin1Char('0'))
                          .arg(outcome);
        statements << QStringLiteral("INSERT INTO writes (intent_id, kind, status, "
                                     "request_summary, before_json, started_at) VALUES (%1, "
                                     "'scan_in', 'ok', 'scan in', X'7B7D', "
                                     "'2026-11-30T09:00:01.000Z')")
                          .arg(i);
    }
    ASSERT_TRUE(rawExec(path, statements));
}

QByteArray digestOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

class JournalSchemaTest : public ::testing::Test {
protected:
    QString path() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }
    QStringList copies() const
    {
        return QDir(m_dir.path()).entryList({QStringLiteral("*.bak*")}, QDir::Files);
    }
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(JournalSchemaTest, MigrationsAreAnOrderedListEndingAtTheCurrentVersion)
{
    const auto &list = journalMigrations();
    ASSERT_GE(list.size(), 2u);
    for (size_t i = 0; i < list.size(); ++i)
        EXPECT_EQ(list[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(journalSchemaVersion(), list.back().version);
}

TEST_F(JournalSchemaTest, ANewJournalStartsAtTheCurrentVersionWithoutACopy)
{
    {
        auto opened = Journal::open(path());
        ASSERT_TRUE(opened.isOk()) << opened.error().message.toStdString();
        EXPECT_TRUE(opened.value()->backupPath().isEmpty());
    }
    EXPECT_EQ(rawValue(path(), QStringLiteral("PRAGMA user_version")).toInt(),
              journalSchemaVersion());
    EXPECT_TRUE(copies().isEmpty());
}

TEST_F(JournalSchemaTest, ARelease010JournalMigratesKeepingEveryRecord)
{
    writeRelease010Journal(path());
    auto opened = Journal::open(path());
    ASSERT_TRUE(opened.isOk()) << opened.error().message.toStdString();
    Journal &journal = *opened.value();
    EXPECT_EQ(journal.migratedFrom(), 1);

    const auto intents = journal.intents();
    ASSERT_EQ(intents.size(), static_cast<size_t>(kIntents));
    for (int i = 0; i < kIntents; ++i) {
        EXPECT_EQ(intents[i].barcode, QStringLiteral("B%1").arg(i + 1));
        EXPECT_EQ(intents[i].title, QStringLiteral("Title %1").arg(i + 1));
        EXPECT_EQ(intents[i].runId, 1);
        EXPECT_TRUE(intents[i].operatorName.isEmpty()) << "no operator was known in 0.1.0";
        ASSERT_EQ(intents[i].writes.size(), 1u);
        EXPECT_EQ(intents[i].writes[0].kind, QStringLiteral("scan_in"));
        EXPECT_EQ(intents[i].writes[0].status, QStringLiteral("ok"));
    }
    EXPECT_EQ(journal.pendingCount(), 1) << "the unfinished intent is still queued";
    ASSERT_TRUE(journal.latestRun().has_value());
    EXPECT_EQ(journal.latestRun()->inputDigest, QStringLiteral("abc"));

    // The copy kept before the migration is the 0.1.0 journal, every record in it.
    const QString copy = journal.backupPath();
    ASSERT_FALSE(copy.isEmpty());
    EXPECT_TRUE(copy.startsWith(path()));
    EXPECT_EQ(rawValue(copy, QStringLiteral("SELECT COUNT(*) FROM intents")).toInt(), kIntents);
    EXPECT_EQ(rawValue(copy, QStringLiteral("PRAGMA user_version")).toInt(), 0);

    // New records carry the operator; the journal now says its version.
    journal.setOperator(QStringLiteral(" J. Smith "));
    const qint64 id =
        journal.recordIntent(QStringLiteral("NEW"), QStringLiteral("desk"), QStringLiteral("desk"));
    EXPECT_EQ(journal.intent(id)->operatorName, QStringLiteral("J. Smith"));
    opened.value().reset();
    EXPECT_EQ(rawValue(path(), QStringLiteral("PRAGMA user_version")).toInt(),
              journalSchemaVersion());
}

TEST_F(JournalSchemaTest, AMigratedJournalIsNotMigratedOrCopiedAgain)
{
    writeRelease010Journal(path());
    QString firstCopy;
    {
        auto opened = Journal::open(path());
        ASSERT_TRUE(opened.isOk());
        firstCopy = opened.value()->backupPath();
    }
    auto again = Journal::open(path());
    ASSERT_TRUE(again.isOk());
    EXPECT_TRUE(again.value()->backupPath().isEmpty());
    EXPECT_EQ(again.value()->migratedFrom(), 0);
    EXPECT_EQ(again.value()->intents().size(), static_cast<size_t>(kIntents));
    EXPECT_TRUE(QFile::exists(firstCopy));
}

TEST_F(JournalSchemaTest, ANewerJournalIsRefusedAndLeftUntouched)
{
    QStringList statements;
    for (const char *sql : kRelease010Schema)
        statements << QString::fromLatin1(sql);
    statements << QStringLiteral("INSERT INTO intents (barcode, source, mode, created_at) VALUES "
                                 "('B1', 'desk', 'desk', '2026-12-01T10:00:00.000Z')")
               << QStringLiteral("PRAGMA user_version = %1").arg(journalSchemaVersion() + 1);
    ASSERT_TRUE(rawExec(path(), statements));
    const QByteArray before = digestOf(path());

    auto opened = Journal::open(path());
    ASSERT_FALSE(opened.isOk());
    EXPECT_EQ(opened.error().kind, ErrorKind::Validation);
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("newer MigDesk")))
        << opened.error().message.toStdString();
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("left unchanged")));
    EXPECT_EQ(digestOf(path()), before);
    EXPECT_FALSE(QFile::exists(path() + QStringLiteral("-wal")));
    EXPECT_TRUE(copies().isEmpty());
}

TEST_F(JournalSchemaTest, TheOperatorIsOnEveryIntentAndWrite)
{
    auto opened = Journal::open(path());
    ASSERT_TRUE(opened.isOk());
    Journal &journal = *opened.value();
    journal.setOperator(QStringLiteral("AB"));
    const qint64 a =
        journal.recordIntent(QStringLiteral("A"), QStringLiteral("desk"), QStringLiteral("desk"));
    journal.beginWrite(a, QStringLiteral("put"), Item(), QStringLiteral("condition"));
    journal.setOperator(QStringLiteral("CD"));
    journal.beginWrite(a, QStringLiteral("scan_in"), Item(), QStringLiteral("scan in"));
    const qint64 b =
        journal.recordIntent(QStringLiteral("B"), QStringLiteral("desk"), QStringLiteral("desk"));
    const auto first = journal.intent(a);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->operatorName, QStringLiteral("AB"));
    ASSERT_EQ(first->writes.size(), 2u);
    EXPECT_EQ(first->writes[0].operatorName, QStringLiteral("AB"));
    EXPECT_EQ(first->writes[1].operatorName, QStringLiteral("CD"));
    EXPECT_EQ(journal.intent(b)->operatorName, QStringLiteral("CD"));
}
