// The private state of ScanSession, shared by ScanSession.cpp (the public actions) and
// ScanSessionFlow.cpp (lookup, planning, applying, offline handling). Not for other users.
#pragma once

#include "desk/BarcodeValidator.h"
#include "desk/ScanQueue.h"
#include "desk/ScanRecord.h"
#include "desk/ScanSession.h"
#include "desk/ShelfList.h"
#include "journal/Journal.h"
#include "legacy/NoteParser.h"
#include "pipeline/Executor.h"
#include "pipeline/ItemPipeline.h"
#include "planning/Planner.h"

#include <QTimer>

#include <functional>
#include <map>
#include <set>

namespace migdesk {

struct ScanSession::Private {
    Private(ScanSession *owner, AlmaClient *almaClient, Executor *almaExecutor,
            Journal *sessionJournal, Planner notePlanner, NoteParser noteParser,
            SessionSettings sessionSettings);

    ScanSession *q;
    AlmaClient *client;
    Executor *executor;
    Journal *journal;
    Planner planner;
    NoteParser parser;
    SessionSettings settings;
    BarcodeValidator validator;
    RepeatGuard repeat;

    std::map<qint64, ScanRecord> records; // node-based: pointers stay valid
    std::vector<qint64> order;
    ScanQueue queue;
    ShelfList shelfList;
    qint64 nextId = 1;
    qint64 current = 0;

    bool offline = false;
    QTimer retryTimer;
    int initialBackoffMs = 1000;
    int maxBackoffMs = 30000;
    int backoffMs = 1000;
    int lastQueueLength = 0;

    // Finished records older than the newest `detailLimit` keep only typed fields (memory).
    int detailLimit = 200;
    size_t compactCursor = 0;
    void compactOldRecords();

    std::set<qint64> skipAfterLookup; // Esc pressed while the lookup was in flight
    // Recovered intents (ScanSessionRecovery.cpp): the writes the last session journaled; the
    // item's pipeline settles them from what Alma shows once the item is read again.
    std::map<qint64, std::vector<JournalWrite>> recoveredWrites;
    // One pipeline per scan that has started (owned here; dropped when the scan finishes).
    std::map<qint64, ItemPipeline *> pipelines;
    ItemPipeline *pipeline(qint64 id) const;
    ItemPipeline *pipelineFor(qint64 id); // the scan's pipeline, made anew when it has none
    PipelineServices services();

    ScanRecord *rec(qint64 id);
    qint64 addRecord(const QString &barcode, qint64 intentId);
    void changed(qint64 id);
    void setCurrent(qint64 id);
    void queueChanged();
    void setOffline(bool on);
    QString source() const;

    // The flow (ScanSessionFlow.cpp).
    int inFlight() const; // scans whose pipeline is calling Alma
    bool anyWaitingForStaff() const;
    // An earlier scan of this barcode that has started and not finished (or, with `queuedToo`,
    // still waits in the queue); 0: none. A second scan of an item in flight never writes twice.
    qint64 unfinishedScanOf(const QString &barcode, qint64 before, bool queuedToo) const;
    void pump();
    // A scan of a barcode whose earlier scan is still unfinished: flagged and finished (true).
    bool flagIfInFlight(qint64 id);
    void startLookup(qint64 id);
    void onLookedUp(qint64 id);
    void planAndAct(qint64 id);
    // The card: the oldest scan waiting for staff, else the newest finished one (a lone scan in
    // flight is shown while it works, so a single scan gets feedback at once).
    void updateCurrent();
    void act(qint64 id, bool staffAnswered);
    void verify(qint64 id, StepType guide);
    void onVerified(qint64 id);
    void addToShelfList(ScanRecord &record);
    std::vector<Step> effectiveSteps(const ScanRecord &record) const;
    // `justRead`: applied right after the lookup, so the executor may use that read as its
    // stale check; after staff took time to answer, the item is read again before any PUT.
    void apply(qint64 id, const std::vector<Step> &steps, bool justRead);
    void onExecuted(qint64 id, bool shelfStep);
    void waitForStaff(qint64 id, const QString &message);
    void finish(qint64 id, Outcome outcome, const QString &message);
    void backOff(qint64 id, const QString &reason);
    void dropPipeline(qint64 id);
};

} // namespace migdesk
