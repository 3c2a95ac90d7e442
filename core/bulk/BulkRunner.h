// BulkRunner: hands a large group of items to Alma's own job engine, the way the migration
// guide does by hand. It creates an itemized set named after the session, adds the items by
// barcode in chunks of at most 1,000 (already a member, 60115, is fine; an invalid barcode,
// 60116, is reported for that barcode), runs the library's Change Physical Items job on the set
// (JobTemplate), polls the job instance, then re-reads all or a sample of the items and records
// each item's outcome in the journal. Once the items are verified it deletes the set it created,
// unless the request keeps it (BulkRequest::keepSet).
//
// Every step is journaled before it is sent, under one "bulk_job" intent (BulkState), so a run
// interrupted at any point resumes from the journal: a job already started is polled again and
// never started twice; a run request whose answer was lost is not resent (staff check Alma).
//
// With a resolution stamp (BulkRequest::stamp) the run first reads every item: Alma's job sets a
// note field to one value for the whole set, so only the items whose field is empty go into the
// set, and the job stamps them (the stamp's <FIELD> triple in the same job). The items whose
// field holds text stay out of the set and are done one by one after the job through the
// Executor (the change and the stamp appended, never replacing the note).
//
// For the GUI: confirmation() gives the text of the "Run the Missing job for this session's N
// items" dialog; progress() drives a progress bar; finished() comes exactly once per
// start()/resume() (not after cancel() or destruction, which leave the run resumable).
#pragma once

#include "bulk/BulkState.h"
#include "bulk/BulkTypes.h"
#include "bulk/BulkVerifier.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace migdesk {

class AlmaClient;
class Executor;
class Journal;

class BulkRunner : public QObject {
    Q_OBJECT
public:
    // `journal` may be null (nothing recorded, nothing resumable).
    BulkRunner(AlmaClient *client, Journal *journal, QObject *parent = nullptr);
    ~BulkRunner() override;

    // What the run would do; `problems` non-empty when it cannot start.
    static BulkConfirmation confirmation(const BulkRequest &request);

    bool isRunning() const { return m_running; }
    BulkPhase phase() const { return m_phase; }

    // Starts a run (ignored while one is running). Duplicate barcodes are handed once.
    void start(const BulkRequest &request);
    // Continues an unfinished run found by findUnfinishedBulkRuns(). `settings` supplies the
    // polling and verification choices (items, action and template come from the journal).
    void resume(const BulkResumable &run, const BulkRequest &settings);
    // Stops waiting; Alma's job keeps running and the run stays resumable. No finished().
    void cancel();

Q_SIGNALS:
    void progress(const migdesk::BulkProgress &progress);
    void finished(const migdesk::BulkSummary &summary);

private:
    void setPhase(BulkPhase phase, int done, int total, const QString &message = {});
    void saveState();
    // Stamped runs (BulkRunnerStamp.cpp): read every item before the set is made, then split.
    void readItems();
    void itemsRead();
    // After the job (or instead of it when no item's field was empty): the items whose field
    // held text, one by one. Then `next` with a sentence on them (empty: there were none).
    void updateByItem(std::function<void(const QString &)> next);
    void updateNextByItem();
    void itemUpdated();
    BulkVerifier::Target verifyTarget() const;
    void beginSet();
    // True when some item is left for the set (not done one by one, refused or not found).
    bool hasJobMembers() const;
    // A resumed stamped run reads the set's items again before the job: text typed into one of
    // their fields since the first read turns the job's stamp off (BulkState::jobStamp).
    void recheckMembers();
    // Reads every item not decided and not done one by one; `message` shows as the phase.
    void readUndecided(const QString &message, void (BulkRunner::*then)());
    void membersRechecked();
    // Ends the run because of the job (failed, refused, unknown): the items done one by one do
    // not depend on it, so they are done first.
    void finishWithByItem(Outcome undecided, const QString &message, const ApiError &error,
                          bool jobIntentDone);
    // Forgets a run's one-by-one work (start, resume, cancel): late replies are ignored.
    void resetByItem();
    // `attempt` > 1: the set name was taken (402263), so the name carries " (attempt)".
    void createSet(int attempt = 1);
    void addNextChunk();
    void addChunk(const QStringList &barcodes, int attempt);
    // Handles 60115/60116 answers to an add: refused barcodes are decided, the rest re-added.
    void memberErrors(const QStringList &barcodes, const ApiError &error,
                      const std::function<void(QString, QString)> &endWrite);
    void runJob();
    void poll();
    void pollAnswered(const nlohmann::json &instance);
    void verify();
    // A verifier (the old one let go) whose progress shows as `phase` and whose end calls `then`.
    void newVerifier(BulkPhase phase, void (BulkRunner::*then)());
    void verified();
    // Deletes the run's set (unless the request keeps it), then finishes with `message`.
    void deleteSet(const QString &message);
    // Ends the run: every item not yet decided gets `outcome` and `message`.
    void finish(Outcome undecided, const QString &message, const ApiError &error = {},
                bool jobIntentDone = true);
    void decide(const QString &barcode, Outcome outcome, const QString &message,
                const QString &errorCode = {});

    AlmaClient *m_client;
    Journal *m_journal;
    BulkRequest m_request;
    BulkState m_state;
    QString m_baseSetName; // the set name before any " (n)" for a name already taken
    JobTemplate m_template;
    BulkSummary m_summary;
    QHash<QString, int> m_index; // barcode -> m_summary.items index
    QSet<QString> m_decided;     // barcodes with a final outcome already
    std::vector<QStringList> m_splitQueue;
    int m_chunkCursor = 0;
    int m_pollFailures = 0;
    bool m_running = false;
    BulkPhase m_phase = BulkPhase::Idle;
    QTimer m_pollTimer;
    QPointer<BulkVerifier> m_verifier;
    // Stamped runs: the barcodes done one by one, and their progress.
    QSet<QString> m_byItem;
    QSet<QString> m_byItemStamped; // of those, the ones this run changed and stamped
    QStringList m_byItemQueue;
    int m_byItemInFlight = 0;
    int m_byItemDone = 0;
    int m_byItemTotal = 0;
    std::function<void(const QString &)> m_afterByItem;
    Executor *m_executor = nullptr;
    quint64 m_generation = 0; // a run's replies carry it; another run's are ignored
    bool m_recheck = false;   // see recheckMembers()
    QString m_runNote;        // a sentence for the run's message (the job's stamp turned off)
};

} // namespace migdesk

Q_DECLARE_METATYPE(migdesk::BulkProgress)
Q_DECLARE_METATYPE(migdesk::BulkSummary)
