// The journal in SQLite (see Journal.h).
#include "journal/Journal.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace migdesk {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

bool JournalIntent::hasOpenWrite() const
{
    for (const auto &write : writes) {
        if (write.isOpen())
            return true;
    }
    return false;
}

bool Journal::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql)) {
        m_lastError = query.lastError().text();
        ++m_failures;
        return false;
    }
    return true;
}

namespace {

// Runs a prepared statement with positional binds; returns the query for reading.
QSqlQuery run(const QString &connection, const QString &sql, const QVariantList &binds,
              QString &lastError, int &failures)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.prepare(sql);
    for (const auto &value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        lastError = query.lastError().text();
        ++failures;
    }
    return query;
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(value);
}

} // namespace

qint64 Journal::recordIntent(const QString &barcode, const QString &source, const QString &mode,
                             qint64 runId)
{
    QSqlQuery query = run(m_connectionName,
                          QStringLiteral("INSERT INTO intents (run_id, barcode, source, mode, "
                                         "created_at, operator_name) VALUES (?, ?, ?, ?, ?, ?)"),
                          {runId, text(barcode), text(source), text(mode), now(), text(m_operator)},
                          m_lastError, m_failures);
    return query.lastInsertId().toLongLong();
}

void Journal::recordLookup(qint64 intentId, const Item &item, const QStringList &statusIds,
                           const QString &planJson)
{
    run(m_connectionName,
        QStringLiteral("UPDATE intents SET item_json = ?, item_path = ?, title = ?, call_number = "
                       "?, status_ids = ?, plan_json = ? WHERE id = ?"),
        {serializeItem(item), text(item.itemPath()), text(item.title), text(item.callNumber),
         statusIds.join(QLatin1Char(',')), text(planJson), intentId},
        m_lastError, m_failures);
}

qint64 Journal::beginWrite(qint64 intentId, const QString &kind, const Item &before,
                           const QString &requestSummary, qint64 undoOf)
{
    QSqlQuery query =
        run(m_connectionName,
            QStringLiteral("INSERT INTO writes (intent_id, kind, status, request_summary, "
                           "before_json, undo_of, started_at, operator_name) VALUES (?, ?, "
                           "'sent', ?, ?, ?, ?, ?)"),
            {intentId, text(kind), text(requestSummary), serializeItem(before), undoOf, now(),
             text(m_operator)},
            m_lastError, m_failures);
    const qint64 id = query.lastInsertId().toLongLong();
    // The caller sends the write right after this: inside a batch, it must be on disk first.
    if (inBatch() && !flushBatch())
        return 0;
    return id;
}

void Journal::endWrite(qint64 writeId, const QString &status, const QString &replySummary)
{
    run(m_connectionName,
        QStringLiteral("UPDATE writes SET status = ?, reply_summary = ?, finished_at = ? WHERE id "
                       "= ?"),
        {text(status), text(replySummary), now(), writeId}, m_lastError, m_failures);
}

void Journal::endWrite(qint64 writeId, const QString &status, const QString &replySummary,
                       const Item &after)
{
    run(m_connectionName,
        QStringLiteral("UPDATE writes SET status = ?, reply_summary = ?, after_json = ?, "
                       "finished_at = ? WHERE id = ?"),
        {text(status), text(replySummary), serializeItem(after), now(), writeId}, m_lastError,
        m_failures);
}

void Journal::finishIntent(qint64 intentId, Outcome outcome, const QString &message)
{
    run(m_connectionName,
        QStringLiteral("UPDATE intents SET outcome = ?, message = ?, finished_at = ? WHERE id = ?"),
        {outcomeName(outcome), text(message), now(), intentId}, m_lastError, m_failures);
}

void Journal::setIntentDetail(qint64 intentId, const QString &detailJson)
{
    run(m_connectionName, QStringLiteral("UPDATE intents SET detail_json = ? WHERE id = ?"),
        {text(detailJson), intentId}, m_lastError, m_failures);
}

namespace {
const char kBulkJobMark[] = "\"bulk_job\":\"missing\"";
}

void Journal::markBulkJobWaiting(qint64 intentId)
{
    setIntentDetail(intentId, QStringLiteral("{%1}").arg(QLatin1String(kBulkJobMark)));
}

std::vector<JournalIntent> Journal::bulkJobWaitingIntents(const QStringList &sources) const
{
    if (sources.isEmpty())
        return {};
    QStringList marks;
    QVariantList binds;
    for (const QString &source : sources) {
        marks << QStringLiteral("?");
        binds << source;
    }
    binds << outcomeName(Outcome::NeedsStaff) << QLatin1String(kBulkJobMark)
          << outcomeName(Outcome::Skipped);
    // intents_barcode keeps the "newer intent" check to an index probe per candidate.
    const QString where =
        QStringLiteral(
            "source IN (%1) AND outcome = ? AND instr(detail_json, ?) > 0 AND NOT "
            "EXISTS (SELECT 1 FROM intents later WHERE later.barcode = "
            "intents.barcode AND later.id > intents.id AND NOT (COALESCE(later.outcome, '') = ? "
            "AND (later.item_json IS NULL OR length(later.item_json) = 0)))")
            .arg(marks.join(QLatin1Char(',')));
    return selectIntents(where, binds, QStringLiteral("ORDER BY id"));
}

