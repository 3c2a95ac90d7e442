// MainWindow: layout, menus, status bar and the few file dialogs; no workflow logic.
#include "MainWindow.h"

#include "BulkJobController.h"
#include "DemoBarcodesDialog.h"
#include "DeskController.h"
#include "DeskStack.h"
#include "FileChooser.h"
#include "FollowUpPanel.h"
#include "HelpDialogs.h"
#include "HistoryBrowser.h"
#include "HistoryModel.h"
#include "HistoryPanel.h"
#include "ItemCardPanel.h"
#include "MessageArea.h"
#include "OperatorDialog.h"
#include "OutcomeBanner.h"
#include "OutcomeCountsLabel.h"
#include "PlanPanel.h"
#include "ProgressDashboard.h"
#include "RecordPresenter.h"
#include "RecoveryBanner.h"
#include "ScanField.h"
#include "SelfCheckBanner.h"
#include "SettingsDialog.h"
#include "Sounds.h"
#include "SupervisorDialog.h"
#include "UndoController.h"
#include "WhereAmI.h"
#include "analytics/BacklogSnapshot.h"
#include "desk/ScanSession.h"
#include "settings/Settings.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace migdesk {

MainWindow::MainWindow(DeskStack *stack, Settings *settings, SecretStore *secrets,
                       std::vector<DemoBarcode> demoExamples, QWidget *parent)
    : QMainWindow(parent)
    , m_stack(stack)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_sounds(new Sounds(this))
    , m_history(new HistoryModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // Every start is at the desk unless Settings say otherwise: a follow-up session of
    // yesterday must not plan today's items in hand as not in hand.
    if (!m_settings->startInFollowUp())
        m_settings->setWorkMode(WorkMode::Desk);
    setWindowTitle(tr("MigDesk"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(8);

    // What this computer lacks (a package, the keychain, the key, Alma): staff see it first.
    m_selfCheck = new SelfCheckBanner(central);
    connect(m_selfCheck, &SelfCheckBanner::againRequested, this, [this] { runSelfCheck(true); });
    layout->addWidget(m_selfCheck);
    m_modeStrip = buildModeStrip();
    layout->addWidget(m_modeStrip);
    if (stack->connection().sandbox || !demoExamples.empty()) {
        m_demoBanner = new DemoBanner(central);
        m_demoBanner->setExamples(demoExamples);
        connect(m_demoBanner, &DemoBanner::showAllRequested, this, &MainWindow::showDemoBarcodes);
        layout->addWidget(m_demoBanner);
    }
    // Scans the last session left unfinished: offered, never resumed without staff.
    m_recovery = new RecoveryBanner(stack->session(), central);
    layout->addWidget(m_recovery);
    layout->addWidget(buildScanRow());
    // Notices and failures: their own line, never behind the outcome counts.
    m_messages = new MessageArea(central);
    layout->addWidget(m_messages);
    m_banner = new OutcomeBanner(central);
    layout->addWidget(m_banner);

    auto *vertical = new QSplitter(Qt::Vertical, central);
    vertical->setObjectName(QStringLiteral("mainSplitter"));
    vertical->setChildrenCollapsible(false);
    auto *itemRow = new QSplitter(Qt::Horizontal, vertical);
    // Scroll areas: a long note or a guided step never pushes the window past the screen.
    auto scrolled = [itemRow](QWidget *panel) {
        auto *area = new QScrollArea(itemRow);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setFocusPolicy(Qt::NoFocus);
        area->setWidget(panel);
        return area;
    };
    m_card = new ItemCardPanel;
    m_plan = new PlanPanel;
    itemRow->addWidget(scrolled(m_card));
    itemRow->addWidget(m_plan); // scrolls its words itself; its buttons stay in view
    itemRow->setStretchFactor(0, 3);
    itemRow->setStretchFactor(1, 2);
    // The history and, in follow-up mode, the work list share the lower half as tabs, so the
    // window still fits 1366x768.
    m_bottomTabs = new QTabWidget(vertical);
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabWidget"));
    m_historyPanel = new HistoryPanel(m_history, m_bottomTabs);
    m_bottomTabs->addTab(m_historyPanel, tr("Session his&tory"));
    m_followUp = new FollowUpPanel(m_bottomTabs);
    m_followUp->hide();
    connect(m_followUp, &FollowUpPanel::taken, this, &MainWindow::noteListItemTaken);
    restoreFollowUpList();
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    vertical->setSizes({470, 170});
    layout->addWidget(vertical, 1);
    setCentralWidget(central);

    // Where am I: which Alma, library, desk and operator this window works for, at the right
    // of the menu bar (the status bar holds the counts).
    m_whereLabel = new QLabel(this);
    m_whereLabel->setObjectName(QStringLiteral("whereAmILabel"));
    m_whereLabel->setContentsMargins(0, 0, 8, 0);
    menuBar()->setCornerWidget(m_whereLabel, Qt::TopRightCorner);
    m_counts = new OutcomeCountsLabel(this);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_counts, 1);
    statusBar()->addPermanentWidget(m_connectionLabel);

    m_controller = new DeskController(
        stack->session(), {m_scanField, m_banner, m_card, m_plan, m_history, m_followUp}, m_sounds,
        this);
    m_controller->setConfiguredSource(stack->sourceIls());
    connect(m_controller, &DeskController::notice, this, &MainWindow::showNotice);
    connect(m_controller, &DeskController::offlineChanged, this, [this](bool offline, int queued) {
        m_connectionLabel->setText(offline ? tr("✖ Alma unreachable · %1 waiting").arg(queued)
                                   : queued > 0 ? tr("%1 waiting").arg(queued)
                                                : QString());
    });
    connect(m_history, &HistoryModel::countsChanged, this,
            [this] { m_counts->setCounts(m_history->counts()); });
    connect(m_historyPanel, &HistoryPanel::rowActivated, m_controller, &DeskController::showRecord);
    connect(m_historyPanel, &HistoryPanel::exportRequested, this, &MainWindow::exportSession);
    auto *undo = new UndoController(stack, this);
    m_historyPanel->setUndoCheck([undo](qint64 intentId) { return undo->whyNot(intentId); });
    connect(m_historyPanel, &HistoryPanel::undoRequested, undo, &UndoController::undoIntent);
    connect(undo, &UndoController::notice, this, &MainWindow::showNotice);
    connect(m_followUp, &FollowUpPanel::importRequested, this, [this] {
        chooseFile(
            this, FileMode::Open, tr("Import a barcode list"), QString(),
            tr("Lists (*.txt *.csv);;All (*)"), [this](const QString &path) { importList(path); },
            [this] { m_controller->refocus(); });
    });
    connect(m_followUp, &FollowUpPanel::nextRequested, m_controller,
            &DeskController::submitNextFromList);
    connect(m_followUp, &FollowUpPanel::printRequested, this, &MainWindow::printShelfList);
    connect(m_followUp, &FollowUpPanel::pdfRequested, this, &MainWindow::saveShelfListPdf);
    connect(m_followUp, &FollowUpPanel::csvRequested, this, &MainWindow::exportShelfListCsv);
    connect(m_settings, &Settings::changed, this, &MainWindow::applySettings);
    connect(m_recovery, &RecoveryBanner::resumed, this, [this](int count) {
        showNotice(
            tr("%n unfinished scan(s) resumed: each is read from Alma again.", nullptr, count));
        m_controller->refocus();
    });

    buildMenus();
    // Alma's bulk job for this session's Missing items, and "Find migration items".
    m_bulk = new BulkJobController(stack, settings, this);
    m_bulk->addMenu(menuBar());
    statusBar()->addPermanentWidget(m_bulk->statusWidget());
    connect(m_bulk, &BulkJobController::notice, this, &MainWindow::showNotice);
    connect(m_bulk, &BulkJobController::refocusRequested, m_controller, &DeskController::refocus);
    connect(m_bulk, &BulkJobController::backlogCounted, this, [this] {
        if (!m_dashboard)
            return;
        m_dashboard->setSessionSnapshot(m_bulk->latestSnapshot());
        m_dashboard->refresh();
    });
    connect(m_bulk, &BulkJobController::followUpRequested, this,
            [this](const QStringList &barcodes, const QString &summary) {
                setFollowUpMode(true);
                m_followUp->setWorkList(barcodes, summary);
                keepFollowUpList(barcodes, summary);
                showNotice(summary);
            });
    applySettings();
    if (!stack->warning().isEmpty())
        showProblem(stack->warning());
    qApp->installEventFilter(this);
    m_recovery->offer();
    m_scanField->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

QWidget *MainWindow::buildScanRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Scan item &barcode:"), row);
    m_scanField = new ScanField(row);
    label->setBuddy(m_scanField);
    m_modeLabel = new QLabel(row);
    m_modeLabel->setObjectName(QStringLiteral("modeLabel"));
    layout->addWidget(label);
    layout->addWidget(m_scanField, 1);
    layout->addWidget(m_modeLabel);
    return row;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Import list…"), QKeySequence(tr("Ctrl+I")), this, [this] {
        setFollowUpMode(true);
        Q_EMIT m_followUp->importRequested();
    });
    file->addAction(tr("&Export session…"), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::exportSession);
    file->addAction(tr("&Settings…"), QKeySequence(tr("Ctrl+,")), this, &MainWindow::openSettings);
    file->addAction(tr("Change &operator…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    &MainWindow::changeOperator);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_followUpAction = view->addAction(tr("&Follow-up mode (item not in hand)"));
    m_followUpAction->setCheckable(true);
    m_followUpAction->setShortcut(QKeySequence(Qt::Key_F6));
    connect(m_followUpAction, &QAction::toggled, this, &MainWindow::setFollowUpMode);
    view->addAction(tr("&Next list item"), QKeySequence(tr("Ctrl+N")), m_controller,
                    &DeskController::submitNextFromList);
    view->addAction(tr("&Print shelf-search list…"), QKeySequence::Print, this,
                    &MainWindow::printShelfList);
    view->addAction(tr("Progress &dashboard…"), QKeySequence(tr("Ctrl+Shift+D")), this,
                    [this] { openDashboard(); });
    view->addAction(tr("&Earlier sessions…"), this, [this] { openHistoryBrowser(); });
    view->addAction(tr("&Supervisor's view…"), QKeySequence(tr("Ctrl+Shift+S")), this, [this] {
        auto *dialog = new SupervisorDialog(m_stack->journal(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, m_controller, &DeskController::refocus);
        dialog->show();
    });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User guide…"), this, [this] { openUserGuide(this); });
    help->addAction(tr("&Demo barcodes…"), QKeySequence(Qt::Key_F1), this,
                    &MainWindow::showDemoBarcodes);
    help->addAction(tr("&Check this computer (self-test)"), this, [this] { runSelfCheck(true); });
    help->addSeparator();
    help->addAction(tr("&About MigDesk…"), this, [this] { openAbout(this); });
}

HistoryBrowser *MainWindow::openHistoryBrowser()
{
    auto *browser = new HistoryBrowser(m_stack->journal(), this);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    connect(browser, &QDialog::finished, m_controller, &DeskController::refocus);
    browser->open();
    return browser;
}

void MainWindow::setOperatorName(const QString &name)
{
    m_operatorName = name;
    updateWhereAmI();
}

void MainWindow::updateWhereAmI()
{
    const DeskConnection &connection = m_stack->connection();
    WhereAmI where;
    where.baseUrl = connection.baseUrl;
    where.demo = connection.sandbox;
    where.environment = m_settings->environment();
    where.library = connection.library.isEmpty() ? m_settings->library() : connection.library;
    where.circDesk = connection.circDesk.isEmpty() ? m_settings->circDesk() : connection.circDesk;
    // Set by setOperatorName (tests), else the operator the journal records (Settings).
    where.operatorName = m_operatorName.isEmpty() ? m_settings->operatorName() : m_operatorName;
    m_whereLabel->setText(whereAmIText(where));
    m_whereLabel->setAccessibleName(m_whereLabel->text());
}

void MainWindow::changeOperator()
{
    auto *dialog = new OperatorDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_operatorName.clear();
        updateWhereAmI();
        showNotice(tr("Working as %1.").arg(m_settings->operatorName()));
    });
    connect(dialog, &QDialog::finished, m_controller, &DeskController::refocus);
    dialog->open();
}

