// BulkJobController: see the header.
#include "BulkJobController.h"

#include "BacklogDialog.h"
#include "BulkJobDialog.h"
#include "DeskStack.h"
#include "bulk/Backlog.h"
#include "bulk/BulkRunner.h"
#include "desk/ScanSession.h"
#include "legacy/NoteParser.h"
#include "pipeline/Executor.h"
#include "planning/Planner.h"
#include "planning/Rules.h"
#include "settings/Settings.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

namespace migdesk {

BulkJobController::BulkJobController(DeskStack *stack, Settings *settings, QWidget *window)
    : QObject(window)
    , m_stack(stack)
    , m_settings(settings)
    , m_window(window)
    , m_runner(new BulkRunner(stack->client(), stack->executor()->journal(), this))
{
    m_missingAction = new QAction(this);
    m_missingAction->setObjectName(QStringLiteral("bulkMissingAction"));
    connect(m_missingAction, &QAction::triggered, this,
            [this] { requestRun(BulkAction::Missing); });
    m_damagedAction = new QAction(this);
    m_damagedAction->setObjectName(QStringLiteral("bulkDamagedAction"));
    connect(m_damagedAction, &QAction::triggered, this,
            [this] { requestRun(BulkAction::Damaged); });
    m_resumeAction = new QAction(tr("&Resume the stopped bulk job"), this);
    m_resumeAction->setObjectName(QStringLiteral("bulkResumeAction"));
    connect(m_resumeAction, &QAction::triggered, this, [this] { resumeUnfinished(); });
    m_findAction = new QAction(tr("&Find migration items…"), this);
    m_findAction->setObjectName(QStringLiteral("findItemsAction"));
    connect(m_findAction, &QAction::triggered, this, &BulkJobController::openFindItems);

    m_bar = new QWidget(window);
    m_bar->setObjectName(QStringLiteral("bulkJobBar"));
    auto *layout = new QHBoxLayout(m_bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_button = new QPushButton(m_bar);
    m_button->setObjectName(QStringLiteral("bulkMissingPushButton"));
    m_button->setFocusPolicy(Qt::NoFocus); // the scan field keeps the scanner's keystrokes
    connect(m_button, &QPushButton::clicked, m_missingAction, &QAction::trigger);
    m_progressLabel = new QLabel(m_bar);
    m_progressLabel->setObjectName(QStringLiteral("bulkProgressLabel"));
    m_progress = new QProgressBar(m_bar);
    m_progress->setObjectName(QStringLiteral("bulkProgressBar"));
    m_progress->setFocusPolicy(Qt::NoFocus);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_progressLabel->hide();
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_button);

    connect(m_runner, &BulkRunner::progress, this, &BulkJobController::onProgress);
    connect(m_runner, &BulkRunner::finished, this, &BulkJobController::onFinished);
    ScanSession *session = stack->session();
    connect(session, &ScanSession::recordChanged, this, &BulkJobController::refresh);
    // An item planned only for Mark Missing (job strategy) needs no per-item confirmation: the
    // job's own confirmation covers it, so it is collected and the next scan goes on.
    connect(session, &ScanSession::outcomeReached, this, [this, session](qint64 id, Outcome o) {
        if (o == Outcome::NeedsStaff)
            QTimer::singleShot(0, this, [session, id] { session->sendToBulkJob(id); });
    });
    connect(m_settings, &Settings::changed, this, &BulkJobController::refresh);
    checkUnfinished();
    refresh();
    QTimer::singleShot(0, this, [this] {
        // Items collected in an earlier session and never run wait again ("a scan once accepted
        // is never silently dropped"); a run left unfinished is followed again (never twice).
        restoreWaiting();
        resumeUnfinished();
    });
}

BulkJobController::~BulkJobController() = default;

void BulkJobController::addMenu(QMenuBar *bar)
{
    auto *menu = new QMenu(tr("Alma &jobs"), bar);
    menu->setObjectName(QStringLiteral("bulkJobsMenu"));
    menu->addAction(m_missingAction);
    menu->addAction(m_damagedAction);
    menu->addAction(m_resumeAction);
    menu->addSeparator();
    menu->addAction(m_findAction);
    const QList<QAction *> actions = bar->actions();
    bar->insertMenu(actions.isEmpty() ? nullptr : actions.last(), menu);
}

bool BulkJobController::isRunning() const
{
    return m_runner->isRunning();
}

Journal *BulkJobController::journal() const
{
    return m_stack->executor()->journal();
}

int BulkJobController::count(BulkAction action) const
{
    return static_cast<int>(items(action).size());
}

std::vector<BulkItem> BulkJobController::items(BulkAction action) const
{
    std::vector<BulkItem> items;
    QSet<QString> seen;
    if (action == BulkAction::Missing) {
        ScanSession *session = m_stack->session();
        for (const qint64 id : session->bulkJobCandidates()) {
            const ScanRecord *record = session->record(id);
            if (record && !seen.contains(record->barcode)) {
                seen.insert(record->barcode);
                items.push_back({record->barcode, record->intentId});
            }
        }
    }
    for (const BulkItem &item : m_extra.items(action)) {
        if (!seen.contains(item.barcode)) {
            seen.insert(item.barcode);
            items.push_back(item);
        }
    }
    return items;
}

int BulkJobController::restoreWaiting()
{
    const int restored = m_stack->session()->restoreBulkJobWaiting();
    if (restored > 0) {
        refresh();
        Q_EMIT notice(restored == 1
                          ? tr("1 item from an earlier session still waits for the Missing job "
                               "(Alma jobs > Run the Missing job).")
                          : tr("%1 items from an earlier session still wait for the Missing job "
                               "(Alma jobs > Run the Missing job).")
                                .arg(restored));
    }
    return restored;
}

void BulkJobController::checkUnfinished()
{
    m_hasUnfinished = journal() && !findUnfinishedBulkRuns(*journal()).empty();
}

int BulkJobController::addBarcodes(BulkAction action, const QStringList &barcodes)
{
    int added = 0;
    for (const QString &barcode : barcodes)
        added += m_extra.add(action, barcode) ? 1 : 0;
    refresh();
    return added;
}

JobTemplate BulkJobController::jobTemplate(QString *problem) const
{
    const QString text = m_settings->jobTemplate().trimmed();
    if (!text.isEmpty()) {
        const Result<JobTemplate> parsed = JobTemplate::parse(text.toUtf8(), tr("settings"));
        if (parsed.isOk())
            return parsed.value();
        if (problem)
            *problem = parsed.error().message;
        return {};
    }
    return JobTemplate::changePhysicalItems(); // Alma and the sandbox alike
}

QString BulkJobController::sessionName() const
{
    const DeskConnection &connection = m_stack->connection();
    const QString library =
        connection.library.isEmpty() ? m_settings->library() : connection.library;
    const QString desk =
        connection.circDesk.isEmpty() ? m_settings->circDesk() : connection.circDesk;
    const QString name = QStringLiteral("%1 %2").arg(library, desk).simplified();
    return name.isEmpty() ? tr("desk") : name;
}

BulkRequest BulkJobController::request(BulkAction action) const
{
    BulkRequest request;
    request.action = action;
    request.items = items(action);
    request.jobTemplate = jobTemplate(nullptr);
    request.sessionName = sessionName();
    request.conditionCode = m_settings->conditionCode();
    request.verify = VerifyPolicy::fromText(m_settings->bulkVerify()).value_or(VerifyPolicy{});
    request.keepSet = m_settings->keepBulkSets();
    // The desk's stamp, as the Executor has it (Settings > Rules, the operator of this desk).
    const ExecutorSettings &executor = m_stack->executor()->settings();
    request.stamp = {executor.stampField, executor.stampTemplate, executor.operatorName};
    request.pollIntervalMs = m_stack->connection().sandbox ? 500 : 5000;
    return request;
}

void BulkJobController::refresh()
{
    if (m_updating)
        return; // one refresh after a run's many record updates, not one per record
    const int missing = count(BulkAction::Missing);
    const int damaged = count(BulkAction::Damaged);
    const bool idle = !m_runner->isRunning();
    const QString missingText =
        tr("Run the Missing job for this session's %1").arg(bulkItemCount(missing));
    if (m_missingAction->text() != missingText) {
        m_missingAction->setText(missingText);
        m_button->setText(missingText);
    }
    m_missingAction->setEnabled(idle && missing > 0);
    m_button->setEnabled(idle && missing > 0);
    m_damagedAction->setText(tr("Run the Damaged job for %1").arg(bulkItemCount(damaged)));
    m_damagedAction->setEnabled(idle && damaged > 0);
    m_resumeAction->setEnabled(idle && m_hasUnfinished);
    Q_EMIT countsChanged();
}

void BulkJobController::requestRun(BulkAction action)
{
    if (m_runner->isRunning()) {
        Q_EMIT notice(tr("A bulk job is already running; wait for it to finish."));
        return;
    }
    if (m_dialog)
        m_dialog->close();
    const BulkRequest request = this->request(action);
    BulkConfirmation confirmation = BulkRunner::confirmation(request);
    QString problem;
    (void)jobTemplate(&problem);
    if (!problem.isEmpty())
        confirmation.problems.prepend(
            tr("The job template in the settings is not valid: %1").arg(problem));
    checkUnfinished();
    if (m_hasUnfinished)
        confirmation.problems << tr("A bulk job stopped earlier is not finished: resume it first "
                                    "(Alma jobs > Resume the stopped bulk job).");
    m_dialog = new BulkJobDialog(confirmation, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, request] { start(request); });
    connect(m_dialog, &QDialog::finished, this, &BulkJobController::refocusRequested);
    m_dialog->open();
}

