// "From Alma Analytics…" in Find migration items (the path browser, the paged read, the path
// remembered in Settings, the counts saved for the dashboard) and the progress dashboard on the
// demo data plus a journal of a few days: its tables, charts, summary, exports, keyboard access
// and larger text. With MIGDESK_SCREENSHOT_DIR set it also saves the dashboard's screenshots.
#include "DeskFixture.h"

#include "AnalyticsPathDialog.h"
#include "BacklogDialog.h"
#include "BulkJobController.h"
#include "ProgressDashboard.h"
#include "journal/Journal.h"

#include <SandboxAnalytics.h>
#include <SandboxDemoData.h>

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>

namespace migdesk::test {

namespace {

using sandbox::SandboxAnalytics;

// Items cleared on each of the last days, oldest first (the last is today).
const std::vector<int> kClearedPerDay = {11, 17, 0, 0, 21, 24, 18, 26, 9};
constexpr int kPullDaysAgo = 2; // Analytics' nightly refresh, read two days ago

QDateTime dayTime(int daysAgo, int hour, int minute)
{
    return QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(hour, minute));
}

} // namespace

class ProgressDesk : public DeskFixture {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_journalPath = m_dir.filePath(QStringLiteral("desk.journal"));
        seedJournal();
        DeskFixture::SetUp();
    }

    // A journal of the last days: each day's items cleared during opening hours.
    void seedJournal()
    {
        SandboxAnalytics analytics;
        analytics.load(sandbox::generateDemoData(400, 1).records);
        const auto table = analytics.table(SandboxAnalytics::backlogReportPath());
        ASSERT_TRUE(table.has_value());
        std::vector<std::pair<qint64, QDateTime>> ends;
        {
            auto opened = Journal::open(m_journalPath);
            ASSERT_TRUE(opened.isOk());
            Journal &journal = *opened.value();
            std::size_t next = 0;
            const int days = int(kClearedPerDay.size());
            for (int d = 0; d < days; ++d) {
                for (int i = 0; i < kClearedPerDay[std::size_t(d)]; ++i) {
                    const QString barcode = table->rows.at(next++).front();
                    const qint64 id = journal.recordIntent(barcode, QStringLiteral("desk"),
                                                           QStringLiteral("desk"));
                    journal.finishIntent(id, Outcome::Done, QString());
                    // Today's items in the early morning, so they are in the past whenever the
                    // test runs; other days from 9:00 on.
                    const int daysAgo = days - 1 - d;
                    ends.emplace_back(id, daysAgo == 0 ? dayTime(0, 0, i)
                                                       : dayTime(daysAgo, 9 + i / 4, (i % 4) * 15));
                    if (daysAgo > kPullDaysAgo || (daysAgo == kPullDaysAgo && i < 3))
                        ++m_clearedBeforePull;
                }
            }
        }
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seed"));
            db.setDatabaseName(m_journalPath);
            ASSERT_TRUE(db.open());
            QSqlQuery query(db);
            for (const auto &[id, when] : ends) {
                query.prepare(QStringLiteral("UPDATE intents SET finished_at = ? WHERE id = ?"));
                query.addBindValue(when.toUTC().toString(Qt::ISODateWithMs));
                query.addBindValue(id);
                ASSERT_TRUE(query.exec());
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("seed"));
    }

    BacklogDialog *openFindItems()
    {
        m_window->bulkJobs()->findItemsAction()->trigger();
        BacklogDialog *dialog = nullptr;
        waitFor([&] {
            dialog = m_window->findChild<BacklogDialog *>();
            return dialog && dialog->isVisible();
        });
        return dialog;
    }

    // Reads the demo's backlog report, then dates the pull two days back at 9:30 (as if read
    // then); returns the snapshot file.
    QString pullBacklog()
    {
        BacklogDialog *dialog = openFindItems();
        EXPECT_NE(dialog, nullptr);
        if (!dialog)
            return {};
        dialog->readAnalytics(SandboxAnalytics::backlogReportPath());
        EXPECT_TRUE(waitFor([&] { return !dialog->isReading(); }));
        const QString path = backlogSnapshotPath(m_journalPath);
        BacklogSnapshot snapshot;
        QString error;
        EXPECT_TRUE(BacklogSnapshot::load(path, &snapshot, &error)) << error.toStdString();
        snapshot.takenAt = dayTime(kPullDaysAgo, 9, 30).toUTC();
        EXPECT_TRUE(snapshot.save(path).isEmpty());
        dialog->close();
        return path;
    }

    int m_clearedBeforePull = 0;
};

