// ScanSession: the desk workflow state machine. Barcodes arrive at scanner speed into a
// type-ahead queue; each is validated, journaled before any call, looked up, parsed, planned,
// then applied automatically (safe plans with auto-apply on) or when staff answer. Emits plain
// signals the UI renders. No nested event loops; all network work is asynchronous.
#pragma once

#include "desk/ScanRecord.h"
#include "desk/ShelfList.h"
#include "model/Outcome.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace migdesk {

class AlmaClient;
class Executor;
class Journal;
class Planner;
class NoteParser;

class ScanSession : public QObject {
    Q_OBJECT
public:
    ScanSession(AlmaClient *client, Executor *executor, Journal *journal /* may be null */,
                Planner planner, NoteParser parser, SessionSettings settings,
                QObject *parent = nullptr);
    ~ScanSession() override;

    // Validates; accepted -> queued (journaled before any call); rejected -> scanRejected.
    bool submit(const QString &rawInput);
    // Runs the plan's auto-safe steps (auto-apply off): Enter/Space.
    void confirm(qint64 id);
    // Answers a DECIDE; a Withdraw choice still needs confirmWithdraw().
    void choose(qint64 id, int choiceIndex);
    // Staff pick one action for an item MigDesk cannot plan: a NEEDS_REVIEW plan waiting for
    // staff, or the current item when it is not a migration item and nothing was written. RETURN,
    // MARK_MISSING and SET_CONDITION are applied at once (re-read first, journaled); WITHDRAW
    // becomes the plan and still needs confirmWithdraw(). Other types are ignored.
    void chooseAction(qint64 id, StepType type);
    // True when chooseAction() would act on this record now (the UI shows its buttons then).
    bool canChooseAction(qint64 id) const;
    // The explicit confirmation naming the item.
    void confirmWithdraw(qint64 id);
    // "Done in Alma - check now": re-reads the item and records success only when Alma shows it.
    void verifyLoanAction(qint64 id);
    // Esc.
    void skip(qint64 id);
    // One action retries a failed or pending item.
    void retry(qint64 id);

    void setSettings(const SessionSettings &settings);
    // Plans later lookups with these rules (e.g. after the work orders were changed in settings);
    // a plan already shown stays as it is.
    void setPlanner(const Planner &planner);
    // Reads the notes of later lookups with this parser (e.g. after the source ILS was changed
    // in settings); a note already read stays as it is.
    void setParser(const NoteParser &parser);
    const SessionSettings &settings() const;

    const ScanRecord *record(qint64 id) const;
    std::vector<qint64> recordIds() const;
    qint64 currentId() const;
    // Accepted but not yet looked up (including the offline backlog).
    int queueLength() const;
    bool isOffline() const;
    const ShelfList &shelfList() const;

    // Added beyond the first contract:
    // Queues every barcode of an imported list (follow-up); each is validated like a scan and
    // never flagged as a repeat. Returns how many were accepted.
    int submitList(const QStringList &barcodes);
    // Unfinished intents of the journal (desk and follow-up), oldest first: offer them on start.
    int unfinishedCount() const;
    // Queues the journal's unfinished intents again (same intent ids); each is re-read from Alma
    // and planned from what Alma shows now. Returns how many were queued.
    int resumeUnfinished();
    // Backoff while Alma is unreachable: starts at initialMs, doubles up to maxMs.
    void setRetryBackoff(int initialMs, int maxMs);
    // Finished records older than the newest `records` drop Alma's raw JSON and keep the typed
    // fields the UI and reports use, so a long session stays small. Default 200.
    void setHistoryDetailLimit(int records);
    // Scans waiting for staff (the card shows the oldest; the others wait their turn).
    int waitingForStaffCount() const;
    // Scans whose pipeline is calling Alma now.
    int inFlightCount() const;
    // Counts by outcome over the session (for the status bar).
    int count(Outcome outcome) const;
    // Bulk jobs (ScanSessionBulk.cpp): the scans whose Mark Missing went to the bulk Missing
    // job (the "job" strategy: the executor answered NeedsStaff), in scan order. A scan of the
    // same barcode later in the session replaces it (unless that one was a flagged repeat or
    // skipped before its lookup).
    std::vector<qint64> bulkJobCandidates() const;
    // A scan waiting for staff whose plan is only Mark Missing with the "job" strategy is handed
    // to the job without a write of its own (the job is confirmed once for all its items): it
    // finishes as a job candidate and the next scan starts. False when the plan is anything else.
    bool sendToBulkJob(qint64 id);
    // What a bulk run did to a scan (the run finishes the journal intent itself): the outcome
    // and message Alma's job and the re-read confirmed, and the process type Alma showed.
    void recordBulkOutcome(qint64 id, Outcome outcome, const QString &message,
                           const QString &processTypeAfter = {});
    // Scans of earlier sessions whose Mark Missing still waits for the bulk Missing job (marked
    // in the journal, the barcode's newest intent, in no bulk run yet): each becomes a finished
    // record waiting for the job, counted by bulkJobCandidates(). Returns how many were added.
    int restoreBulkJobWaiting();
    // A finished record for an item of a bulk run resumed after a restart (not scanned now).
    qint64 addBulkRecord(const QString &barcode, qint64 intentId, Outcome outcome,
                         const QString &message);

Q_SIGNALS:
    void scanAccepted(qint64 id);
    void scanRejected(const QString &input, const QString &reason);
    void recordChanged(qint64 id);
    void currentChanged(qint64 id);
    void queueLengthChanged(int length);
    void offlineChanged(bool offline);
    void outcomeReached(qint64 id, migdesk::Outcome outcome);
    void shelfListChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace migdesk
