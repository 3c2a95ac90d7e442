// The end of a bulk run: verification after the job and the per-item outcomes in the journal
// and the clean-up of the set (the rest of BulkRunner is in BulkRunner.cpp).
#include "bulk/BulkRunner.h"

#include "alma/AlmaClient.h"
#include "alma/AlmaReply.h"
#include "alma/ErrorMessages.h"
#include "bulk/BulkVerifier.h"
#include "journal/Journal.h"
#include "model/ErrorPolicy.h"

#include <QCoreApplication>
#include <QSet>

namespace migdesk {

void BulkRunner::verify()
{
    QStringList barcodes;
    for (const auto &item : m_summary.items) {
        if (!m_decided.contains(item.barcode) && !m_byItem.contains(item.barcode))
            barcodes << item.barcode;
    }
    const bool all = m_request.verify.mode == VerifyPolicy::Mode::All;
    QStringList toRead =
        all ? barcodes : BulkVerifier::sampleOf(barcodes, m_request.verify.sampleSize);
    if (!all) {
        // Members Alma may have skipped are always read: an invalid one gets its own row.
        const QSet<QString> undecided(barcodes.begin(), barcodes.end());
        QSet<QString> reading(toRead.begin(), toRead.end());
        for (const QString &barcode : std::as_const(m_state.unconfirmed)) {
            if (undecided.contains(barcode) && !reading.contains(barcode)) {
                reading.insert(barcode);
                toRead << barcode;
            }
        }
    }
    setPhase(BulkPhase::Verifying, 0, int(toRead.size()));
    newVerifier(BulkPhase::Verifying, &BulkRunner::verified);
    if (all)
        m_verifier->verifyAll(m_state.setId, toRead, m_request.verifyConcurrency);
    else
        m_verifier->verifyBarcodes(toRead, m_request.verifyConcurrency);
}

void BulkRunner::newVerifier(BulkPhase phase, void (BulkRunner::*then)())
{
    if (m_verifier)
        m_verifier->deleteLater();
    m_verifier = new BulkVerifier(m_client, verifyTarget(), this);
    connect(m_verifier, &BulkVerifier::progress, this, [this, phase](int done, int total) {
        if (m_running)
            setPhase(phase, done, total);
    });
    connect(m_verifier, &BulkVerifier::finished, this, [this, then] {
        if (m_running)
            (this->*then)();
    });
}

void BulkRunner::verified()
{
    const auto &checks = m_verifier->checks();
    const bool isMissing = m_state.action == BulkAction::Missing;
    const QString wanted = isMissing ? m_state.statusCode : m_state.conditionCode;
    int good = 0;
    int bad = 0;
    int unread = 0;
    QStringList unsampled;
    for (auto &result : m_summary.items) {
        if (m_decided.contains(result.barcode) || m_byItem.contains(result.barcode))
            continue;
        const auto it = checks.constFind(result.barcode);
        if (it == checks.constEnd()) {
            unsampled << result.barcode;
            continue;
        }
        const ItemCheck &check = it.value();
        if (check.read) {
            result.title = check.item.title;
            result.processTypeAfter = check.item.processType.value;
            result.conditionAfter = check.item.physicalCondition.value;
        }
        if (check.read && check.applied) {
            ++good;
            result.verified = true;
            decide(result.barcode, Outcome::Done,
                   verifyTarget().stampField.isEmpty()
                       ? tr("Alma shows %1 (re-read after the job).").arg(wanted)
                       : tr("Alma shows %1 and the stamp in %2 (re-read after the job).")
                             .arg(wanted, m_state.stampField));
        } else if (check.read && BulkVerifier::isChanged(check.item, verifyTarget())) {
            // Changed, yet the stamp is not in the note.
            ++bad;
            decide(result.barcode, Outcome::Error,
                   tr("After the job %1 does not hold MigDesk's stamp.").arg(m_state.stampField));
        } else if (check.read) {
            ++bad;
            const QString now =
                isMissing ? check.item.processType.label() : check.item.physicalCondition.label();
            decide(result.barcode, Outcome::Error,
                   tr("After the job Alma still shows \"%1\", not %2.")
                       .arg(now.isEmpty() ? tr("nothing") : now, wanted));
        } else if (check.error.code == almacode::NoItemForBarcode) {
            const bool skipped = m_state.unconfirmed.contains(result.barcode);
            decide(result.barcode, Outcome::NotFound,
                   skipped ? tr("Alma did not add this barcode to the set: %1 Nothing was "
                                "changed.")
                                 .arg(userMessage(check.error))
                           : userMessage(check.error),
                   check.error.code);
        } else {
            ++unread;
            result.message = tr("Not re-read after the job: %1").arg(userMessage(check.error));
        }
    }
    // The job reported success; items outside the sample count as done when every sampled item
    // showed the change, and stay pending (verify all to settle them) when any did not.
    const bool sampleClean = bad == 0 && unread == 0;
    for (const QString &barcode : std::as_const(unsampled)) {
        if (sampleClean)
            decide(barcode, Outcome::Done,
                   tr("Alma's job completed; not re-read (a sample of %n was checked).", nullptr,
                      good));
        else
            decide(barcode, Outcome::Pending,
                   tr("Alma's job completed but the sample found items unchanged: verify all."));
    }
    QString message = tr("Alma's job %1 completed: %2 verified as %3")
                          .arg(m_state.jobId, bulkItemCount(good), wanted);
    if (!unsampled.isEmpty())
        message +=
            tr(", %n more by the job's report", nullptr, sampleClean ? int(unsampled.size()) : 0);
    if (bad > 0)
        message += tr(", %n unchanged", nullptr, bad);
    if (unread > 0)
        message += tr(", %n could not be re-read", nullptr, unread);
    message += QLatin1Char('.');
    if (!m_runNote.isEmpty())
        message += QLatin1Char(' ') + m_runNote;
    const bool deleteIt = sampleClean && !m_request.keepSet && !m_state.setId.isEmpty();
    updateByItem([this, message, deleteIt](const QString &byItem) {
        const QString text = byItem.isEmpty() ? message : message + QLatin1Char(' ') + byItem;
        if (deleteIt)
            deleteSet(text);
        else
            finish(Outcome::Pending, text);
    });
}

void BulkRunner::deleteSet(const QString &message)
{
    qint64 writeId = 0;
    if (m_journal)
        writeId = m_journal->beginWrite(m_state.jobIntentId, QStringLiteral("set_delete"), Item(),
                                        tr("delete the set \"%1\"").arg(m_state.setName));
    AlmaReply *reply = m_client->deleteSet(m_state.setId);
    connect(
        reply, &AlmaReply::finished, this,
        [this, generation = m_generation, reply, writeId, message] {
            if (!m_running || generation != m_generation)
                return;
            QString text = message;
            if (reply->isOk()) {
                m_summary.setDeleted = true;
                text += QLatin1Char(' ') + tr("The set \"%1\" was deleted.").arg(m_state.setName);
            } else {
                // The items are done all the same: only the clean-up failed.
                text += QLatin1Char(' ') + tr("The set \"%1\" could not be deleted (%2): delete it "
                                              "in Alma.")
                                               .arg(m_state.setName, userMessage(reply->error()));
            }
            if (m_journal) {
                const ErrorKind kind = reply->error().kind;
                const bool lost = kind == ErrorKind::Ambiguous || kind == ErrorKind::Network ||
                                  kind == ErrorKind::Timeout;
                const QString status = reply->isOk() ? QStringLiteral("ok")
                                       : lost        ? QStringLiteral("unknown")
                                                     : QStringLiteral("failed");
                m_journal->endWrite(writeId, status,
                                    reply->isOk() ? QStringLiteral("set_id=%1").arg(m_state.setId)
                                                  : reply->error().message);
            }
            finish(Outcome::Pending, text);
        });
}

void BulkRunner::finish(Outcome undecided, const QString &message, const ApiError &error,
                        bool jobIntentDone)
{
    m_pollTimer.stop();
    if (m_verifier)
        m_verifier->deleteLater();
    m_byItemQueue.clear();
    m_running = false;
    for (auto &result : m_summary.items) {
        if (m_decided.contains(result.barcode))
            continue;
        result.outcome = undecided;
        if (result.message.isEmpty())
            result.message = message;
    }
    if (m_journal) {
        // One commit for every outcome: nothing is sent after this (a crash before the commit
        // leaves the items unfinished, and a resume re-reads them).
        Journal::Batch batch(*m_journal);
        for (const auto &result : m_summary.items) {
            // A pending item stays unfinished in the journal, with its run, for the resume.
            if (result.intentId != 0 && result.outcome != Outcome::Pending)
                m_journal->finishIntent(result.intentId, result.outcome, result.message);
        }
        saveState();
        if (jobIntentDone && m_state.jobIntentId) {
            const bool anyPending = m_summary.count(Outcome::Pending) > 0;
            Outcome jobOutcome = Outcome::Done;
            if (error.isError() || m_summary.count(Outcome::Error) > 0)
                jobOutcome = Outcome::Error;
            else if (m_summary.count(Outcome::NeedsStaff) > 0)
                jobOutcome = Outcome::NeedsStaff;
            if (!anyPending || error.isError() || undecided != Outcome::Pending) {
                m_journal->finishIntent(m_state.jobIntentId, jobOutcome, message);
                if (m_state.runId)
                    m_journal->finishRun(m_state.runId);
            }
        }
    }
    m_summary.error = error;
    m_summary.message = message;
    m_summary.ok = !error.isError() &&
                   m_summary.count(Outcome::Done) == static_cast<int>(m_summary.items.size());
    setPhase(BulkPhase::Finished, 1, 1, message);
    Q_EMIT finished(m_summary);
}

} // namespace migdesk
