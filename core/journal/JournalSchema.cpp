// The journal's migrations (see JournalSchema.h).
#include "journal/JournalSchema.h"

namespace migdesk {

namespace {

std::vector<JournalMigration> makeMigrations()
{
    std::vector<JournalMigration> list;
    // Version 1: the journal of release 0.1.0. IF NOT EXISTS: a 0.1.0 journal already has these.
    list.push_back(
        {1,
         "the tables of release 0.1.0",
         {QStringLiteral(
              "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at "
              "TEXT NOT NULL, finished_at TEXT, input_digest TEXT NOT NULL, mode TEXT NOT NULL, "
              "dry_run INTEGER NOT NULL DEFAULT 0)"),
          QStringLiteral(
              "CREATE TABLE IF NOT EXISTS intents (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id "
              "INTEGER NOT NULL DEFAULT 0, barcode TEXT NOT NULL, source TEXT NOT NULL, mode TEXT "
              "NOT NULL, created_at TEXT NOT NULL, item_json BLOB, item_path TEXT, title TEXT, "
              "call_number TEXT, status_ids TEXT, plan_json TEXT, outcome TEXT, message TEXT, "
              "detail_json TEXT, finished_at TEXT)"),
          QStringLiteral("CREATE INDEX IF NOT EXISTS intents_open ON intents(outcome)"),
          QStringLiteral("CREATE INDEX IF NOT EXISTS intents_run ON intents(run_id, barcode)"),
          QStringLiteral("CREATE INDEX IF NOT EXISTS intents_barcode ON intents(barcode, id)"),
          QStringLiteral(
              "CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY AUTOINCREMENT, "
              "intent_id INTEGER NOT NULL REFERENCES intents(id), kind TEXT NOT NULL, status TEXT "
              "NOT NULL, request_summary TEXT, reply_summary TEXT, before_json BLOB, after_json "
              "BLOB, undo_of INTEGER NOT NULL DEFAULT 0, started_at TEXT NOT NULL, finished_at "
              "TEXT)"),
          QStringLiteral("CREATE INDEX IF NOT EXISTS writes_intent ON writes(intent_id)")}});
    // Version 2: who did it. Records from before the operator existed keep an empty name.
    list.push_back(
        {2,
         "the operator of each intent and write",
         {QStringLiteral("ALTER TABLE intents ADD COLUMN operator_name TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE writes ADD COLUMN operator_name TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("CREATE INDEX IF NOT EXISTS intents_operator ON intents(operator_name, "
                         "created_at)")}});
    // Version 3: the follow-up list staff imported, kept across restarts.
    list.push_back(
        {3,
         "the follow-up list",
         {QStringLiteral(
             "CREATE TABLE IF NOT EXISTS follow_up_list (position INTEGER PRIMARY KEY, barcode "
             "TEXT "
             "NOT NULL, taken INTEGER NOT NULL DEFAULT 0, summary TEXT NOT NULL DEFAULT '', "
             "imported_at TEXT NOT NULL)")}});
    return list;
}

} // namespace

const std::vector<JournalMigration> &journalMigrations()
{
    static const std::vector<JournalMigration> list = makeMigrations();
    return list;
}

int journalSchemaVersion()
{
    return journalMigrations().back().version;
}

} // namespace migdesk
