// Journal::Batch: many records in one SQLite transaction (see Journal.h for the crash rule).
#include "journal/Journal.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace migdesk {

Journal::Batch::Batch(Journal &journal)
    : m_journal(journal)
    , m_open(journal.beginBatch())
{}

Journal::Batch::~Batch()
{
    if (m_open)
        commit();
}

bool Journal::Batch::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    return m_journal.endBatch(true);
}

void Journal::Batch::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    m_journal.endBatch(false);
}

bool Journal::beginBatch()
{
    if (m_batchDepth > 0) {
        ++m_batchDepth; // joins the outer batch
        return true;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        m_lastError = db.lastError().text();
        ++m_failures;
        return false;
    }
    m_batchDepth = 1;
    m_batchFailuresAtStart = m_failures;
    m_batchRolledBack = false;
    return true;
}

bool Journal::endBatch(bool commit)
{
    if (m_batchDepth <= 0)
        return false;
    if (!commit)
        m_batchRolledBack = true; // an inner rollback dooms the whole batch
    if (--m_batchDepth > 0)
        return !m_batchRolledBack && m_failures == m_batchFailuresAtStart;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (m_batchRolledBack || m_failures != m_batchFailuresAtStart) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        ++m_failures;
        db.rollback();
        return false;
    }
    return true;
}

bool Journal::flushBatch()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const bool ok = !m_batchRolledBack && m_failures == m_batchFailuresAtStart && db.commit();
    if (!ok) {
        if (m_failures == m_batchFailuresAtStart && !m_batchRolledBack) {
            m_lastError = db.lastError().text();
            ++m_failures;
        }
        db.rollback();
        m_batchRolledBack = true;
    }
    // The batch goes on in a new transaction; after a failure it stays doomed until it ends.
    if (!db.transaction()) {
        m_lastError = db.lastError().text();
        ++m_failures;
    }
    return ok;
}

} // namespace migdesk
