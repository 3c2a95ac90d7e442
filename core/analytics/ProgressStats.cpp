// Cleared-per-day and the end-date forecast (see ProgressStats.h).
#include "analytics/ProgressStats.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace migdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::ProgressStats", text);
}

} // namespace

std::vector<QDateTime> readClearedTimes(const QString &journalPath, QString *error)
{
    std::vector<QDateTime> out;
    if (journalPath.isEmpty() || !QFileInfo::exists(journalPath))
        return out;
    const QString name =
        QStringLiteral("migdesk-progress-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(journalPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        QSqlQuery query(db);
        if (!db.open() || !query.exec(QStringLiteral(
                              "SELECT barcode, finished_at FROM intents WHERE outcome = 'done' "
                              "AND finished_at IS NOT NULL ORDER BY finished_at, id"))) {
            if (error)
                *error = tr("Cannot read the journal %1: %2")
                             .arg(journalPath,
                                  db.isOpen() ? query.lastError().text() : db.lastError().text());
        } else {
            QSet<QString> seen;
            while (query.next()) {
                const QString barcode = query.value(0).toString();
                const QDateTime at =
                    QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
                if (!at.isValid() || seen.contains(barcode))
                    continue;
                seen.insert(barcode);
                out.push_back(at);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    std::sort(out.begin(), out.end());
    return out;
}

ProgressForecast forecastProgress(const BacklogSnapshot &snapshot,
                                  const std::vector<QDateTime> &cleared, const QDate &today,
                                  int paceWindow)
{
    ProgressForecast out;
    const bool havePull = !snapshot.isEmpty();
    out.total = snapshot.total;
    std::map<QDate, int> perDay;
    std::map<QDate, int> afterPull; // of them, cleared after the pull
    for (const QDateTime &at : cleared) {
        const QDate day = at.toLocalTime().date();
        ++perDay[day];
        if (havePull && at > snapshot.takenAt) {
            ++afterPull[day];
            ++out.clearedSincePull;
        }
    }
    out.remaining = havePull ? std::max<qint64>(0, out.total - out.clearedSincePull) : 0;

    QDate first = today;
    if (!perDay.empty())
        first = std::min(first, perDay.begin()->first);
    if (havePull)
        first = std::min(first, snapshot.takenAt.toLocalTime().date());
    // Remaining at the end of day d: the pull's total, minus what was cleared after the pull up
    // to d, plus what was cleared before the pull but after d.
    qint64 beforePullAfterDay = 0;
    for (const auto &[day, count] : perDay)
        beforePullAfterDay += count - (afterPull.count(day) ? afterPull.at(day) : 0);
    qint64 afterPullUpToDay = 0;
    for (QDate day = first; day <= today; day = day.addDays(1)) {
        ProgressDay entry;
        entry.date = day;
        entry.cleared = perDay.count(day) ? perDay.at(day) : 0;
        const int after = afterPull.count(day) ? afterPull.at(day) : 0;
        afterPullUpToDay += after;
        beforePullAfterDay -= entry.cleared - after;
        entry.remaining =
            havePull ? std::max<qint64>(0, out.total - afterPullUpToDay + beforePullAfterDay) : 0;
        out.days.push_back(entry);
    }

    // The pace: the last `paceWindow` days, or fewer when the journal is younger than that.
    const QDate windowStart = today.addDays(1 - std::max(1, paceWindow));
    const QDate start = perDay.empty() ? today : std::max(windowStart, perDay.begin()->first);
    out.paceDays = int(start.daysTo(today)) + 1;
    int inWindow = 0;
    for (const auto &[day, count] : perDay) {
        if (day >= start && day <= today)
            inWindow += count;
    }
    out.perDay = double(inWindow) / out.paceDays;
    if (havePull && out.remaining == 0)
        out.endDate = today;
    else if (havePull && out.perDay > 0)
        out.endDate = today.addDays(qint64(std::ceil(double(out.remaining) / out.perDay)));
    return out;
}

} // namespace migdesk