void BulkJobController::start(const BulkRequest &request)
{
    if (m_runner->isRunning())
        return;
    m_records.clear();
    m_resuming = false;
    ScanSession *session = m_stack->session();
    const QString setName = bulkSetName(request.action, request.date, request.sessionName);
    const QString waiting =
        tr("In Alma's %1 job (set \"%2\").").arg(bulkActionLabel(request.action), setName);
    m_updating = true;
    for (const qint64 id : session->bulkJobCandidates()) {
        const ScanRecord *record = session->record(id);
        if (record && request.action == BulkAction::Missing) {
            m_records.insert(record->barcode, id);
            session->recordBulkOutcome(id, Outcome::Pending, waiting);
        }
    }
    m_updating = false;
    m_extra.clear(request.action);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_progressLabel->show();
    m_runner->start(request);
    checkUnfinished();
    refresh();
}

int BulkJobController::resumeUnfinished()
{
    if (!journal() || m_runner->isRunning())
        return 0;
    m_toResume = findUnfinishedBulkRuns(*journal());
    const int found = static_cast<int>(m_toResume.size());
    resumeNext();
    return found;
}

void BulkJobController::resumeNext()
{
    if (m_toResume.empty() || m_runner->isRunning())
        return;
    const BulkResumable run = m_toResume.front();
    m_toResume.erase(m_toResume.begin());
    m_records.clear();
    m_resuming = true;
    Q_EMIT notice(tr("Following the bulk job started before: %1").arg(run.describe()));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_progressLabel->show();
    m_runner->resume(run, request(run.state.action));
    checkUnfinished();
    refresh();
}

