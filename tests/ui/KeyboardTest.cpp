// The keyboard at the desk: chords never type into the scan field, non-barcodes are refused
// before Alma, Ctrl+E exports, mnemonics are unique in every window and dialog, and every page
// can be reached with Tab.
#include "DeskFixture.h"
#include "KeyboardSupport.h"

#include "AnalyticsPathDialog.h"
#include "BacklogDialog.h"
#include "BulkJobDialog.h"
#include "DemoBarcodesDialog.h"
#include "FollowUpPanel.h"
#include "HistoryBrowser.h"
#include "OperatorDialog.h"
#include "ProgressDashboard.h"
#include "RecoveryBanner.h"
#include "ScannerSettingsPage.h"
#include "SelfCheckBanner.h"
#include "SettingsDialog.h"
#include "SupervisorDialog.h"

#include <QAbstractScrollArea>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>

namespace migdesk::test {

namespace {
SettingsDialog *openSettings(MainWindow *window)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == QStringLiteral("Settings…")) {
            action->trigger();
            return window->findChild<SettingsDialog *>();
        }
    }
    return nullptr;
}
} // namespace

TEST_F(DeskFixture, AltAndCtrlChordsNeverTypeIntoTheScanField)
{
    ScanField *field = m_window->scanField();
    field->setFocus();
    QTest::keyClick(field, Qt::Key_3, Qt::AltModifier);
    QTest::keyClick(field, Qt::Key_W, Qt::AltModifier);
    QTest::keyClick(field, Qt::Key_K, Qt::ControlModifier);
    EXPECT_EQ(field->text(), QString());
    QTest::keyClicks(field, QStringLiteral("3901"));
    QTest::keyClick(field, Qt::Key_9, Qt::AltModifier);
    EXPECT_EQ(field->text(), QStringLiteral("3901"));
}

TEST_F(DeskFixture, AnAltChordTypesNothingIntoASettingsField)
{
    SettingsDialog *dialog = openSettings(m_window.get());
    ASSERT_NE(dialog, nullptr);
    auto *prefix = dialog->findChild<QLineEdit *>(QStringLiteral("prefixLineEdit"));
    ASSERT_NE(prefix, nullptr);
    QTest::keyClick(prefix, Qt::Key_I, Qt::AltModifier);
    EXPECT_EQ(prefix->text(), QString());
    dialog->reject();
}

TEST_F(DeskFixture, InputThatCannotBeABarcodeIsRefusedWithTheReason)
{
    QSignalSpy rejected(session(), &ScanSession::scanRejected);
    scan(QStringLiteral("1"));
    scan(QStringLiteral("w"));
    ASSERT_EQ(rejected.count(), 2);
    EXPECT_TRUE(rejected.at(0).at(1).toString().contains(QStringLiteral("too short")));
    EXPECT_TRUE(rejected.at(1).at(1).toString().contains(QStringLiteral("too short")));
    EXPECT_TRUE(session()->recordIds().empty()); // nothing queued, nothing sent to Alma
    // A 12-digit number and a demo barcode are barcodes.
    scan(QStringLiteral("123456789012"));
    EXPECT_EQ(rejected.count(), 2);
}

