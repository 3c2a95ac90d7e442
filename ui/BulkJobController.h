// BulkJobController: the desk's side of the bulk Missing (and Damaged) job. It counts this
// session's scans whose Mark Missing went to the job (plus items sent from "Find migration
// items"), offers "Run the Missing job for this session's N items" in a menu and a status-bar
// button, confirms with BulkJobDialog, runs BulkRunner with a progress bar while scanning goes
// on, and records each item's confirmed outcome in the session history (the runner journals
// it). On start it puts back the items an earlier session collected but never ran, and resumes
// the journal's unfinished runs (a job is never started twice).
#pragma once

#include "analytics/BacklogSnapshot.h"
#include "bulk/BulkCollection.h"
#include "bulk/BulkState.h"
#include "bulk/BulkTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <vector>

class QAction;
class QLabel;
class QMenuBar;
class QProgressBar;
class QPushButton;
class QWidget;

namespace migdesk {

class BacklogDialog;
class BulkJobDialog;
class BulkRunner;
class DeskStack;
class Journal;
class Settings;

class BulkJobController : public QObject {
    Q_OBJECT
public:
    BulkJobController(DeskStack *stack, Settings *settings, QWidget *window);
    ~BulkJobController() override;

    // Adds the "Alma &jobs" menu (before the last menu, Help).
    void addMenu(QMenuBar *bar);
    // The run button, the progress bar and its line, for the status bar.
    QWidget *statusWidget() const { return m_bar; }
    QAction *missingAction() const { return m_missingAction; }
    QAction *damagedAction() const { return m_damagedAction; }
    QAction *resumeAction() const { return m_resumeAction; }
    QAction *findItemsAction() const { return m_findAction; }
    QPushButton *missingButton() const { return m_button; }
    QProgressBar *progressBar() const { return m_progress; }
    BulkRunner *runner() const { return m_runner; }
    bool isRunning() const;

    // Items waiting for the job of `action`: this session's scans and items sent from a backlog.
    int count(BulkAction action) const;
    // Adds items not scanned here (a backlog group) for `action`; returns how many were new.
    int addBarcodes(BulkAction action, const QStringList &barcodes);
    // The run `action` would start now: items, template, set name, verification, polling.
    BulkRequest request(BulkAction action) const;
    // Asks for confirmation (BulkJobDialog); Run starts the job.
    void requestRun(BulkAction action);
    // Puts the items an earlier session collected for the Missing job, but never ran, back into
    // this session's collection (history rows waiting for the job) with a notice. Called once
    // on start; returns how many.
    int restoreWaiting();
    // Resumes the journal's unfinished bulk runs one after the other; returns how many.
    int resumeUnfinished();
    // Opens "Find migration items" (an Analytics export grouped by status and step).
    void openFindItems();
    // The counts of the latest backlog read in this session (empty before the first).
    const BacklogSnapshot &latestSnapshot() const { return m_latestSnapshot; }

Q_SIGNALS:
    void notice(const QString &text);
    void countsChanged();
    void refocusRequested();
    // "Find migration items" sends a group to the follow-up work list.
    void followUpRequested(const QStringList &barcodes, const QString &summary);
    void runFinished(const migdesk::BulkSummary &summary);
    // "Find migration items" read a backlog and saved its counts for the dashboard.
    void backlogCounted();

private:
    Journal *journal() const;
    // The configured template, the sandbox's job against the sandbox, or a problem.
    JobTemplate jobTemplate(QString *problem) const;
    QString sessionName() const;
    std::vector<BulkItem> items(BulkAction action) const;
    void checkUnfinished();
    void refresh();
    void start(const BulkRequest &request);
    void resumeNext();
    void onProgress(const BulkProgress &progress);
    void onFinished(const BulkSummary &summary);

    DeskStack *m_stack;
    Settings *m_settings;
    QWidget *m_window;
    BulkRunner *m_runner;
    BulkCollection m_extra;           // items from "Find migration items"
    QHash<QString, qint64> m_records; // barcode -> session record of the run in progress
    bool m_resuming = false;
    bool m_hasUnfinished = false;
    bool m_updating = false; // recording a run's outcomes: refresh once at the end
    std::vector<BulkResumable> m_toResume;
    QAction *m_missingAction;
    QAction *m_damagedAction;
    QAction *m_resumeAction;
    QAction *m_findAction;
    QWidget *m_bar;
    QPushButton *m_button;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QPointer<BulkJobDialog> m_dialog;
    QPointer<BacklogDialog> m_backlog;
    BacklogSnapshot m_latestSnapshot;
};

} // namespace migdesk
