// A bulk run with the resolution stamp (see BulkRunner.h): the read before the job that splits
// the items, and the items done one by one after it.
#include "bulk/BulkRunner.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"
#include "journal/Journal.h"
#include "legacy/NoteParser.h"
#include "model/ErrorPolicy.h"
#include "pipeline/Executor.h"

#include <QCoreApplication>

namespace migdesk {

namespace {

constexpr int kMaxStatusesInStamp = 3;

// The ids of the legacy statuses an item's migrated notes name, in note order; UNKNOWN left out.
QStringList legacyStatusIds(const Item &item)
{
    static const NoteParser parser;
    QStringList ids;
    for (const StatusMatch &match : parser.parse(item).statuses) {
        if (match.id != QLatin1String("UNKNOWN"))
            ids << match.id;
    }
    return ids;
}

// Alma's job would replace the note: an item whose field holds text is done one by one.
bool holdsText(const Item &item, const QString &field)
{
    return !noteField(item, field).trimmed().isEmpty();
}

} // namespace

BulkVerifier::Target BulkRunner::verifyTarget() const
{
    BulkVerifier::Target target;
    target.action = m_state.action;
    target.statusCode = m_state.statusCode;
    target.conditionCode = m_state.conditionCode;
    if (m_state.jobStamp) {
        target.stampField = m_state.stampField;
        target.stampLine = m_state.stampLine;
    }
    return target;
}

bool BulkRunner::hasJobMembers() const
{
    // Refused and not-found barcodes are decided; so are items done one by one already.
    for (const auto &item : m_state.items) {
        if (!m_byItem.contains(item.barcode) && !m_decided.contains(item.barcode))
            return true;
    }
    return false;
}

void BulkRunner::resetByItem()
{
    ++m_generation;
    m_byItemQueue.clear();
    m_byItemInFlight = 0;
    m_byItemDone = 0;
    m_byItemTotal = 0;
    m_afterByItem = {};
    m_byItemStamped.clear();
    m_recheck = false;
    m_runNote.clear();
}

void BulkRunner::finishWithByItem(Outcome undecided, const QString &message, const ApiError &error,
                                  bool jobIntentDone)
{
    updateByItem([this, undecided, message, error, jobIntentDone](const QString &byItemText) {
        // An item done one by one that is still pending (not read, no answer) keeps waiting for
        // a resume, whatever the job's verdict: the run then stays open.
        bool byItemPending = false;
        for (const auto &item : m_state.items) {
            if (!m_byItem.contains(item.barcode) || m_decided.contains(item.barcode))
                continue;
            const auto &row = m_summary.items[size_t(m_index.value(item.barcode))];
            decide(item.barcode, Outcome::Pending, row.message);
            byItemPending = true;
        }
        finish(undecided, byItemText.isEmpty() ? message : message + QLatin1Char(' ') + byItemText,
               error, jobIntentDone && !byItemPending);
    });
}

void BulkRunner::readUndecided(const QString &message, void (BulkRunner::*then)())
{
    QStringList barcodes;
    for (const auto &item : m_state.items) {
        if (!m_decided.contains(item.barcode) && !m_byItem.contains(item.barcode))
            barcodes << item.barcode;
    }
    setPhase(BulkPhase::ReadingItems, 0, int(barcodes.size()), message);
    newVerifier(BulkPhase::ReadingItems, then);
    m_verifier->verifyBarcodes(barcodes, m_request.verifyConcurrency);
}

void BulkRunner::recheckMembers()
{
    readUndecided(tr("Reading the set's items again before the job"),
                  &BulkRunner::membersRechecked);
}

void BulkRunner::membersRechecked()
{
    const QHash<QString, ItemCheck> checks = m_verifier->checks();
    m_verifier->deleteLater();
    int withText = 0;
    int unread = 0;
    ApiError firstError;
    for (auto it = checks.constBegin(); it != checks.constEnd(); ++it) {
        if (it->read) {
            withText += holdsText(it->item, m_state.stampField) ? 1 : 0;
        } else if (it->error.code != almacode::NoItemForBarcode) {
            if (unread++ == 0)
                firstError = it->error;
        }
    }
    if (unread > 0) {
        // Whether the job may write the note cannot be told: start nothing, stay resumable.
        finish(Outcome::Pending,
               tr("MigDesk could not read %1 of the set again before the job (%2), so it cannot "
                  "tell whether the job may write %3. The job was not started: resume the run "
                  "to try again.")
                   .arg(bulkItemCount(unread), userMessage(firstError), m_state.stampField),
               firstError, false);
        return;
    }
    if (withText > 0) {
        m_state.jobStamp = false;
        saveState();
        m_runNote = tr("The job did not stamp: %1 of the set held text in %2 when MigDesk read "
                       "them again before the resumed job, and the job would have replaced it.")
                        .arg(bulkItemCount(withText), m_state.stampField);
    }
    runJob();
}

void BulkRunner::readItems()
{
    // Before the read nothing is split off yet (m_byItem is empty).
    readUndecided(bulkPhaseLabel(BulkPhase::ReadingItems), &BulkRunner::itemsRead);
}

void BulkRunner::itemsRead()
{
    const QHash<QString, ItemCheck> checks = m_verifier->checks();
    m_verifier->deleteLater();
    QStringList statuses;
    QStringList byItem;
    int members = 0;
    int unread = 0;
    QString firstUnread;
    ApiError firstError;
    for (const auto &item : m_state.items) {
        if (m_decided.contains(item.barcode))
            continue;
        const auto it = checks.constFind(item.barcode);
        if (it != checks.constEnd() && !it->read && it->error.code == almacode::NoItemForBarcode) {
            decide(item.barcode, Outcome::NotFound,
                   tr("%1 Nothing was changed.").arg(userMessage(it->error)), it->error.code);
            m_state.notFound << item.barcode;
            continue;
        }
        if (it == checks.constEnd() || !it->read) {
            if (unread++ == 0) {
                firstUnread = item.barcode;
                if (it != checks.constEnd())
                    firstError = it->error;
            }
            continue;
        }
        if (holdsText(it->item, m_state.stampField)) {
            byItem << item.barcode;
            continue;
        }
        ++members;
        for (const QString &id : legacyStatusIds(it->item)) {
            if (!statuses.contains(legacyStatusLabel(id)))
                statuses << legacyStatusLabel(id);
        }
    }
    if (unread > 0) {
        // Without the read MigDesk cannot tell whose note the job may write: nothing is sent.
        finish(Outcome::Pending,
               tr("MigDesk could not read %n item(s) before the job (%1: %2), so it cannot tell "
                  "whose %3 is empty. Nothing was sent to Alma's job: resume the run to try "
                  "again.",
                  nullptr, unread)
                   .arg(firstUnread, userMessage(firstError), m_state.stampField),
               firstError.isError() ? firstError
                                    : ApiError::make(ErrorKind::Network, tr("not read")),
               false);
        return;
    }
    if (statuses.size() > kMaxStatusesInStamp) {
        statuses = statuses.mid(0, kMaxStatusesInStamp);
        statuses << QStringLiteral("…");
    }
    QString action =
        m_state.action == BulkAction::Missing
            ? stepTypeLabel(StepType::MarkMissing)
            : stepTypeLabel(StepType::SetCondition) + QLatin1Char(' ') + m_state.conditionCode;
    action += QLatin1Char(' ') + tr("(Alma job %1)").arg(m_state.jobId);
    // The day of the fix, as the stamps of the items done one by one say it.
    m_state.stampLine =
        stampLine(m_state.stampTemplate, QDate::currentDate(), m_state.stampOperator,
                  statuses.join(QStringLiteral(", ")), action);
    m_state.byItem = byItem;
    m_byItem = QSet<QString>(byItem.begin(), byItem.end());
    m_state.stampChecked = true;
    saveState();
    if (members > 0) {
        beginSet();
        return;
    }
    // No item's field was empty: no set and no job, only the updates one by one.
    updateByItem([this](const QString &byItemText) {
        const QString none =
            tr("No item's %1 was empty, so Alma's job was not needed.").arg(m_state.stampField);
        finish(Outcome::Pending,
               byItemText.isEmpty() ? none : none + QLatin1Char(' ') + byItemText);
    });
}

void BulkRunner::updateByItem(std::function<void(const QString &)> next)
{
    m_afterByItem = std::move(next);
    m_byItemQueue.clear();
    for (const auto &item : m_state.items) {
        if (m_byItem.contains(item.barcode) && !m_decided.contains(item.barcode))
            m_byItemQueue << item.barcode;
    }
    m_byItemTotal = int(m_byItemQueue.size());
    m_byItemDone = 0;
    m_byItemInFlight = 0;
    if (m_byItemQueue.isEmpty()) {
        const auto after = std::move(m_afterByItem);
        after(QString());
        return;
    }
    ExecutorSettings settings;
    settings.conditionCode = m_state.conditionCode;
    settings.missingStrategy = QStringLiteral("put");
    settings.stampField = m_state.stampField;
    settings.stampTemplate = m_state.stampTemplate;
    settings.operatorName = m_state.stampOperator;
    if (!m_executor)
        m_executor = new Executor(m_client, m_journal, settings, this);
    m_executor->setSettings(settings);
    setPhase(BulkPhase::UpdatingItems, 0, m_byItemTotal);
    updateNextByItem();
}

void BulkRunner::updateNextByItem()
{
    const int concurrency = std::max(1, m_request.verifyConcurrency);
    while (m_running && m_byItemInFlight < concurrency && !m_byItemQueue.isEmpty()) {
        const QString barcode = m_byItemQueue.takeFirst();
        if (!m_index.contains(barcode))
            continue;
        ++m_byItemInFlight;
        const quint64 generation = m_generation;
        // Read now, so the Executor's write follows a fresh read (no second stale-check read).
        ItemReply *reply = m_client->itemByBarcode(barcode);
        connect(reply, &AlmaReply::finished, this, [this, reply, barcode, generation] {
            if (!m_running || generation != m_generation)
                return;
            BulkItemResult &result = m_summary.items[size_t(m_index.value(barcode))];
            if (!reply->isOk()) {
                if (reply->error().code == almacode::NoItemForBarcode)
                    decide(barcode, Outcome::NotFound, userMessage(reply->error()),
                           reply->error().code);
                else
                    result.message = tr("Not updated: it could not be read (%1). Resume the run "
                                        "to try again.")
                                         .arg(userMessage(reply->error()));
                itemUpdated();
                return;
            }
            const Item item = reply->item();
            Step step;
            if (m_state.action == BulkAction::Missing) {
                step.type = StepType::MarkMissing;
                step.missingStrategy = QStringLiteral("put");
            } else {
                step.type = StepType::SetCondition;
                step.conditionCode = m_state.conditionCode;
            }
            step.statusId = legacyStatusIds(item).value(0);
            step.label = stepTypeLabel(step.type);
            ExecutionJob *job =
                m_executor->execute(result.intentId, item, {step}, QDateTime::currentDateTimeUtc());
            connect(job, &ExecutionJob::finished, this, [this, job, barcode, generation] {
                if (!m_running || generation != m_generation)
                    return;
                const ExecutionResult &done = job->result();
                BulkItemResult &row = m_summary.items[size_t(m_index.value(barcode))];
                // MigDesk stamps only what it changed: an item Alma already showed changed (by
                // someone else) is done without a write and without a stamp.
                // The stamp step runs only after a write of this run (else it is skipped).
                bool stamped = false;
                for (const StepResult &step : done.steps)
                    stamped = stamped ||
                              (step.type == StepType::StampNote && step.outcome == Outcome::Done);
                if (stamped)
                    m_byItemStamped.insert(barcode);
                if (done.hasAfter) {
                    row.title = done.after.title;
                    row.processTypeAfter = done.after.processType.value;
                    row.conditionAfter = done.after.physicalCondition.value;
                    row.verified =
                        done.outcome == Outcome::Done || done.outcome == Outcome::StillMigration;
                }
                const QString why = done.message.isEmpty() ? userMessage(done.error) : done.message;
                // Still in Technical - Migration is what the job leaves too: the run's change
                // (the condition, Missing) is done.
                const Outcome outcome =
                    done.outcome == Outcome::StillMigration ? Outcome::Done : done.outcome;
                if (outcome == Outcome::Pending)
                    row.message = tr("Updated one by one (its %1 holds text): %2")
                                      .arg(m_state.stampField, why);
                else if (outcome == Outcome::Done && !stamped)
                    decide(barcode, outcome,
                           tr("Alma already showed the change, so MigDesk wrote nothing and "
                              "added no stamp to %1: %2")
                               .arg(m_state.stampField, why),
                           done.error.code);
                else
                    decide(barcode, outcome,
                           tr("Updated one by one, as its %1 holds text: %2")
                               .arg(m_state.stampField, why),
                           done.error.code);
                // Its outcome does not depend on the job: journaled now, so a resume after an
                // interruption does not do it again.
                if (m_journal && row.intentId != 0 && outcome != Outcome::Pending)
                    m_journal->finishIntent(row.intentId, row.outcome, row.message);
                itemUpdated();
            });
        });
    }
}

void BulkRunner::itemUpdated()
{
    --m_byItemInFlight;
    ++m_byItemDone;
    setPhase(BulkPhase::UpdatingItems, m_byItemDone, m_byItemTotal);
    if (!m_byItemQueue.isEmpty()) {
        updateNextByItem();
        return;
    }
    if (m_byItemInFlight > 0)
        return;
    const QString text = tr("%1 of %2 with text in %3 updated one by one (the change and the "
                            "stamp appended).")
                             .arg(m_byItemStamped.size())
                             .arg(bulkItemCount(m_byItemTotal), m_state.stampField);
    const auto after = std::move(m_afterByItem);
    after(text);
}

} // namespace migdesk