TEST_F(DeskFixture, CtrlEExportsFromTheScanField)
{
    m_window->scanField()->setFocus();
    QTest::keyClick(m_window->scanField(), Qt::Key_E, Qt::ControlModifier);
    auto *dialog = m_window->findChild<QFileDialog *>(QStringLiteral("fileDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->acceptMode(), QFileDialog::AcceptSave);
    EXPECT_EQ(m_window->scanField()->text(), QString());
    dialog->reject();
}

TEST_F(DeskFixture, MnemonicsAreUniqueInTheMainWindowInEveryMode)
{
    m_window->recoveryBanner()->show();
    m_window->selfCheckBanner()->show();
    m_window->showNotice(QStringLiteral("A message"));
    auto check = [this](const char *state) {
        QTest::qWait(10);
        const QStringList clashes = mnemonicClashes(m_window.get());
        EXPECT_TRUE(clashes.isEmpty())
            << state << ": " << clashes.join(QLatin1Char('\n')).toStdString();
    };
    check("ready");
    for (PlanMode mode : {PlanMode::Confirm, PlanMode::Decide, PlanMode::Withdraw, PlanMode::Guide,
                          PlanMode::Review, PlanMode::Finished}) {
        PlanView view;
        view.mode = mode;
        view.choices = {QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three")};
        view.canRetry = true;
        view.canSkip = true;
        view.canChooseAction = mode == PlanMode::Review;
        planPanel()->showPlan(view);
        check(qPrintable(QStringLiteral("plan mode %1").arg(static_cast<int>(mode))));
    }
    m_window->setFollowUpMode(true);
    auto *followUp = m_window->findChild<FollowUpPanel *>();
    for (int page = 0; page < followUp->count(); ++page) {
        followUp->setCurrentIndex(page);
        check("follow-up");
    }
}

TEST_F(DeskFixture, MnemonicsAreUniqueInEveryDialogPage)
{
    SettingsDialog *settings = openSettings(m_window.get());
    ASSERT_NE(settings, nullptr);
    auto *tabs = settings->findChild<QTabWidget *>();
    ASSERT_NE(tabs, nullptr);
    for (int page = 0; page < tabs->count(); ++page) {
        tabs->setCurrentIndex(page);
        QTest::qWait(10);
        const QStringList clashes = mnemonicClashes(settings);
        EXPECT_TRUE(clashes.isEmpty()) << "Settings, " << tabs->tabText(page).toStdString() << ": "
                                       << clashes.join(QLatin1Char('\n')).toStdString();
    }
    settings->reject();

    DemoBarcodesDialog demo({{QStringLiteral("39015000000011"), QStringLiteral("Demo")}},
                            m_window.get());
    demo.show();
    EXPECT_TRUE(mnemonicClashes(&demo).isEmpty())
        << mnemonicClashes(&demo).join(QLatin1Char('\n')).toStdString();

    HistoryBrowser *browser = m_window->openHistoryBrowser();
    EXPECT_TRUE(mnemonicClashes(browser).isEmpty())
        << mnemonicClashes(browser).join(QLatin1Char('\n')).toStdString();
    browser->close();

    ProgressDashboard *dashboard = m_window->openDashboard();
    EXPECT_TRUE(mnemonicClashes(dashboard).isEmpty())
        << mnemonicClashes(dashboard).join(QLatin1Char('\n')).toStdString();
    dashboard->close();

    // The remaining dialogs, each on its own.
    BacklogDialog backlog(BacklogReader(), QStringLiteral("job"), 200, m_window.get());
    backlog.setAnalyticsSource(m_stack->client(), QString());
    AnalyticsPathDialog analytics(m_stack->client(), QString(), m_window.get());
    BulkConfirmation confirmation;
    confirmation.itemCount = 3;
    confirmation.actionLabel = QStringLiteral("Missing");
    BulkJobDialog bulk(confirmation, m_window.get());
    OperatorDialog operatorPrompt(m_settings.get(), m_window.get());
    SupervisorDialog supervisor(nullptr, m_window.get());
    for (QDialog *dialog : std::initializer_list<QDialog *>{&backlog, &analytics, &bulk,
                                                            &operatorPrompt, &supervisor}) {
        dialog->show();
        QTest::qWait(10);
        const QStringList clashes = mnemonicClashes(dialog);
        EXPECT_TRUE(clashes.isEmpty()) << dialog->metaObject()->className() << ": "
                                       << clashes.join(QLatin1Char('\n')).toStdString();
        dialog->hide();
    }
}

TEST_F(DeskFixture, TabReachesTheHistoryFilterAndTheShelfSearchButtons)
{
    m_window->setFollowUpMode(true);
    auto *bottom = m_window->findChild<QTabWidget *>(QStringLiteral("bottomTabWidget"));
    bottom->setCurrentIndex(0); // the history; Right on its tab bar turns to the follow-up list
    m_window->scanField()->setFocus();
    const QStringList seen = tabThrough(160);
    for (const char *name :
         {"historyOutcomeComboBox", "historyFilterLineEdit", "exportPushButton", "historyTableView",
          "importPushButton", "pdfPushButton", "shelfCsvPushButton", "shelfListTableWidget"}) {
        EXPECT_TRUE(seen.contains(QLatin1String(name)))
            << name << " not reached; seen: " << seen.join(QLatin1Char(' ')).toStdString();
    }
}

TEST_F(DeskFixture, TabLeavesTheWorkOrderTableInSettings)
{
    SettingsDialog *settings = openSettings(m_window.get());
    ASSERT_NE(settings, nullptr);
    QApplication::setActiveWindow(settings);
    auto *tabs = settings->findChild<QTabWidget *>();
    tabs->setCurrentIndex(2); // Rules
    auto *table = settings->findChild<QWidget *>(QStringLiteral("workOrdersTableWidget"));
    ASSERT_NE(table, nullptr);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Tab);
    EXPECT_NE(QApplication::focusWidget(), table);
    settings->reject();
}

TEST(ScannerSettingsPageTest, ExamplesShowWhatTheRulesAccept)
{
    ScannerSettingsPage page;
    const QString text = page.examplesText();
    EXPECT_TRUE(text.contains(QStringLiteral("39015000000011: accepted"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("123456789012: accepted"))) << text.toStdString();
    // The spin box starts at its minimum (1) until load(): only the default Settings refuse "1".
    Settings settings(QDir::temp().filePath(QStringLiteral("migdesk-scanner-page.ini")));
    page.load(settings);
    EXPECT_TRUE(page.examplesText().contains(QStringLiteral("1: refused")))
        << page.examplesText().toStdString();
    EXPECT_TRUE(page.examplesText().contains(QStringLiteral("w: refused")));
}

} // namespace migdesk::test

namespace migdesk::test {

// Every field, box and button of each Settings page is reached with Tab alone.
TEST_F(DeskFixture, TabReachesEveryFieldOfEverySettingsPage)
{
    SettingsDialog *settings = openSettings(m_window.get());
    ASSERT_NE(settings, nullptr);
    QApplication::setActiveWindow(settings);
    auto *tabs = settings->findChild<QTabWidget *>();
    ASSERT_NE(tabs, nullptr);
    for (int page = 0; page < tabs->count(); ++page) {
        tabs->setCurrentIndex(page);
        QTest::qWait(10);
        QWidget *current = tabs->currentWidget();
        QList<QWidget *> wanted;
        for (QWidget *widget : current->findChildren<QWidget *>()) {
            if (widget->isVisibleTo(settings) && widget->isEnabled() &&
                (widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy() &&
                !qobject_cast<QAbstractScrollArea *>(widget->parentWidget()) &&
                widget->parentWidget() && !widget->parentWidget()->inherits("QAbstractSpinBox") &&
                !widget->parentWidget()->inherits("QComboBox"))
                wanted << widget;
        }
        tabs->tabBar()->setFocus();
        QList<QWidget *> seen;
        for (int i = 0; i < 80; ++i) {
            seen << QApplication::focusWidget();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        for (QWidget *widget : wanted)
            EXPECT_TRUE(seen.contains(widget))
                << tabs->tabText(page).toStdString() << ": " << widget->metaObject()->className()
                << " " << widget->objectName().toStdString() << " not reached with Tab";
    }
    settings->reject();
}

} // namespace migdesk::test