TEST_F(ProgressDesk, FromAnalyticsReadsTheReportRemembersThePathAndSavesCounts)
{
    BacklogDialog *dialog = openFindItems();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->analyticsButton()->isEnabled());
    QSignalSpy counted(m_window->bulkJobs(), &BulkJobController::backlogCounted);
    const QString path = SandboxAnalytics::backlogReportPath();
    dialog->readAnalytics(path);
    EXPECT_TRUE(dialog->isReading());
    EXPECT_TRUE(dialog->progressBar()->isVisible());
    ASSERT_TRUE(waitFor([&] { return !dialog->isReading(); }));
    const auto table = m_sandbox->analytics().table(path);
    ASSERT_TRUE(dialog->backlog().ok()) << dialog->message().toStdString();
    EXPECT_EQ(dialog->backlog().rows, int(table->rows.size()));
    EXPECT_GT(dialog->table()->rowCount(), 1);
    EXPECT_FALSE(dialog->progressBar()->isVisible());
    EXPECT_EQ(m_settings->analyticsReportPath(), path);
    EXPECT_EQ(counted.count(), 1);
    BacklogSnapshot snapshot;
    ASSERT_TRUE(BacklogSnapshot::load(backlogSnapshotPath(m_journalPath), &snapshot, nullptr));
    EXPECT_EQ(snapshot.total, qint64(table->rows.size()));
    EXPECT_EQ(snapshot.source, path);
    qint64 sum = 0;
    for (const auto &[library, count] : snapshot.byLibrary)
        sum += count;
    EXPECT_EQ(sum, snapshot.total);

    // A bad path: the reason under the table, the remembered path unchanged.
    dialog->readAnalytics(SandboxAnalytics::folderPath() + QStringLiteral("/Nope"));
    ASSERT_TRUE(waitFor([&] { return !dialog->isReading(); }));
    EXPECT_FALSE(dialog->backlog().ok());
    EXPECT_TRUE(dialog->message().contains(QStringLiteral("Nope")))
        << dialog->message().toStdString();
    EXPECT_EQ(m_settings->analyticsReportPath(), path);
}

TEST_F(ProgressDesk, PathBrowserFillsThePathFromTheChosenReport)
{
    AnalyticsPathDialog browser(m_stack->client(), QString(), m_window.get());
    browser.show();
    browser.browse();
    QTreeWidget *tree = browser.tree();
    // shared > MigDesk Demo > Reports > the report, opened as staff would with the arrow keys.
    QTreeWidgetItem *item = nullptr;
    for (const char *name : {"shared", "MigDesk Demo", "Reports", "Technical - Migration items"}) {
        ASSERT_TRUE(waitFor([&] {
            const int count = item ? item->childCount() : tree->topLevelItemCount();
            for (int i = 0; i < count; ++i) {
                QTreeWidgetItem *child = item ? item->child(i) : tree->topLevelItem(i);
                if (child->text(0) == QLatin1String(name)) {
                    item = child;
                    return true;
                }
            }
            return false;
        })) << name;
        tree->setCurrentItem(item);
        QTest::keyClick(tree, Qt::Key_Right);
    }
    EXPECT_EQ(browser.path(), SandboxAnalytics::backlogReportPath());
}

