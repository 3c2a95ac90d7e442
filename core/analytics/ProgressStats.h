// The clean-up's progress: items cleared per day, read from the journal (so today's fixes show
// today, although Analytics refreshes once a day), what remains of the latest backlog pull, and
// the date the backlog is gone at the current pace.
#pragma once

#include "analytics/BacklogSnapshot.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace migdesk {

// When each item was first cleared (an intent ended "done"), oldest first; one entry per
// barcode. Reads the journal file through its own read-only connection (the desk may hold the
// journal open). Empty with `error` set when the file cannot be read; a missing path is no
// error (no journal yet).
std::vector<QDateTime> readClearedTimes(const QString &journalPath, QString *error = nullptr);

struct ProgressDay {
    QDate date;
    int cleared = 0;      // items first cleared that day (local time)
    qint64 remaining = 0; // the backlog at the end of that day
};

struct ProgressForecast {
    qint64 total = 0;     // the latest pull's backlog
    qint64 remaining = 0; // minus the items cleared since the pull
    qint64 clearedSincePull = 0;
    double perDay = 0;             // the current pace: items a day over the last `paceDays` days
    int paceDays = 0;              // days the pace is measured over
    std::optional<QDate> endDate;  // when remaining reaches 0 at that pace
    std::vector<ProgressDay> days; // every day from the first clearing (or the pull) to today
};

// `cleared` from readClearedTimes(); `snapshot` may be empty (no pull yet: remaining unknown,
// the days still count what was cleared). `paceWindow`: days of history the pace looks at.
ProgressForecast forecastProgress(const BacklogSnapshot &snapshot,
                                  const std::vector<QDateTime> &cleared, const QDate &today,
                                  int paceWindow = 7);

} // namespace migdesk
