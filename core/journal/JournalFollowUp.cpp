// Journal: the follow-up work list, kept across restarts (see Journal.h).
#include "journal/Journal.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace migdesk {

// The follow-up list's table, in one function of its own so it can become a schema migration.
bool Journal::saveFollowUpList(const QStringList &barcodes, const QString &summary)
{
    Batch batch(*this);
    if (!exec(QStringLiteral("DELETE FROM follow_up_list")))
        return false;
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT INTO follow_up_list (position, barcode, summary, "
                                 "imported_at) VALUES (?, ?, ?, ?)"));
    for (qsizetype i = 0; i < barcodes.size(); ++i) {
        query.addBindValue(static_cast<qint64>(i));
        query.addBindValue(barcodes.at(i));
        query.addBindValue(summary);
        query.addBindValue(at);
        if (!query.exec()) {
            m_lastError = query.lastError().text();
            ++m_failures;
            batch.rollback();
            return false;
        }
    }
    return batch.commit();
}

void Journal::markFollowUpTaken(const QString &barcode)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE follow_up_list SET taken = 1 WHERE barcode = ?"));
    query.addBindValue(barcode);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        ++m_failures;
    }
}

Journal::FollowUpList Journal::followUpList() const
{
    FollowUpList list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT barcode, taken, summary FROM follow_up_list ORDER BY "
                                   "position"))) {
        m_lastError = query.lastError().text();
        return list;
    }
    while (query.next()) {
        ++list.total;
        list.summary = query.value(2).toString();
        if (query.value(1).toInt() == 0)
            list.remaining << query.value(0).toString();
    }
    return list;
}

} // namespace migdesk