TEST_F(ProgressDesk, DashboardShowsBacklogPaceAndEndDateAndExports)
{
    const QString snapshotPath = pullBacklog();
    QApplication::setActiveWindow(m_window.get()); // back from Find migration items
    QTest::keyClick(m_window->scanField(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    ProgressDashboard *dashboard = nullptr;
    ASSERT_TRUE(waitFor([&] {
        dashboard = m_window->findChild<ProgressDashboard *>();
        return dashboard && dashboard->isVisible();
    }));
    const ProgressForecast &f = dashboard->forecast();
    const BacklogSnapshot &snapshot = dashboard->snapshot();
    int seeded = 0;
    for (int n : kClearedPerDay)
        seeded += n;
    EXPECT_EQ(f.total, snapshot.total);
    EXPECT_EQ(f.clearedSincePull, seeded - m_clearedBeforePull);
    EXPECT_EQ(f.remaining, snapshot.total - f.clearedSincePull);
    ASSERT_EQ(f.days.size(), kClearedPerDay.size());
    EXPECT_EQ(f.days.back().cleared, kClearedPerDay.back()); // today's fixes show today
    ASSERT_TRUE(f.endDate.has_value());
    EXPECT_GT(*f.endDate, QDate::currentDate());
    EXPECT_TRUE(dashboard->summaryText().contains(QLocale().toString(f.remaining)));
    EXPECT_EQ(dashboard->statusTable()->rowCount(), int(snapshot.byStatus.size()));
    EXPECT_EQ(dashboard->libraryTable()->rowCount(), int(snapshot.byLibrary.size()));
    EXPECT_EQ(dashboard->dayTable()->rowCount(), int(kClearedPerDay.size()));
    EXPECT_EQ(dashboard->clearedView()->chart()->series().size(), 1);
    EXPECT_EQ(dashboard->remainingView()->chart()->series().size(), 2); // remaining, projection

    const QString csvPath = m_dir.filePath(QStringLiteral("progress.csv"));
    ASSERT_TRUE(dashboard->exportCsv(csvPath).isEmpty());
    QFile csvFile(csvPath);
    ASSERT_TRUE(csvFile.open(QIODevice::ReadOnly));
    const QString csvText = QString::fromUtf8(csvFile.readAll());
    EXPECT_TRUE(csvText.contains(QStringLiteral("summary,remaining,%1").arg(f.remaining)));
    EXPECT_EQ(csvText.count(QStringLiteral("\nper_day,")), int(kClearedPerDay.size()));
    EXPECT_TRUE(csvText.contains(QStringLiteral("by_library,Main Library,")));
    const QString pngPath = m_dir.filePath(QStringLiteral("progress.png"));
    ASSERT_TRUE(dashboard->exportPng(pngPath).isEmpty());
    EXPECT_GT(QImage(pngPath).width(), 400);

    // Larger text follows the setting; the tables are reachable by their tab mnemonics.
    const qreal before = dashboard->font().pointSizeF();
    m_settings->setLargerText(true);
    EXPECT_GT(dashboard->font().pointSizeF(), before * 1.2);
    auto *tabs = dashboard->findChild<QTabWidget *>(QStringLiteral("progressTabWidget"));
    ASSERT_NE(tabs, nullptr);
    QApplication::setActiveWindow(dashboard);
    QTest::keyClick(dashboard, Qt::Key_L, Qt::AltModifier);
    EXPECT_EQ(tabs->currentWidget(), dashboard->libraryTable());
    // With larger text it still fits a 1366x768 screen (a title bar and a panel take ~40 px).
    EXPECT_LE(dashboard->minimumSizeHint().height(), 728);
    EXPECT_LE(dashboard->minimumSizeHint().width(), 1366);

    if (const QString dir = qEnvironmentVariable("MIGDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        m_settings->setLargerText(false);
        tabs->setCurrentIndex(0);
        dashboard->resize(1280, 860);
        QTest::qWait(100);
        ASSERT_TRUE(dashboard->grab().save(QDir(dir).filePath(QStringLiteral("dashboard.png"))));
        m_settings->setLargerText(true);
        tabs->setCurrentIndex(1);
        dashboard->resize(1366, 728);
        QTest::qWait(100);
        ASSERT_TRUE(
            dashboard->grab().save(QDir(dir).filePath(QStringLiteral("dashboard-larger.png"))));
    }
    Q_UNUSED(snapshotPath);
}

// The demo has no journal: the counts of a read last for the session, and no file is written.
using DemoDashboardDesk = DeskFixture;

TEST_F(DemoDashboardDesk, WithoutAJournalTheSessionsLatestReadFeedsTheDashboard)
{
    m_window->bulkJobs()->findItemsAction()->trigger();
    BacklogDialog *dialog = nullptr;
    ASSERT_TRUE(waitFor([&] {
        dialog = m_window->findChild<BacklogDialog *>();
        return dialog && dialog->isVisible();
    }));
    dialog->readAnalytics(SandboxAnalytics::allItemsReportPath());
    ASSERT_TRUE(waitFor([&] { return !dialog->isReading(); }));
    const qint64 migration = dialog->backlog().migrationRows;
    ProgressDashboard *dashboard = m_window->openDashboard();
    EXPECT_EQ(dashboard->snapshot().total, migration); // the other process types are not backlog
    EXPECT_EQ(dashboard->snapshot().rows, dialog->backlog().rows);
    EXPECT_EQ(dashboard->forecast().clearedSincePull, 0);
    EXPECT_TRUE(backlogSnapshotPath(QString()).isEmpty());
    EXPECT_TRUE(QDir(m_dir.path()).entryList({QStringLiteral("*.backlog.json")}).isEmpty());
}

} // namespace migdesk::test
