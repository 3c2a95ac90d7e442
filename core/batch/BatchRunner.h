// BatchRunner: works a barcode list through Alma like the desk's auto-apply would, with several
// items in flight (the client's rate limiter keeps the pace) and each item's calls in order.
// Every item is journaled before any call; `--resume` continues a run from the journal without
// repeating a write: finished rows are taken from the journal, unfinished ones are re-read and
// re-planned from what Alma shows now (a write that already happened is not sent again).
#pragma once

#include "batch/BatchReport.h"
#include "journal/Journal.h"
#include "legacy/NoteParser.h"
#include "model/Result.h"
#include "pipeline/Executor.h"
#include "pipeline/ItemPipeline.h"
#include "planning/Planner.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <deque>
#include <vector>

namespace migdesk {

class AlmaClient;

struct BatchOptions {
    WorkMode mode = WorkMode::Desk;
    ExecutorSettings executor; // library, circulation desk, dry run, ...
    bool allowWithdraw = false;
    bool resume = false;
    int maxInFlight = 8; // items worked at once (calls are paced by the client's rate limiter)
};

class BatchRunner : public QObject {
    Q_OBJECT
public:
    BatchRunner(AlmaClient *client, Journal *journal, Planner planner, BatchOptions options,
                QObject *parent = nullptr);
    ~BatchRunner() override;

    // Binds the run to the journal: a new run, or (resume) the journal's last run for the same
    // list. Fails (Validation) when the journal holds an interrupted run and resume is off, or
    // when resume finds a run for another list.
    Result<Empty> prepare(const QStringList &barcodes);
    void setParser(NoteParser parser) { m_parser = std::move(parser); }
    void start();

    const std::vector<BatchRow> &rows() const { return m_rows; } // input order
    int total() const { return static_cast<int>(m_rows.size()); }
    int finishedCount() const { return m_finished; }
    int resumedCount() const { return m_resumed; }
    qint64 runId() const { return m_runId; }
    bool anyFailed() const;

Q_SIGNALS:
    void rowFinished(int index);
    void finished();

private:
    struct Task;
    void pump();
    void onLookedUp(Task *task);
    void apply(Task *task);
    PipelineServices services();
    void finishTask(Task *task, BatchRow row);
    BatchRow baseRow(const Task *task) const;

    AlmaClient *m_client;
    Journal *m_journal;
    Planner m_planner;
    NoteParser m_parser;
    BatchOptions m_options;
    Executor *m_executor;
    qint64 m_runId = 0;
    std::vector<BatchRow> m_rows;
    std::vector<bool> m_done;
    std::vector<qint64> m_reuseIntent; // resume: intent ids to continue
    // resume: the writes of each unfinished intent, settled by its pipeline first
    std::vector<std::vector<JournalWrite>> m_openWrites;
    static constexpr int kMaxRateLimitedAttempts = 8;
    std::vector<int> m_attempts; // re-queues after a 429 that outlasted the client's retries
    std::deque<int> m_queue;
    int m_inFlight = 0;
    int m_waiting = 0; // items waiting to be re-queued
    int m_finished = 0;
    int m_resumed = 0;
    bool m_started = false;
};

// Rows left for Alma's bulk Missing job (BatchRunnerBulk.cpp). With the "job" strategy the batch
// writes nothing for Mark Missing: the executor answers NeedsStaff and the item is handed to
// `migdesk-cli bulk` (docs/BULK_JOBS.md explains why the batch does not start the job itself).
// The barcodes of such rows (needs staff, Mark Missing planned, no decision), in report order.
QStringList bulkJobBarcodes(const std::vector<BatchRow> &rows);
// Writes `barcodes` one per line to `path` (atomically); an error message, empty on success.
QString writeBulkJobList(const QString &path, const QStringList &barcodes);
// Says in each such row's message that the item waits for the job, and where its list is.
void noteBulkJobRows(std::vector<BatchRow> &rows, const QString &listPath);

} // namespace migdesk
