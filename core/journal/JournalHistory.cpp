// Journal: the days with scans, for the history browser (see Journal.h).
#include "journal/Journal.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <set>

namespace migdesk {

std::vector<QDate> Journal::days() const
{
    // One row per UTC hour with scans: each hour falls on one local day whatever the time zone
    // (zones are whole or half hours off; a half hour is read at its start).
    std::set<QDate, std::greater<>> days;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT DISTINCT substr(created_at, 1, 13) FROM intents"))) {
        m_lastError = query.lastError().text();
        return {};
    }
    while (query.next()) {
        const QDateTime hour = QDateTime::fromString(
            query.value(0).toString() + QStringLiteral(":00:00Z"), Qt::ISODate);
        if (hour.isValid())
            days.insert(hour.toLocalTime().date());
    }
    return {days.begin(), days.end()};
}

} // namespace migdesk
