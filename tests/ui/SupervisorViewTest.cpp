// The supervisor's view: per operator and day from the journal (done, needs staff, errors,
// items per hour), in the table and the chart, and its CSV. With MIGDESK_SCREENSHOT_DIR set,
// renders it for the user guide.
#include "SupervisorDialog.h"

#include "journal/Journal.h"

#include <QDir>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace migdesk::test {

namespace {

// Records a finished item for `name`, then sets its times (the journal stamps "now").
void finished(Journal &journal, const QString &name, const QString &barcode, Outcome outcome)
{
    journal.setOperator(name);
    const qint64 id = journal.recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    journal.finishIntent(id, outcome, QString());
}

} // namespace

TEST(SupervisorViewTest, CountsPerOperatorAndDayAndExportsThem)
{
    QTemporaryDir dir;
    auto opened = Journal::open(dir.filePath(QStringLiteral("journal.sqlite")));
    ASSERT_TRUE(opened.isOk());
    Journal &journal = *opened.value();
    finished(journal, QStringLiteral("AB"), QStringLiteral("1"), Outcome::Done);
    finished(journal, QStringLiteral("AB"), QStringLiteral("2"), Outcome::TransitOrHold);
    finished(journal, QStringLiteral("AB"), QStringLiteral("3"), Outcome::NeedsStaff);
    finished(journal, QStringLiteral("CD"), QStringLiteral("4"), Outcome::Error);
    finished(journal, QStringLiteral("CD"), QStringLiteral("5"), Outcome::NotFound);
    journal.setOperator(QStringLiteral("CD"));
    journal.recordIntent(QStringLiteral("6"), QStringLiteral("desk"), QStringLiteral("desk"));

    SupervisorDialog dialog(&journal);
    const auto &days = dialog.days();
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0].operatorName, QStringLiteral("AB"));
    EXPECT_EQ(days[0].items, 3);
    EXPECT_EQ(days[0].done, 2);
    EXPECT_EQ(days[0].needsStaff, 1);
    EXPECT_EQ(days[1].operatorName, QStringLiteral("CD"));
    EXPECT_EQ(days[1].items, 2) << "the unfinished scan does not count";
    EXPECT_EQ(days[1].errors, 2);
    EXPECT_GT(days[0].itemsPerHour(), 0);
    EXPECT_EQ(dialog.table()->rowCount(), 2);
    EXPECT_EQ(dialog.table()->item(1, 0)->text(), QStringLiteral("CD"));
    EXPECT_EQ(dialog.table()->item(1, 5)->text(), QStringLiteral("2"));

    const QString csvPath = dir.filePath(QStringLiteral("operators.csv"));
    QString error;
    ASSERT_TRUE(dialog.exportTo(csvPath, &error)) << error.toStdString();
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"));
    EXPECT_EQ(lines[0],
              QStringLiteral("operator,day,items,done,needs_staff,errors,items_per_hour"));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("AB,") +
                                    QDate::currentDate().toString(Qt::ISODate) +
                                    QStringLiteral(",3,2,1,0,")))
        << lines[1].toStdString();
}

TEST(SupervisorViewTest, WithoutAJournalItSaysSo)
{
    SupervisorDialog dialog(nullptr);
    EXPECT_TRUE(dialog.days().empty());
    EXPECT_EQ(dialog.table()->rowCount(), 0);
}

// Rendered only for scripts/screenshots.sh (MIGDESK_SCREENSHOT_DIR): a week of three operators.
TEST(SupervisorViewScreenshot, ThreeOperators)
{
    const QString out = qEnvironmentVariable("MIGDESK_SCREENSHOT_DIR");
    if (out.isEmpty())
        GTEST_SKIP() << "set MIGDESK_SCREENSHOT_DIR to render screenshots";
    std::vector<OperatorDay> days;
    const QDate monday(2026, 11, 30);
    const struct {
        const char *name;
        int day, done, staff, errors;
        double hours;
    } rows[] = {{"J. Smith", 0, 118, 9, 2, 3.5}, {"KL", 0, 64, 12, 1, 2.0},
                {"J. Smith", 1, 131, 7, 0, 4.0}, {"M. Okafor", 1, 88, 15, 3, 3.0},
                {"KL", 2, 97, 6, 1, 3.2},        {"M. Okafor", 2, 102, 11, 2, 3.4}};
    for (const auto &row : rows) {
        OperatorDay day;
        day.operatorName = QString::fromUtf8(row.name);
        day.day = monday.addDays(row.day);
        day.done = row.done;
        day.needsStaff = row.staff;
        day.errors = row.errors;
        day.items = row.done + row.staff + row.errors;
        day.hours = row.hours;
        days.push_back(day);
    }
    SupervisorDialog dialog(nullptr);
    dialog.setDays(days);
    dialog.resize(960, 680);
    dialog.show();
    (void)QTest::qWaitForWindowExposed(&dialog);
    QTest::qWait(100);
    QDir().mkpath(out);
    ASSERT_TRUE(dialog.grab().save(QDir(out).filePath(QStringLiteral("42-supervisors-view.png"))));
}

} // namespace migdesk::test