void MainWindow::runSelfCheck(bool showWhenClean)
{
    SelfCheckAlma alma;
    alma.client = m_stack->client();
    alma.sandbox = m_stack->connection().sandbox;
    alma.keyProblem = m_stack->connection().keyProblem;
    m_selfCheck->run(m_secrets, alma, showWhenClean);
}

void MainWindow::applySettings()
{
    m_stack->applySettings(*m_settings);
    if (m_controller)
        m_controller->setConfiguredSource(m_stack->sourceIls());
    m_sounds->setMuted(!m_settings->soundsEnabled());
    m_sounds->setVolume(m_settings->volume() / 100.0);
    QFont base = QApplication::font();
    base.setPointSizeF(base.pointSizeF() * (m_settings->largerText() ? 1.3 : 1.0));
    centralWidget()->setFont(base);
    QFont scan = base;
    scan.setPointSizeF(base.pointSizeF() * 1.8);
    m_scanField->setFont(scan);
    m_scanField->setMinimumHeight(QFontMetrics(scan).height() + 16);
    // With larger text the demo strip keeps its title and button: the decision buttons below
    // must fit a 1366x768 screen.
    if (m_demoBanner)
        m_demoBanner->setCompact(m_settings->largerText());
    if (m_dashboard)
        m_dashboard->setTextScale(m_settings->largerText() ? 1.3 : 1.0);
    setFollowUpMode(m_settings->workMode() == WorkMode::Followup);
    QStringList mode;
    if (m_settings->dryRun())
        mode << tr("DRY RUN");
    mode << (m_settings->autoApply() ? tr("auto-apply") : tr("confirm each"));
    m_modeLabel->setText(mode.join(QStringLiteral(" · ")));
    updateWhereAmI();
}

