// The dashboard's numbers: items cleared per day read from a journal (first "done" per barcode,
// nothing else), remaining after the latest pull, and the end date at the current pace.
#include "TestSupport.h"

#include "analytics/ProgressStats.h"
#include "journal/Journal.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

const QDate kDay1(2026, 11, 2);

QDateTime at(int day, int hour)
{
    return QDateTime(kDay1.addDays(day - 1), QTime(hour, 0));
}

// Records `barcode` ending with `outcome`, then dates its end `when`.
void record(const QString &path, const QString &barcode, Outcome outcome, const QDateTime &when)
{
    qint64 id = 0;
    {
        auto opened = Journal::open(path);
        ASSERT_TRUE(opened.isOk());
        id = opened.value()->recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
        opened.value()->finishIntent(id, outcome, QString());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE intents SET finished_at = ? WHERE id = ?"));
        query.addBindValue(when.toUTC().toString(Qt::ISODateWithMs));
        query.addBindValue(id);
        ASSERT_TRUE(query.exec());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("t"));
}

BacklogSnapshot pull(qint64 total, const QDateTime &when)
{
    BacklogSnapshot snapshot;
    snapshot.total = total;
    snapshot.rows = total;
    snapshot.takenAt = when.toUTC();
    snapshot.source = QStringLiteral("/shared/X/Reports/R");
    return snapshot;
}

std::vector<QDateTime> times(const std::vector<std::pair<int, int>> &dayHours)
{
    std::vector<QDateTime> out;
    for (const auto &[day, hour] : dayHours)
        out.push_back(at(day, hour).toUTC());
    return out;
}

} // namespace

TEST(ProgressStatsTest, ClearedTimesAreEachBarcodesFirstDone)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    record(path, QStringLiteral("A"), Outcome::Done, at(1, 10));
    record(path, QStringLiteral("A"), Outcome::Done, at(2, 10)); // A again: not a second item
    record(path, QStringLiteral("B"), Outcome::Error, at(1, 11));
    record(path, QStringLiteral("C"), Outcome::Done, at(2, 9));
    record(path, QStringLiteral("D"), Outcome::DryRun, at(2, 9));
    record(path, QStringLiteral("E"), Outcome::NeedsStaff, at(2, 12));
    QString error;
    const auto cleared = readClearedTimes(path, &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_EQ(cleared.size(), 2u);
    EXPECT_EQ(cleared[0], at(1, 10));
    EXPECT_EQ(cleared[1], at(2, 9));
    EXPECT_TRUE(readClearedTimes(dir.filePath(QStringLiteral("none.sqlite")), &error).empty());
}

TEST(ProgressStatsTest, RemainingCountsOnlyWhatWasClearedAfterThePull)
{
    // 5 on day 1, 3 on day 2, 2 on day 3 before the pull at 10:00, 4 after it, 6 on day 4.
    std::vector<std::pair<int, int>> list;
    for (int i = 0; i < 5; ++i)
        list.emplace_back(1, 9);
    for (int i = 0; i < 3; ++i)
        list.emplace_back(2, 9);
    list.emplace_back(3, 8);
    list.emplace_back(3, 9);
    for (int i = 0; i < 4; ++i)
        list.emplace_back(3, 14);
    for (int i = 0; i < 6; ++i)
        list.emplace_back(4, 11);
    const ProgressForecast f = forecastProgress(pull(100, at(3, 10)), times(list), at(4, 0).date());
    EXPECT_EQ(f.total, 100);
    EXPECT_EQ(f.clearedSincePull, 10);
    EXPECT_EQ(f.remaining, 90);
    ASSERT_EQ(f.days.size(), 4u);
    EXPECT_EQ(f.days[0].cleared, 5);
    EXPECT_EQ(f.days[0].remaining, 105); // the 5 cleared on days 2-3 before the pull were there
    EXPECT_EQ(f.days[1].remaining, 102);
    EXPECT_EQ(f.days[2].cleared, 6);
    EXPECT_EQ(f.days[2].remaining, 96);
    EXPECT_EQ(f.days[3].remaining, 90);
    // 20 items in 4 days of journal: 5 a day, 90 left: 18 days.
    EXPECT_EQ(f.paceDays, 4);
    EXPECT_DOUBLE_EQ(f.perDay, 5.0);
    ASSERT_TRUE(f.endDate.has_value());
    EXPECT_EQ(*f.endDate, at(4, 0).date().addDays(18));
}

TEST(ProgressStatsTest, PaceLooksAtTheLastWeekOnly)
{
    // 70 long ago, 7 in the last week (on its first day): 1 a day.
    std::vector<std::pair<int, int>> list;
    for (int i = 0; i < 70; ++i)
        list.emplace_back(1, 10);
    for (int i = 0; i < 7; ++i)
        list.emplace_back(24, 10);
    const ProgressForecast f =
        forecastProgress(pull(50, at(20, 10)), times(list), at(30, 0).date());
    EXPECT_EQ(f.paceDays, 7);
    EXPECT_DOUBLE_EQ(f.perDay, 1.0);
    EXPECT_EQ(f.remaining, 43);
    EXPECT_EQ(*f.endDate, at(30, 0).date().addDays(43));
}

TEST(ProgressStatsTest, NoPullOrNoPaceGivesNoEndDate)
{
    const auto cleared = times({{1, 10}, {2, 10}});
    const ProgressForecast noPull = forecastProgress(BacklogSnapshot(), cleared, at(2, 0).date());
    EXPECT_FALSE(noPull.endDate.has_value());
    EXPECT_EQ(noPull.days.size(), 2u);
    EXPECT_EQ(noPull.days[1].cleared, 1);
    const ProgressForecast idle = forecastProgress(pull(10, at(1, 8)), {}, at(3, 0).date());
    EXPECT_EQ(idle.remaining, 10);
    EXPECT_DOUBLE_EQ(idle.perDay, 0.0);
    EXPECT_FALSE(idle.endDate.has_value());
    const ProgressForecast done =
        forecastProgress(pull(2, at(1, 8)), times({{1, 10}, {1, 11}}), at(1, 0).date());
    EXPECT_EQ(done.remaining, 0);
    EXPECT_EQ(done.endDate, at(1, 0).date());
}