std::vector<JournalWrite> Journal::writesOf(qint64 intentId) const
{
    std::vector<JournalWrite> writes;
    QSqlQuery query = run(m_connectionName,
                          QStringLiteral("SELECT id, intent_id, kind, status, request_summary, "
                                         "reply_summary, before_json, after_json, undo_of, "
                                         "started_at, finished_at, operator_name FROM writes WHERE "
                                         "intent_id = ? "
                                         "ORDER BY id"),
                          {intentId}, m_lastError, m_failures);
    while (query.next()) {
        JournalWrite write;
        write.id = query.value(0).toLongLong();
        write.intentId = query.value(1).toLongLong();
        write.kind = query.value(2).toString();
        write.status = query.value(3).toString();
        write.requestSummary = query.value(4).toString();
        write.replySummary = query.value(5).toString();
        write.beforeJson = query.value(6).toByteArray();
        write.afterJson = query.value(7).toByteArray();
        write.undoOf = query.value(8).toLongLong();
        write.startedAt = parseTime(query.value(9));
        write.finishedAt = parseTime(query.value(10));
        write.operatorName = query.value(11).toString();
        writes.push_back(std::move(write));
    }
    return writes;
}

std::vector<JournalIntent> Journal::selectIntents(const QString &where, const QVariantList &binds,
                                                  const QString &tail) const
{
    std::vector<JournalIntent> intents;
    QString sql = QStringLiteral(
        "SELECT id, run_id, barcode, source, mode, created_at, item_json, item_path, title, "
        "call_number, status_ids, plan_json, outcome, message, detail_json, finished_at, "
        "operator_name FROM intents");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    sql += QLatin1Char(' ') + tail;
    QSqlQuery query = run(m_connectionName, sql, binds, m_lastError, m_failures);
    while (query.next()) {
        JournalIntent intent;
        intent.id = query.value(0).toLongLong();
        intent.runId = query.value(1).toLongLong();
        intent.barcode = query.value(2).toString();
        intent.source = query.value(3).toString();
        intent.mode = query.value(4).toString();
        intent.createdAt = parseTime(query.value(5));
        intent.itemJson = query.value(6).toByteArray();
        intent.itemPath = query.value(7).toString();
        intent.title = query.value(8).toString();
        intent.callNumber = query.value(9).toString();
        const QString ids = query.value(10).toString();
        if (!ids.isEmpty())
            intent.statusIds = ids.split(QLatin1Char(','));
        intent.planJson = query.value(11).toString();
        if (!query.value(12).isNull())
            intent.outcome = outcomeFromName(query.value(12).toString());
        intent.message = query.value(13).toString();
        intent.detailJson = query.value(14).toString();
        intent.finishedAt = parseTime(query.value(15));
        intent.operatorName = query.value(16).toString();
        intents.push_back(std::move(intent));
    }
    for (auto &intent : intents)
        intent.writes = writesOf(intent.id);
    return intents;
}

std::vector<JournalIntent> Journal::unfinishedIntents() const
{
    return selectIntents(QStringLiteral("outcome IS NULL OR outcome = 'pending'"), {},
                         QStringLiteral("ORDER BY id"));
}

int Journal::pendingCount() const
{
    QSqlQuery query = run(
        m_connectionName,
        QStringLiteral("SELECT COUNT(*) FROM intents WHERE outcome IS NULL OR outcome = 'pending'"),
        {}, m_lastError, m_failures);
    return query.next() ? query.value(0).toInt() : 0;
}

std::vector<JournalIntent> Journal::intents(const JournalQuery &q) const
{
    QStringList where;
    QVariantList binds;
    if (q.runId) {
        where << QStringLiteral("run_id = ?");
        binds << *q.runId;
    }
    if (!q.source.isEmpty()) {
        where << QStringLiteral("source = ?");
        binds << q.source;
    }
    if (q.onlyUnfinished)
        where << QStringLiteral("(outcome IS NULL OR outcome = 'pending')");
    // created_at is UTC ISO text of one fixed width: text order is time order.
    if (q.from.isValid()) {
        where << QStringLiteral("created_at >= ?");
        binds << q.from.toUTC().toString(Qt::ISODateWithMs);
    }
    if (q.to.isValid()) {
        where << QStringLiteral("created_at < ?");
        binds << q.to.toUTC().toString(Qt::ISODateWithMs);
    }
    QString tail =
        q.newestFirst ? QStringLiteral("ORDER BY id DESC") : QStringLiteral("ORDER BY id");
    if (q.limit >= 0)
        tail += QStringLiteral(" LIMIT %1").arg(q.limit);
    return selectIntents(where.join(QStringLiteral(" AND ")), binds, tail);
}

