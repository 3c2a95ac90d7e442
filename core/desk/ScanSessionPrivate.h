// The private state of ScanSession, shared by ScanSession.cpp (the public actions) and
// ScanSessionFlow.cpp (lookup, planning, applying, offline handling). Not for other users.
#pragma once

#include "desk/BarcodeValidator.h"
#include "desk/Executor.h"
#include "desk/ScanQueue.h"
#include "desk/ScanRecord.h"
#include "desk/ScanSession.h"
#include "desk/ShelfList.h"
#include "journal/Journal.h"
#include "legacy/NoteParser.h"
#include "planning/Planner.h"

#include <QTimer>

#include <functional>
#include <map>
#include <set>

namespace migdesk {

class AlmaReply;
class ItemReply;
class LoansReply;

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
    // Recovered intents (ScanSessionRecovery.cpp): the writes the last session journaled, settled
    // from what Alma shows once the item is read again.
    std::map<qint64, std::vector<JournalWrite>> recoveredWrites;
    // After the re-read of a recovered intent: settles its open writes and finishes it when Alma
    // already shows the effect (or staff must look); false when it goes on as a normal scan.
    bool settleRecovered(qint64 id);
    // The re-read found no item: finishes it (true) when a delete was sent before the restart.
    bool settleRecoveredGone(qint64 id);

    ScanRecord *rec(qint64 id);
    qint64 addRecord(const QString &barcode, qint64 intentId);
    void changed(qint64 id);
    void setCurrent(qint64 id);
    void queueChanged();
    void setOffline(bool on);
    QString source() const;

    // The pipeline (ScanSessionFlow.cpp).
    bool pipelineBusy() const;
    void pump();
    void startLookup(qint64 id);
    void onItem(qint64 id, const ItemReply *reply);
    void onLoans(qint64 id, const LoansReply *reply);
    void planAndAct(qint64 id);
    void act(qint64 id, bool staffAnswered);
    void verify(qint64 id, StepType guide);
    void onVerified(qint64 id, const ExecutionResult &result);
    void addToShelfList(ScanRecord &record);
    std::vector<Step> effectiveSteps(const ScanRecord &record) const;
    // `justRead`: applied right after the lookup, so the executor may use that read as its
    // stale check; after staff took time to answer, the item is read again before any PUT.
    void apply(qint64 id, const std::vector<Step> &steps, bool justRead);
    void onExecuted(qint64 id, const ExecutionResult &result, bool shelfStep);
    // Calls `done` with the job's result once, whether it already finished or finishes later.
    void whenReplyFinished(AlmaReply *reply, const std::function<void()> &done);
    void whenFinished(ExecutionJob *job, std::function<void(const ExecutionResult &)> done);
    void waitForStaff(qint64 id, const QString &message);
    void finish(qint64 id, Outcome outcome, const QString &message);
    void backOff(qint64 id, const QString &reason);
    static bool isOfflineError(const ApiError &error);
};

} // namespace migdesk