void BulkJobController::onProgress(const BulkProgress &progress)
{
    if (progress.total > 0) {
        m_progress->setRange(0, progress.total);
        m_progress->setValue(std::clamp(progress.done, 0, progress.total));
    }
    m_progressLabel->setText(progress.message);
}

void BulkJobController::onFinished(const BulkSummary &summary)
{
    ScanSession *session = m_stack->session();
    // The session's records of the run's items: by journal intent, else by barcode.
    QHash<qint64, qint64> byIntent;
    for (const qint64 id : session->recordIds()) {
        const ScanRecord *record = session->record(id);
        if (record && record->intentId != 0)
            byIntent.insert(record->intentId, id);
    }
    m_updating = true;
    for (const BulkItemResult &item : summary.items) {
        qint64 id = item.intentId != 0 ? byIntent.value(item.intentId, 0) : 0;
        if (id == 0)
            id = m_records.value(item.barcode, 0);
        if (id != 0)
            session->recordBulkOutcome(id, item.outcome, item.message, item.processTypeAfter);
        else // an item sent from "Find migration items", or of a run resumed after a restart
            session->addBulkRecord(item.barcode, item.intentId, item.outcome, item.message);
    }
    m_updating = false;
    m_records.clear();
    m_progress->hide();
    m_progressLabel->setText(summary.message);
    Q_EMIT notice(summary.message);
    checkUnfinished();
    if (summary.error.isError()) {
        // Alma's limits and failures get their own message, with what to do next.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Alma's bulk job"), summary.message,
                                    QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("bulkJobErrorBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QDialog::finished, this, &BulkJobController::refocusRequested);
        box->open();
    }
    refresh();
    Q_EMIT runFinished(summary);
    if (!m_toResume.empty())
        QTimer::singleShot(0, this, &BulkJobController::resumeNext);
}

void BulkJobController::openFindItems()
{
    if (m_backlog) {
        m_backlog->raise();
        return;
    }
    const RulesLoad rules = loadRulesOrDefaults(m_settings->rulesFile());
    BacklogReader reader(Planner(rules.rules.withOverrides(m_settings->ruleOverrides())),
                         NoteParser(m_stack->sourceIls()));
    m_backlog = new BacklogDialog(reader, m_settings->missingStrategy(),
                                  m_settings->damagedJobThreshold(), m_window);
    m_backlog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_backlog, &BacklogDialog::followUpRequested, this,
            &BulkJobController::followUpRequested);
    connect(m_backlog, &BacklogDialog::jobRequested, this,
            [this](BulkAction action, const QStringList &barcodes) {
                const int added = addBarcodes(action, barcodes);
                Q_EMIT notice(tr("%1 added to the %2 job (%3 waiting).")
                                  .arg(bulkItemCount(added), bulkActionLabel(action))
                                  .arg(count(action)));
            });
    m_backlog->setAnalyticsSource(m_stack->client(), m_settings->analyticsReportPath());
    connect(m_backlog, &BacklogDialog::analyticsPathUsed, this,
            [this](const QString &path) { m_settings->setAnalyticsReportPath(path); });
    connect(m_backlog, &BacklogDialog::snapshotTaken, this,
            [this](const BacklogSnapshot &snapshot) {
                m_latestSnapshot = snapshot;
                const QString path = backlogSnapshotPath(m_stack->connection().journalPath);
                const QString problem = path.isEmpty() ? QString() : snapshot.save(path);
                if (!problem.isEmpty())
                    Q_EMIT notice(problem);
                Q_EMIT backlogCounted();
            });
    connect(m_backlog, &QDialog::finished, this, &BulkJobController::refocusRequested);
    m_backlog->show();
}

} // namespace migdesk