std::optional<JournalIntent> Journal::intent(qint64 intentId) const
{
    auto found = selectIntents(QStringLiteral("id = ?"), {intentId}, {});
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::optional<FieldChange> Journal::lastFieldChange(const QString &barcode) const
{
    if (barcode.isEmpty())
        return findFieldChange({}, {});
    return findFieldChange(QStringLiteral("i.barcode = ?"), {barcode});
}

std::optional<FieldChange> Journal::lastFieldChangeOfIntent(qint64 intentId) const
{
    return findFieldChange(QStringLiteral("w.intent_id = ?"), {intentId});
}

std::optional<FieldChange> Journal::findFieldChange(const QString &where,
                                                    const QVariantList &binds) const
{
    // The newest successful field PUT that is not an undo and was not undone since.
    QString sql = QStringLiteral(
        "SELECT w.id, w.intent_id, i.barcode, w.request_summary, w.before_json, w.after_json, "
        "w.finished_at, w.operator_name FROM writes w JOIN intents i ON i.id = w.intent_id WHERE "
        "w.kind = 'put' AND w.status IN ('ok', 'verified_ok') AND w.undo_of = 0 AND NOT EXISTS "
        "(SELECT 1 FROM writes u WHERE u.undo_of = w.id AND u.status IN ('ok', 'verified_ok', "
        "'sent', 'unknown'))");
    if (!where.isEmpty())
        sql += QStringLiteral(" AND ") + where;
    sql += QStringLiteral(" ORDER BY w.id DESC LIMIT 1");
    QSqlQuery query = run(m_connectionName, sql, binds, m_lastError, m_failures);
    if (!query.next())
        return std::nullopt;
    FieldChange change;
    change.writeId = query.value(0).toLongLong();
    change.intentId = query.value(1).toLongLong();
    change.barcode = query.value(2).toString();
    change.requestSummary = query.value(3).toString();
    auto before = parseItem(query.value(4).toByteArray());
    if (!before)
        return std::nullopt;
    change.before = before.value();
    const QByteArray afterJson = query.value(5).toByteArray();
    if (!afterJson.isEmpty()) {
        if (auto after = parseItem(afterJson)) {
            change.after = after.value();
            change.hasAfter = true;
        }
    }
    change.at = parseTime(query.value(6));
    change.operatorName = query.value(7).toString();
    // A later write of the same item (the scan-in after a condition change) left it as its own
    // reply says: the stale check compares Alma's record with that, the newest known state.
    QSqlQuery later = run(m_connectionName,
                          QStringLiteral("SELECT w.after_json FROM writes w JOIN intents i ON "
                                         "i.id = w.intent_id WHERE i.barcode = ? AND w.id > ? AND "
                                         "w.status IN ('ok', 'verified_ok') AND "
                                         "length(w.after_json) > 0 ORDER BY w.id DESC LIMIT 1"),
                          {change.barcode, change.writeId}, m_lastError, m_failures);
    if (later.next()) {
        if (auto after = parseItem(later.value(0).toByteArray())) {
            change.after = after.value();
            change.hasAfter = true;
        }
    }
    return change;
}

qint64 Journal::beginRun(const QString &inputDigest, const QString &mode, bool dryRun)
{
    QSqlQuery query =
        run(m_connectionName,
            QStringLiteral("INSERT INTO runs (started_at, input_digest, mode, "
                           "dry_run) VALUES (?, ?, ?, ?)"),
            {now(), text(inputDigest), text(mode), dryRun ? 1 : 0}, m_lastError, m_failures);
    return query.lastInsertId().toLongLong();
}

void Journal::finishRun(qint64 runId)
{
    run(m_connectionName, QStringLiteral("UPDATE runs SET finished_at = ? WHERE id = ?"),
        {now(), runId}, m_lastError, m_failures);
}

std::optional<Journal::RunInfo> Journal::latestRun() const
{
    QSqlQuery query = run(m_connectionName,
                          QStringLiteral("SELECT id, input_digest, mode, dry_run, finished_at "
                                         "FROM runs ORDER BY id DESC LIMIT 1"),
                          {}, m_lastError, m_failures);
    if (!query.next())
        return std::nullopt;
    RunInfo info;
    info.id = query.value(0).toLongLong();
    info.inputDigest = query.value(1).toString();
    info.mode = query.value(2).toString();
    info.dryRun = query.value(3).toInt() != 0;
    info.finished = !query.value(4).isNull();
    return info;
}

} // namespace migdesk
