// The bulk run state machine: set, members, job, polling, verification (see BulkRunner.h).
#include "bulk/BulkRunner.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"
#include "bulk/BulkMessages.h"
#include "bulk/BulkVerifier.h"
#include "journal/Journal.h"
#include "model/ErrorPolicy.h"
#include "model/JsonUtil.h"

#include <QCoreApplication>
#include <QSet>

namespace migdesk {

namespace {

BulkItemResult pendingResult(const BulkItem &item)
{
    BulkItemResult result;
    result.barcode = item.barcode;
    result.intentId = item.intentId;
    return result;
}

// The barcode of `chunk` that an Alma error message names ("Invalid member: 12345").
QString mentionedBarcode(const QString &message, const QSet<QString> &chunk)
{
    static const QString trim = QStringLiteral(":,.;'\"()[]{}");
    for (QString token : message.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        while (!token.isEmpty() && trim.contains(token.back()))
            token.chop(1);
        while (!token.isEmpty() && trim.contains(token.front()))
            token.remove(0, 1);
        if (chunk.contains(token))
            return token;
    }
    return {};
}

constexpr int kMaxSetNameAttempts = 9;

bool isAmbiguous(const ApiError &error)
{
    return writeMayHaveHappened(error);
}

bool isMemberError(const ApiError &error)
{
    return error.code == almacode::MemberAlreadyInSet || error.code == almacode::InvalidSetMember;
}

// "…/conf/jobs/M18/instances/12345" -> "12345"
QString instanceIdFrom(const nlohmann::json &reply)
{
    const auto &info = json::object(reply, "additional_info");
    QString link = json::str(info, "link");
    if (link.isEmpty())
        link = json::str(reply, "link");
    while (link.endsWith(QLatin1Char('/')))
        link.chop(1);
    const QString id = link.section(QLatin1Char('/'), -1).section(QLatin1Char('?'), 0, 0);
    if (link.contains(QLatin1String("/instances/")) && !id.isEmpty())
        return id;
    return json::str(reply, "id");
}

// The set's number_of_members in an add_members answer (Alma's schema has a string), or -1.
int memberCountOf(const nlohmann::json &set)
{
    const auto it = set.find("number_of_members");
    if (it == set.end() || !it->is_object() || !it->contains("value"))
        return -1;
    const nlohmann::json &value = (*it)["value"];
    if (value.is_number_integer())
        return value.get<int>();
    bool ok = false;
    const int count = json::str(*it, "value").toInt(&ok);
    return ok ? count : -1;
}

bool isTerminal(const QString &status)
{
    return status.startsWith(QLatin1String("COMPLETED")) || status == QLatin1String("FAILED") ||
           status == QLatin1String("CANCELLED") || status == QLatin1String("ABORTED") ||
           status == QLatin1String("SYSTEM_ABORTED") || status == QLatin1String("SKIPPED");
}

bool isSuccess(const QString &status)
{
    return status == QLatin1String("COMPLETED_SUCCESS") ||
           status == QLatin1String("COMPLETED_WARNING");
}

} // namespace

BulkRunner::BulkRunner(AlmaClient *client, Journal *journal, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
{
    qRegisterMetaType<migdesk::BulkProgress>();
    qRegisterMetaType<migdesk::BulkSummary>();
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &BulkRunner::poll);
}

BulkRunner::~BulkRunner() = default;

BulkConfirmation BulkRunner::confirmation(const BulkRequest &request)
{
    BulkConfirmation confirmation;
    QSet<QString> unique;
    for (const auto &item : request.items) {
        if (!item.barcode.trimmed().isEmpty())
            unique.insert(item.barcode.trimmed());
    }
    confirmation.itemCount = static_cast<int>(unique.size());
    confirmation.action = request.action;
    confirmation.actionLabel = bulkActionLabel(request.action);
    confirmation.jobId = request.jobTemplate.jobId();
    confirmation.jobName = request.jobTemplate.displayName();
    confirmation.setName = bulkSetName(request.action, request.date, request.sessionName);
    confirmation.stampField = request.stamp.field;
    if (!request.stamp.field.isEmpty() && !stampNoteFields().contains(request.stamp.field))
        confirmation.problems << tr("%1 is not a note MigDesk can stamp; choose one of %2.")
                                     .arg(request.stamp.field,
                                          stampNoteFields().join(QStringLiteral(", ")));
    if (confirmation.jobId.isEmpty())
        confirmation.problems << tr("No job is configured: add the job template in the settings.");
    else
        confirmation.problems << request.jobTemplate.problemsFor(request.action,
                                                                 request.conditionCode);
    if (confirmation.itemCount == 0)
        confirmation.problems << tr("There are no items to hand to the job.");
    return confirmation;
}

void BulkRunner::start(const BulkRequest &request)
{
    if (m_running)
        return;
    m_request = request;
    m_request.chunkSize = std::clamp(m_request.chunkSize, 1, 1000);
    m_template = request.jobTemplate;
    m_summary = {};
    m_index.clear();
    m_decided.clear();
    m_splitQueue.clear();
    m_chunkCursor = 0;
    m_pollFailures = 0;
    resetByItem();
    m_running = true;

    m_state = {};
    m_state.action = request.action;
    m_state.templateJson = QString::fromUtf8(m_template.toJson());
    m_state.conditionCode = request.conditionCode;
    m_state.statusCode = request.statusCode;
    m_state.setName = bulkSetName(request.action, request.date, request.sessionName);
    m_state.jobId = m_template.jobId();
    m_state.startedAt = QDateTime::currentDateTimeUtc();
    m_state.stampField = request.stamp.field;
    m_state.stampTemplate = request.stamp.templ;
    m_state.stampOperator = request.stamp.operatorName;
    m_byItem.clear();
    QSet<QString> seen;
    for (const auto &item : request.items) {
        const QString barcode = item.barcode.trimmed();
        if (barcode.isEmpty() || seen.contains(barcode))
            continue;
        seen.insert(barcode);
        m_state.items.push_back({barcode, item.intentId});
    }
    m_summary.setName = m_state.setName;
    m_summary.jobId = m_state.jobId;

    const BulkConfirmation check = confirmation(request);
    if (!check.problems.isEmpty()) {
        for (const auto &item : m_state.items)
            m_summary.items.push_back(pendingResult(item));
        finish(Outcome::Pending, check.problems.join(QLatin1Char(' ')),
               ApiError::make(ErrorKind::Validation, check.problems.join(QLatin1Char(' '))), false);
        return;
    }

    if (m_journal) {
        // One commit for the run and all its intents, before the first write is sent.
        Journal::Batch batch(*m_journal);
        m_state.runId = m_journal->beginRun(QStringLiteral("bulk:%1:%2")
                                                .arg(bulkActionName(request.action))
                                                .arg(m_state.items.size()),
                                            QStringLiteral("followup"), false);
        m_state.jobIntentId = m_journal->recordIntent(QString(), bulkJobSource(),
                                                      QStringLiteral("followup"), m_state.runId);
        for (auto &item : m_state.items) {
            if (item.intentId == 0)
                item.intentId = m_journal->recordIntent(item.barcode, bulkItemSource(),
                                                        QStringLiteral("followup"), m_state.runId);
        }
        if (!batch.commit()) {
            const QString message =
                tr("The journal could not record the run (%1); nothing was sent to Alma.")
                    .arg(m_journal->lastError());
            for (const auto &item : m_state.items)
                m_summary.items.push_back(pendingResult(item));
            m_state.runId = 0;
            m_state.jobIntentId = 0;
            finish(Outcome::Pending, message, ApiError::make(ErrorKind::Validation, message),
                   false);
            return;
        }
    }
    for (const auto &item : m_state.items) {
        m_index.insert(item.barcode, static_cast<int>(m_summary.items.size()));
        m_summary.items.push_back(pendingResult(item));
    }
    m_summary.journalRunId = m_state.runId;
    saveState();
    if (!m_state.stampField.isEmpty())
        readItems();
    else
        beginSet();
}

void BulkRunner::beginSet()
{
    m_baseSetName = m_state.setName;
    m_chunkCursor = 0;
    createSet();
}

void BulkRunner::resume(const BulkResumable &run, const BulkRequest &settings)
{
    if (m_running)
        return;
    m_request = settings;
    m_request.chunkSize = std::clamp(m_request.chunkSize, 1, 1000);
    m_state = run.state;
    m_request.action = m_state.action;
    m_request.conditionCode = m_state.conditionCode;
    m_request.statusCode = m_state.statusCode;
    m_request.stamp = {m_state.stampField, m_state.stampTemplate, m_state.stampOperator};
    m_byItem = QSet<QString>(m_state.byItem.begin(), m_state.byItem.end());
    const auto parsed = JobTemplate::parse(m_state.templateJson.toUtf8());
    m_template = parsed.isOk() ? parsed.value() : settings.jobTemplate;
    m_summary = {};
    m_summary.setName = m_state.setName;
    m_summary.setId = m_state.setId;
    m_summary.jobId = m_state.jobId;
    m_summary.instanceId = m_state.instanceId;
    m_summary.journalRunId = m_state.runId;
    m_index.clear();
    m_decided.clear();
    m_splitQueue.clear();
    m_chunkCursor = 0;
    m_pollFailures = 0;
    resetByItem();
    m_running = true;
    for (const auto &item : m_state.items) {
        m_index.insert(item.barcode, static_cast<int>(m_summary.items.size()));
        m_summary.items.push_back(pendingResult(item));
    }
    for (const QString &barcode : std::as_const(m_state.invalid))
        decide(barcode, Outcome::NotFound,
               tr("Alma does not accept this barcode as a member of the set (60116)."),
               QString(almacode::InvalidSetMember));
    for (const QString &barcode : std::as_const(m_state.notFound))
        decide(barcode, Outcome::NotFound,
               tr("Alma has no item with this barcode; nothing was changed."),
               QString(almacode::NoItemForBarcode));
    // Items done one by one before the interruption keep their outcome: not done again.
    for (const QString &barcode : std::as_const(m_state.byItem)) {
        const auto at = m_index.constFind(barcode);
        if (!m_journal || at == m_index.constEnd())
            continue;
        const auto intent = m_journal->intent(m_summary.items[size_t(at.value())].intentId);
        if (intent && intent->outcome && *intent->outcome != Outcome::Pending)
            decide(barcode, *intent->outcome, intent->message);
    }

    const bool stamped = !m_state.stampField.isEmpty();
    if (stamped && !stampNoteFields().contains(m_state.stampField)) {
        const QString message =
            tr("The journal's run names \"%1\" as its stamp field, which is not a note MigDesk "
               "stamps; nothing more was sent.")
                .arg(m_state.stampField);
        finish(Outcome::Pending, message, ApiError::make(ErrorKind::Validation, message), false);
        return;
    }
    if (stamped && m_state.stampChecked && m_state.stampLine.trimmed().isEmpty())
        m_state.stampChecked = false; // a state without its line: read again
    if (stamped && !m_state.stampChecked) {
        readItems(); // nothing was sent yet: read the items again
    } else if (run.stage == QLatin1String("job")) {
        setPhase(BulkPhase::Running, 0, 100, tr("Following the job started earlier"));
        poll();
    } else if (run.stage == QLatin1String("job_unknown")) {
        finishWithByItem(
            Outcome::NeedsStaff,
            tr("MigDesk sent the request to run the job %1 on the set \"%2\" but never saw "
               "Alma's answer, so it does not start it again. Check Admin > Monitor Jobs in "
               "Alma: if the job ran, the items are done; if not, run the job on the set by "
               "hand.")
                .arg(m_state.jobId, m_state.setName),
            {}, true);
    } else if (stamped && !hasJobMembers()) {
        // A run that needed no job: only the items done one by one are left.
        updateByItem([this](const QString &byItemText) { finish(Outcome::Pending, byItemText); });
    } else if (m_state.setId.isEmpty()) {
        m_recheck = stamped && m_state.jobStamp;
        beginSet();
    } else {
        m_recheck = stamped && m_state.jobStamp;
        m_chunkCursor = std::clamp(m_state.membersAdded, 0, int(m_state.items.size()));
        setPhase(BulkPhase::AddingMembers, m_chunkCursor, int(m_state.items.size()));
        addNextChunk();
    }
}

void BulkRunner::cancel()
{
    if (!m_running)
        return;
    m_pollTimer.stop();
    if (m_verifier)
        m_verifier->deleteLater();
    resetByItem();
    m_running = false;
    m_phase = BulkPhase::Idle;
    // Replies still in flight are ignored: every handler checks m_running.
}

void BulkRunner::setPhase(BulkPhase phase, int done, int total, const QString &message)
{
    m_phase = phase;
    BulkProgress progress;
    progress.phase = phase;
    progress.done = done;
    progress.total = total;
    progress.jobStatus = m_summary.jobStatus;
    progress.message = message.isEmpty() ? bulkPhaseLabel(phase) : message;
    Q_EMIT this->progress(progress);
}

void BulkRunner::saveState()
{
    if (m_journal && m_state.jobIntentId)
        m_journal->setIntentDetail(m_state.jobIntentId, m_state.toJson());
}

void BulkRunner::createSet(int attempt)
{
    setPhase(BulkPhase::CreatingSet, 0, 1);
    qint64 writeId = 0;
    if (m_journal)
        writeId = m_journal->beginWrite(m_state.jobIntentId, QStringLiteral("set_create"), Item(),
                                        tr("create the itemized set \"%1\"").arg(m_state.setName));
    const QString description =
        tr("Created by MigDesk for %n item(s); %1.", nullptr, int(m_state.items.size()))
            .arg(bulkActionLabel(m_state.action));
    JsonReply *reply = m_client->createSet(m_state.setName, description);
    connect(
        reply, &AlmaReply::finished, this,
        [this, generation = m_generation, reply, writeId, attempt] {
            if (!m_running || generation != m_generation)
                return;
            // Alma refuses a second set of the same name (402263), e.g. a kept set of an earlier
            // run today: the run takes the name with " (2)", " (3)", ... instead.
            if (reply->error().code == QLatin1String("402263") && attempt < kMaxSetNameAttempts) {
                if (m_journal)
                    m_journal->endWrite(writeId, QStringLiteral("failed"), reply->error().message);
                m_state.setName = QStringLiteral("%1 (%2)").arg(m_baseSetName).arg(attempt + 1);
                m_summary.setName = m_state.setName;
                saveState();
                createSet(attempt + 1);
                return;
            }
            if (!reply->isOk() || json::str(reply->json(), "id").isEmpty()) {
                const ApiError error =
                    reply->isOk()
                        ? ApiError::make(ErrorKind::Parse, tr("Alma's answer names no set id."))
                        : reply->error();
                if (m_journal)
                    m_journal->endWrite(writeId,
                                        isAmbiguous(error) ? QStringLiteral("unknown")
                                                           : QStringLiteral("failed"),
                                        error.message);
                finish(Outcome::Pending, bulkErrorMessage(error, bulkPhaseLabel(m_phase)), error,
                       false);
                return;
            }
            m_state.setId = json::str(reply->json(), "id");
            m_summary.setId = m_state.setId;
            if (m_journal)
                m_journal->endWrite(writeId, QStringLiteral("ok"),
                                    QStringLiteral("set_id=%1").arg(m_state.setId));
            saveState();
            setPhase(BulkPhase::AddingMembers, 0, int(m_state.items.size()));
            addNextChunk();
        });
}

void BulkRunner::addNextChunk()
{
    if (!m_splitQueue.empty()) {
        const QStringList part = m_splitQueue.front();
        m_splitQueue.erase(m_splitQueue.begin());
        addChunk(part, 0);
        return;
    }
    // The main cursor only moves once a chunk and all its split parts are done.
    m_state.membersAdded = m_chunkCursor;
    saveState();
    const int total = int(m_state.items.size());
    setPhase(BulkPhase::AddingMembers, m_chunkCursor, total);
    if (m_chunkCursor >= total) {
        runJob();
        return;
    }
    QStringList chunk;
    const QSet<QString> invalid(m_state.invalid.begin(), m_state.invalid.end());
    while (m_chunkCursor < total && chunk.size() < m_request.chunkSize) {
        const QString &barcode = m_state.items[size_t(m_chunkCursor++)].barcode;
        // Not in the set: refused before, done one by one (a stamped run), or already decided
        // (a stamped run's read found no such item).
        if (!invalid.contains(barcode) && !m_byItem.contains(barcode) &&
            !m_decided.contains(barcode))
            chunk << barcode;
    }
    if (chunk.isEmpty()) {
        addNextChunk();
        return;
    }
    addChunk(chunk, 0);
}

void BulkRunner::addChunk(const QStringList &barcodes, int attempt)
{
    qint64 writeId = 0;
    if (m_journal)
        writeId = m_journal->beginWrite(
            m_state.jobIntentId, QStringLiteral("set_member"), Item(),
            tr("add %n member(s) to set %1: %2 .. %3", nullptr, int(barcodes.size()))
                .arg(m_state.setId, barcodes.first(), barcodes.last()));
    JsonReply *reply = m_client->addSetMembers(m_state.setId, barcodes);
    connect(
        reply, &AlmaReply::finished, this,
        [this, generation = m_generation, reply, writeId, barcodes, attempt] {
            if (!m_running || generation != m_generation)
                return;
            const ApiError error = reply->error();
            auto endWrite = [&](const QString &status, const QString &summary) {
                if (m_journal)
                    m_journal->endWrite(writeId, status, summary);
            };
            if (reply->isOk()) {
                const int count = memberCountOf(reply->json());
                const bool allAdded = count >= 0 && count - m_state.memberCount >= barcodes.size();
                if (!allAdded) {
                    for (const QString &barcode : barcodes) {
                        if (!m_state.unconfirmed.contains(barcode))
                            m_state.unconfirmed << barcode;
                    }
                }
                if (count >= 0)
                    m_state.memberCount = count;
                endWrite(QStringLiteral("ok"),
                         allAdded ? tr("added")
                                  : tr("added; Alma skipped some (set has %1 members)").arg(count));
                addNextChunk();
                return;
            }
            if (isMemberError(error)) {
                memberErrors(barcodes, error, [&](const QString &status, const QString &summary) {
                    endWrite(status, summary);
                });
                addNextChunk();
                return;
            }
            if (isAmbiguous(error) && attempt < 2) {
                // Adding members is idempotent, so a lost answer is safely asked again.
                endWrite(QStringLiteral("unknown"), error.message);
                addChunk(barcodes, attempt + 1);
                return;
            }
            endWrite(isAmbiguous(error) ? QStringLiteral("unknown") : QStringLiteral("failed"),
                     error.message);
            finish(Outcome::Pending, bulkErrorMessage(error, bulkPhaseLabel(m_phase)), error,
                   false);
        });
}

void BulkRunner::memberErrors(const QStringList &barcodes, const ApiError &error,
                              const std::function<void(QString, QString)> &endWrite)
{
    // Alma answers one error entry per refused member; the entry's message names the barcode.
    // Members it accepted in the same call may or may not have been added, so the rest of the
    // chunk is added again (harmless: already a member is 60115, not an error).
    const QSet<QString> chunk(barcodes.begin(), barcodes.end());
    std::vector<AlmaErrorEntry> entries = error.entries;
    if (entries.empty())
        entries.push_back({error.code, error.message});
    QSet<QString> named;
    for (const auto &entry : entries) {
        QString member = mentionedBarcode(entry.message, chunk);
        if (member.isEmpty() && barcodes.size() == 1)
            member = barcodes.first();
        if (member.isEmpty())
            continue;
        named.insert(member);
        if (entry.code == almacode::InvalidSetMember && !m_state.invalid.contains(member)) {
            m_state.invalid << member;
            decide(member, Outcome::NotFound,
                   tr("Alma does not accept this barcode as a member of the set: %1")
                       .arg(entry.message),
                   entry.code);
        }
    }
    if (named.isEmpty()) {
        if (barcodes.size() == 1) {
            endWrite(QStringLiteral("failed"), error.message);
            return;
        }
        // Nothing says which member: split until each barcode answers for itself.
        endWrite(QStringLiteral("failed"), tr("%1, splitting the chunk").arg(error.code));
        const qsizetype half = barcodes.size() / 2;
        m_splitQueue.insert(m_splitQueue.begin(), {barcodes.mid(0, half), barcodes.mid(half)});
        return;
    }
    endWrite(QStringLiteral("ok"),
             tr("%n member(s) refused or already in the set", nullptr, int(named.size())));
    QStringList rest;
    for (const QString &barcode : barcodes) {
        if (!named.contains(barcode))
            rest << barcode;
    }
    if (!rest.isEmpty())
        m_splitQueue.insert(m_splitQueue.begin(), rest);
}

void BulkRunner::runJob()
{
    if (m_recheck) {
        m_recheck = false;
        recheckMembers(); // comes back here
        return;
    }
    setPhase(BulkPhase::StartingJob, 0, 1);
    JobValues values;
    values.setId = m_state.setId;
    values.setName = m_state.setName;
    values.action = bulkActionName(m_state.action);
    values.conditionCode = m_state.conditionCode;
    if (m_state.action == BulkAction::Missing)
        values.status = m_state.statusCode;
    else
        values.condition = m_state.conditionCode;
    if (m_state.jobStamp) {
        values.stampField = m_state.stampField;
        values.stampText = m_state.stampLine;
    }
    const nlohmann::json body = m_template.runBody(values);
    qint64 writeId = 0;
    if (m_journal)
        writeId = m_journal->beginWrite(
            m_state.jobIntentId, QStringLiteral("job_run"), Item(),
            tr("run job %1 on set %2 (%3)")
                .arg(m_state.jobId, m_state.setId, bulkActionName(m_state.action)));
    JsonReply *reply = m_client->runJob(m_state.jobId, body);
    connect(reply, &AlmaReply::finished, this, [this, generation = m_generation, reply, writeId] {
        if (!m_running || generation != m_generation)
            return;
        if (reply->isOk()) {
            m_state.instanceId = instanceIdFrom(reply->json());
        }
        if (reply->isOk() && !m_state.instanceId.isEmpty()) {
            m_summary.instanceId = m_state.instanceId;
            if (m_journal)
                m_journal->endWrite(writeId, QStringLiteral("ok"),
                                    QStringLiteral("instance=%1").arg(m_state.instanceId));
            saveState();
            setPhase(BulkPhase::Running, 0, 100);
            m_pollTimer.start(m_request.pollIntervalMs);
            return;
        }
        const ApiError error =
            reply->isOk()
                ? ApiError::make(ErrorKind::Ambiguous, tr("Alma's answer names no job instance."))
                : reply->error();
        if (isAmbiguous(error)) {
            // The job may have started: never resend. Resuming asks staff to check Alma.
            if (m_journal)
                m_journal->endWrite(writeId, QStringLiteral("unknown"), error.message);
            finishWithByItem(
                Outcome::Pending,
                tr("MigDesk cannot tell whether Alma started the job %1 on the set \"%2\" "
                   "(%3). It will not start it again by itself: check Admin > Monitor Jobs "
                   "in Alma.")
                    .arg(m_state.jobId, m_state.setName, userMessage(error)),
                error, false);
            return;
        }
        if (m_journal)
            m_journal->endWrite(writeId, QStringLiteral("failed"),
                                QStringLiteral("%1 %2").arg(error.code, error.message));
        const QString message = jobStartErrorMessage(error, m_state.jobId, m_state.setName);
        // A limit is "later": the run stays resumable and re-runs the job on the same set.
        const bool limit = isJobLimitError(error) || error.kind == ErrorKind::RateLimited ||
                           error.kind == ErrorKind::DailyBudget;
        finishWithByItem(limit ? Outcome::Pending : Outcome::Error, message, error, !limit);
    });
}

void BulkRunner::poll()
{
    if (!m_running)
        return;
    JsonReply *reply = m_client->jobInstance(m_state.jobId, m_state.instanceId);
    connect(reply, &AlmaReply::finished, this, [this, generation = m_generation, reply] {
        if (!m_running || generation != m_generation)
            return;
        if (reply->isOk()) {
            m_pollFailures = 0;
            pollAnswered(reply->json());
            return;
        }
        if (++m_pollFailures > m_request.maxPollFailures) {
            finish(Outcome::Pending,
                   tr("MigDesk lost track of the job %1 (instance %2): %3. The job may still be "
                      "running in Alma; resume later to check it and verify the items.")
                       .arg(m_state.jobId, m_state.instanceId, userMessage(reply->error())),
                   reply->error(), false);
            return;
        }
        m_pollTimer.start(m_request.pollIntervalMs);
    });
}

void BulkRunner::pollAnswered(const nlohmann::json &instance)
{
    const QString status = json::code(instance, "status").value.toUpper();
    m_summary.jobStatus = status;
    const int percent = std::clamp(instance.value("progress", 0), 0, 100);
    if (!isTerminal(status)) {
        setPhase(BulkPhase::Running, percent, 100,
                 tr("Job %1: %2, %3%").arg(m_state.jobId, status).arg(percent));
        m_pollTimer.start(m_request.pollIntervalMs);
        return;
    }
    if (!isSuccess(status)) {
        const ApiError error = ApiError::make(
            ErrorKind::Alma, tr("The job ended with the status %1.").arg(status), 0, status);
        finishWithByItem(
            Outcome::Error,
            tr("Alma's job %1 (instance %2) ended with the status %3. Check its report in "
               "Admin > Monitor Jobs; the items are unchanged unless the report says "
               "otherwise.")
                .arg(m_state.jobId, m_state.instanceId, status),
            error, true);
        return;
    }
    setPhase(BulkPhase::Running, 100, 100, tr("Job %1: %2").arg(m_state.jobId, status));
    verify();
}

void BulkRunner::decide(const QString &barcode, Outcome outcome, const QString &message,
                        const QString &errorCode)
{
    const auto it = m_index.constFind(barcode);
    if (it == m_index.constEnd())
        return;
    BulkItemResult &result = m_summary.items[size_t(it.value())];
    result.outcome = outcome;
    result.message = message;
    result.errorCode = errorCode;
    m_decided.insert(barcode);
}

} // namespace migdesk