ProgressDashboard *MainWindow::openDashboard()
{
    if (!m_dashboard) {
        const QString journal = m_stack->connection().journalPath;
        m_dashboard = new ProgressDashboard(journal, backlogSnapshotPath(journal), this);
        m_dashboard->setAttribute(Qt::WA_DeleteOnClose);
        m_dashboard->setTextScale(m_settings->largerText() ? 1.3 : 1.0);
        connect(m_dashboard, &QDialog::finished, m_controller, &DeskController::refocus);
    }
    m_dashboard->setSessionSnapshot(m_bulk->latestSnapshot());
    m_dashboard->refresh();
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
    return m_dashboard;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // A scanner burst that lands on a table or a button (after a click) belongs to the scan
    // field: printable keys are sent there. Text fields, spin boxes and dialogs keep theirs.
    if (event->type() == QEvent::KeyPress && watched->isWidgetType()) {
        auto *widget = static_cast<QWidget *>(watched);
        auto *key = static_cast<QKeyEvent *>(event);
        const bool printable = !key->text().isEmpty() && key->text().at(0).isPrint() &&
                               key->text() != QLatin1String(" ") &&
                               !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
        const bool editor =
            qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget) ||
            (qobject_cast<QComboBox *>(widget) && static_cast<QComboBox *>(widget)->isEditable());
        if (printable && !editor && widget != m_scanField && widget->window() == this) {
            m_scanField->setFocus(Qt::OtherFocusReason);
            QApplication::sendEvent(m_scanField, event);
            return true;
        }
        // An Alt chord no shortcut took types nothing into a text field of any window (Alt+I
        // once put an "i" into the scanner prefix). AltGr (Ctrl+Alt on Windows) still types.
        const bool altChord = (key->modifiers() & Qt::AltModifier) &&
                              !(key->modifiers() & Qt::ControlModifier) && !key->text().isEmpty();
        if (altChord && editor)
            return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Back from any dialog: the scanner's keystrokes belong to the scan field.
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        m_scanField->setFocus(Qt::ActiveWindowFocusReason);
}

void MainWindow::showNotice(const QString &text)
{
    m_messages->showMessage(text, MessageKind::Info);
}

void MainWindow::showProblem(const QString &text)
{
    m_messages->showMessage(text, MessageKind::Problem);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_settings, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<MainWindow> self(this);
    dialog->setSavedHandler([self](const QString &message) {
        if (self)
            self->showNotice(message);
    });
    dialog->setKeyStoredHandler([self](bool ok, const QString &message) {
        if (!self)
            return;
        if (ok)
            self->showNotice(message);
        else
            self->showProblem(tr("The API key was not stored: %1").arg(message));
    });
    connect(dialog, &QDialog::finished, m_controller, &DeskController::refocus);
    dialog->open();
}

void MainWindow::showDemoBarcodes()
{
    if (!m_demoBanner)
        return;
    auto *dialog = new DemoBarcodesDialog(m_demoBanner->examples(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_stack->session()->submit(dialog->chosenBarcode()); });
    connect(dialog, &QDialog::finished, m_controller, &DeskController::refocus);
    dialog->open();
}

} // namespace migdesk
