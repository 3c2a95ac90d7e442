// MainWindow: the desk window. A thin shell: it lays out the panels (scan field, outcome banner,
// item card, plan, history, follow-up, demo banner), owns the menus and the status bar, and
// leaves the workflow to DeskController.
#pragma once

#include "DemoBanner.h"

#include <QMainWindow>
#include <QPointer>

#include <vector>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;

namespace migdesk {

class BulkJobController;
class DeskController;
class DeskStack;
class FollowUpPanel;
class HistoryBrowser;
class HistoryModel;
class HistoryPanel;
class ItemCardPanel;
class MessageArea;
struct ListImportResult;
class OutcomeBanner;
class OutcomeCountsLabel;
class PlanPanel;
class ProgressDashboard;
class RecoveryBanner;
class ScanField;
class SecretStore;
class SelfCheckBanner;
class Settings;
class Sounds;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `demoExamples` non-empty (or the stack on the sandbox) shows the demo banner.
    MainWindow(DeskStack *stack, Settings *settings, SecretStore *secrets,
               std::vector<DemoBarcode> demoExamples = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    ScanField *scanField() const { return m_scanField; }
    DeskController *controller() const { return m_controller; }
    HistoryModel *historyModel() const { return m_history; }
    Sounds *sounds() const { return m_sounds; }
    BulkJobController *bulkJobs() const { return m_bulk; }
    // The offer to resume the scans the last session left unfinished (hidden when none).
    RecoveryBanner *recoveryBanner() const { return m_recovery; }
    // What the self-check found wrong on this computer (hidden when all is well).
    SelfCheckBanner *selfCheckBanner() const { return m_selfCheck; }
    // Runs the self-check against this window's Alma; the banner shows what failed or warned
    // (everything when `showWhenClean`). DeskLauncher runs it at start, Help runs it on demand.
    void runSelfCheck(bool showWhenClean);
    // Asks who is at the desk (File > Change operator; at start from the launcher).
    void changeOperator();
    void setFollowUpMode(bool on);
    // The operator slot of the status line ("Operator: not set" until a name is given).
    void setOperatorName(const QString &name);
    QLabel *whereAmILabel() const { return m_whereLabel; }
    bool isFollowUpMode() const;
    // View > Progress dashboard: opens (or raises) the dashboard window.
    ProgressDashboard *openDashboard();
    // View > Earlier sessions: the journal's scans by date.
    HistoryBrowser *openHistoryBrowser();
    // Imports a work list file into follow-up mode; false with the reason shown. When a list
    // with items left is loaded, staff are asked first (the "replaceListMessageBox").
    bool importList(const QString &path);
    // The exports behind File > Export and the shelf-search tab's buttons; each result (saved,
    // or why not) goes to the message area.
    bool exportSessionTo(const QString &path);
    bool saveShelfListPdfTo(const QString &path);
    bool exportShelfListCsvTo(const QString &path);
    // Notices and failures for staff: the message area under the scan field.
    MessageArea *messageArea() const { return m_messages; }
    void showNotice(const QString &text);
    void showProblem(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildScanRow();
    QLabel *buildModeStrip();
    // The follow-up list in the journal: restored at start, replaced by an import, each barcode
    // marked when taken.
    void restoreFollowUpList();
    void keepFollowUpList(const QStringList &barcodes, const QString &summary);
    void noteListItemTaken(const QString &barcode);
    int followUpItemsLeft() const;
    void useImportedList(const ListImportResult &result);
    void buildMenus();
    void applySettings();
    void updateWhereAmI();
    void openSettings();
    void exportSession();
    void showDemoBarcodes();
    void printShelfList();
    void saveShelfListPdf();
    void exportShelfListCsv();

    DeskStack *m_stack;
    Settings *m_settings;
    SecretStore *m_secrets;
    Sounds *m_sounds;
    HistoryModel *m_history;
    ScanField *m_scanField = nullptr;
    OutcomeBanner *m_banner = nullptr;
    MessageArea *m_messages = nullptr;
    ItemCardPanel *m_card = nullptr;
    PlanPanel *m_plan = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    FollowUpPanel *m_followUp = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    DemoBanner *m_demoBanner = nullptr;
    RecoveryBanner *m_recovery = nullptr;
    SelfCheckBanner *m_selfCheck = nullptr;
    OutcomeCountsLabel *m_counts = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_whereLabel = nullptr;
    QString m_operatorName;
    QLabel *m_modeLabel = nullptr;
    QLabel *m_modeStrip = nullptr; // "FOLLOW-UP — items not in hand", shown in that mode
    QAction *m_followUpAction = nullptr;
    DeskController *m_controller = nullptr;
    BulkJobController *m_bulk = nullptr;
    QPointer<ProgressDashboard> m_dashboard;
};

} // namespace migdesk
