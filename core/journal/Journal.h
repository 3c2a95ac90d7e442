// The journal: an append-only record, in SQLite (WAL, synchronous=FULL), of every scan (an
// intent, recorded before any network call), every write to Alma (recorded before it is sent,
// its outcome after) and the item's state before each write (the basis of undo and audit).
// A QLockFile keeps a second process off the same journal. The API key is never stored here.
#pragma once

#include "model/Item.h"
#include "model/Outcome.h"
#include "model/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QLockFile;

namespace migdesk {

// One write to Alma as the journal saw it.
struct JournalWrite {
    qint64 id = 0;
    qint64 intentId = 0;
    QString kind;   // "scan_in", "put", "delete", "set_member", "job_run"
    QString status; // "sent" (no outcome yet), "ok", "failed", "unknown", "verified_ok",
                    // "verified_not"
    QString requestSummary;
    QString replySummary;
    QByteArray beforeJson; // the item as it was before the write (serializeItem)
    QByteArray afterJson;  // the item Alma returned, when it returned one
    qint64 undoOf = 0;     // the write this one undid, if it is an undo
    QString operatorName;  // who was at the desk (empty in journals from before 0.2)
    QDateTime startedAt;
    QDateTime finishedAt;

    bool isOpen() const
    {
        return status == QLatin1String("sent") || status == QLatin1String("unknown");
    }
};

// One scan (desk), list row (follow-up) or batch row.
struct JournalIntent {
    qint64 id = 0;
    qint64 runId = 0; // the batch run it belongs to (0 for the desk)
    QString barcode;
    QString source;       // "desk", "batch", "followup"
    QString mode;         // "desk", "followup"
    QString operatorName; // who scanned it (empty in journals from before 0.2)
    QDateTime createdAt;
    // From the lookup (empty until recordLookup):
    QByteArray itemJson;
    QString itemPath;
    QString title;
    QString callNumber;
    QStringList statusIds;
    QString planJson;
    // The end: no outcome while unfinished; Pending keeps it in the queue.
    std::optional<Outcome> outcome;
    QString message;
    QString detailJson; // free-form result details (the batch keeps its report row here)
    QDateTime finishedAt;
    std::vector<JournalWrite> writes;

    bool isUnfinished() const { return !outcome || *outcome == Outcome::Pending; }
    bool hasOpenWrite() const;
};

// The last field change that can be undone (a successful "put" that was not itself undone).
struct FieldChange {
    qint64 writeId = 0;
    qint64 intentId = 0;
    QString barcode;
    QString requestSummary;
    QString operatorName;
    Item before; // the item before the change
    Item after;  // the item as MigDesk's newest write of it left it (the change's own reply, or
                 // a later write's, e.g. the scan-in after it): the stale check compares with it
    bool hasAfter = false;
    QDateTime at;
};

struct JournalQuery {
    std::optional<qint64> runId;
    QString source; // empty: any
    bool onlyUnfinished = false;
    int limit = -1; // -1: all
    bool newestFirst = false;
    QDateTime from; // created at or after (invalid: no bound)
    QDateTime to;   // created before (invalid: no bound)
};

class Journal {
public:
    // Opens (creating if needed) the journal at `path`. Fails with ErrorKind::Validation when
    // another process holds the journal, or when the file cannot be opened as a journal.
    static Result<std::unique_ptr<Journal>> open(const QString &path);
    // The default desk journal for a profile, in the user's data directory.
    static QString defaultPath(const QString &profile);
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    QString path() const { return m_path; }
    // The schema version this journal was at when opened (journalSchemaVersion() when it needed
    // no migration) and the copy kept before migrating it (empty when none was needed).
    int migratedFrom() const { return m_migratedFrom; }
    QString backupPath() const { return m_backupPath; }
    // Where the copy of `path` before a migration from `fromVersion` goes (a free name).
    static QString backupPath(const QString &path, int fromVersion);

    // The operator recorded with every intent and write from now on (names or initials).
    void setOperator(const QString &name) { m_operator = name.trimmed(); }
    QString operatorName() const { return m_operator; }

    qint64 recordIntent(const QString &barcode, const QString &source, const QString &mode,
                        qint64 runId = 0);
    void recordLookup(qint64 intentId, const Item &item, const QStringList &statusIds,
                      const QString &planJson);
    qint64 beginWrite(qint64 intentId, const QString &kind, const Item &before,
                      const QString &requestSummary, qint64 undoOf = 0);
    void endWrite(qint64 writeId, const QString &status, const QString &replySummary);
    void endWrite(qint64 writeId, const QString &status, const QString &replySummary,
                  const Item &after);
    void finishIntent(qint64 intentId, Outcome outcome, const QString &message);
    // Stores free-form details (JSON text) with the intent, e.g. the batch report row.
    void setIntentDetail(qint64 intentId, const QString &detailJson);

