// The journal's schema versions. `PRAGMA user_version` holds the version a journal was last
// migrated to; each migration brings a journal from one version to the next. A journal of
// release 0.1.0 has version 0 in the pragma but the tables of version 1 (it predates the pragma).
// To grow the journal, append one entry to `journalMigrations()`.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk {

struct JournalMigration {
    int version = 0;        // the version a journal has after this migration
    const char *what = "";  // one line for the log and the tests
    QStringList statements; // run in order, inside the one migration transaction
};

// The migrations, oldest first; the last one's version is the schema this build writes.
const std::vector<JournalMigration> &journalMigrations();
int journalSchemaVersion();

} // namespace migdesk