    // The bulk Missing job: a scan whose Mark Missing was collected for the job (nothing written
    // per item) is marked in its detail ({"bulk_job":"missing"}) so that it survives a restart.
    void markBulkJobWaiting(qint64 intentId);
    // Marked intents from `sources` that ended NeedsStaff and are still their barcode's newest
    // intent, oldest first. A later intent of the same barcode (any source) replaces the mark,
    // except one that ended Skipped without a lookup (a repeat scan, a skip before the lookup).
    std::vector<JournalIntent> bulkJobWaitingIntents(const QStringList &sources) const;

    // Unfinished intents (no outcome yet, or Pending), oldest first: the offline queue.
    std::vector<JournalIntent> unfinishedIntents() const;
    int pendingCount() const;
    std::vector<JournalIntent> intents(const JournalQuery &query = {}) const;
    std::optional<JournalIntent> intent(qint64 intentId) const;
    // The local days with at least one intent, newest first: the sessions staff can look back
    // at (the history browser lists them by date).
    std::vector<QDate> days() const;
    // The newest field change that can be undone (of `barcode` only, when given).
    std::optional<FieldChange> lastFieldChange(const QString &barcode = {}) const;
    // The newest field change of intent `intentId` that can still be undone.
    std::optional<FieldChange> lastFieldChangeOfIntent(qint64 intentId) const;

    // Batch runs: a run groups the intents of one `migdesk-cli batch` invocation.
    qint64 beginRun(const QString &inputDigest, const QString &mode, bool dryRun);
    void finishRun(qint64 runId);
    struct RunInfo {
        qint64 id = 0;
        QString inputDigest;
        QString mode;
        bool dryRun = false;
        bool finished = false;
    };
    std::optional<RunInfo> latestRun() const;

    // The follow-up work list (not in hand), kept across restarts: replaced by each import,
    // each barcode marked once it was taken for a scan.
    struct FollowUpList {
        QStringList remaining; // not yet taken, in list order
        QString summary;       // the import's summary ("240 barcodes, 3 duplicates")
        int total = 0;
    };
    bool saveFollowUpList(const QStringList &barcodes, const QString &summary);
    void markFollowUpTaken(const QString &barcode);
    FollowUpList followUpList() const;

    // The last SQL error, for diagnostics (empty when all went well).
    QString lastError() const { return m_lastError; }

    // Groups many records into one SQLite transaction: one commit (one fsync) instead of one
    // per record. Crash rule: a record in a batch is on disk only once the batch commits, so
    // a batch must commit before any network call that relies on its records. beginWrite()
    // enforces this for writes: inside a batch it commits everything so far, its own record
    // included, before it returns (the caller sends right after it). Records after that go
    // into a new transaction of the same batch.
    // All or nothing: when a record of the batch fails, or on rollback(), the records since
    // the batch began (or since its last beginWrite()) are dropped and commit() says false.
    // Batches nest: an inner one joins the outer one, which alone commits.
    class Batch {
    public:
        explicit Batch(Journal &journal);
        ~Batch(); // commits what is still open: records are facts, a forgotten commit keeps them
        Batch(const Batch &) = delete;
        Batch &operator=(const Batch &) = delete;
        bool commit();   // false when the batch failed and was rolled back
        void rollback(); // drops the records not yet committed; the batch ends
        bool isOpen() const { return m_open; }

    private:
        Journal &m_journal;
        bool m_open = false;
    };
    bool inBatch() const { return m_batchDepth > 0; }

private:
    Journal() = default;
    int readVersion(); // -1 when the file is no SQLite database
    Result<Empty> migrate(int fromVersion);
    std::optional<FieldChange> findFieldChange(const QString &where,
                                               const QVariantList &binds) const;
    bool beginBatch();
    bool endBatch(bool commit);
    bool flushBatch(); // commits the open transaction and starts the next one
    bool exec(const QString &sql);
    std::vector<JournalWrite> writesOf(qint64 intentId) const;
    std::vector<JournalIntent> selectIntents(const QString &where, const QVariantList &binds,
                                             const QString &tail) const;

    QString m_path;
    QString m_connectionName;
    QString m_operator;
    QString m_backupPath;
    int m_migratedFrom = 0;
    std::unique_ptr<QLockFile> m_lock;
    mutable QString m_lastError;
    mutable int m_failures = 0; // statements that failed, to tell a batch it must roll back
    int m_batchDepth = 0;
    int m_batchFailuresAtStart = 0;
    bool m_batchRolledBack = false;
};

} // namespace migdesk
