// The Executor's scan-in, Mark Missing, withdraw, loan verification and undo steps.
#include "pipeline/ExecutionRun.h"
#include "planning/Stamp.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"
#include "journal/Journal.h"
#include "model/ErrorPolicy.h"

namespace migdesk {

namespace {

QString describe(const ApiError &error)
{
    return errorSummary(error);
}

} // namespace

void ExecutionRun::scanIn(const Step &step)
{
    const ExecutorSettings &settings = m_executor->settings();
    const bool workOrder = step.type == StepType::WorkOrder;
    ScanInParams params;
    params.library = settings.library;
    if (workOrder) {
        params.department = step.department;
        params.workOrderType = step.workOrderType;
    } else {
        params.circDesk = settings.circDesk;
    }
    const StepType type = step.type;
    auto classify = [this, type, workOrder](const Item &after) {
        StepResult result;
        result.type = type;
        result.almaSentence = after.additionalInfo;
        if (isTransitOrHold(after)) {
            result.outcome = Outcome::TransitOrHold;
        } else if (workOrder ? after.processType.value == QLatin1String("WORK_ORDER_DEPARTMENT")
                             : after.processType.isEmpty()) {
            result.outcome = Outcome::Done;
        } else {
            result.outcome = Outcome::Error;
            result.error = ApiError::make(
                ErrorKind::Alma, tr("Alma accepted the scan-in but the item still shows %1.")
                                     .arg(after.processType.label()));
        }
        stepDone(result);
    };
    // Scan-in is not idempotent: an item already where the step would put it is left alone.
    const bool already =
        workOrder ? (m_current.processType.value == QLatin1String("WORK_ORDER_DEPARTMENT") &&
                     m_current.workOrderType.value == step.workOrderType)
                  : (m_current.isInPlace() && m_current.processType.isEmpty());
    if (already && !m_current.mmsId.isEmpty()) {
        StepResult result;
        result.type = type;
        result.outcome = Outcome::Done;
        result.almaSentence = tr("Alma already showed the item this way; nothing was sent.");
        return stepDone(result);
    }
    const Item base = m_current;
    const QString summary =
        workOrder ? QStringLiteral("POST op=scan library=%1 department=%2 work_order_type=%3")
                        .arg(params.library, params.department, params.workOrderType)
                  : QStringLiteral("POST op=scan library=%1 circ_desk=%2")
                        .arg(params.library, params.circDesk);
    Journal *journal = m_executor->journal();
    const qint64 writeId =
        journal ? journal->beginWrite(m_intentId, QStringLiteral("scan_in"), base, summary) : 0;
    ++m_stepCalls;
    ++m_result.calls;
    ItemReply *reply = m_executor->client()->scanIn(base, params);
    connect(reply, &AlmaReply::finished, this, [this, reply, writeId, base, type, classify] {
        Journal *journal = m_executor->journal();
        if (reply->isOk()) {
            if (journal)
                journal->endWrite(writeId, QStringLiteral("ok"), reply->item().additionalInfo,
                                  reply->item());
            m_current = reply->item();
            m_fresh = true;
            return classify(m_current);
        }
        if (writeMayHaveHappened(reply->error())) {
            if (journal)
                journal->endWrite(writeId, QStringLiteral("unknown"), describe(reply->error()));
            auto applied = [base](const Item &now) {
                return now.processType.value != base.processType.value ||
                       now.baseStatus.value != base.baseStatus.value;
            };
            return settleUnknown(writeId, base, applied, classify);
        }
        if (journal)
            journal->endWrite(writeId, QStringLiteral("failed"), describe(reply->error()));
        StepResult result;
        result.type = type;
        result.outcome = isTransientError(reply->error()) ? Outcome::Pending : Outcome::Error;
        result.error = reply->error();
        stepDone(result);
    });
}

void ExecutionRun::markMissing(const Step &step)
{
    const QString strategy = step.missingStrategy.isEmpty() ? m_executor->settings().missingStrategy
                                                            : step.missingStrategy;
    StepResult result;
    result.type = StepType::MarkMissing;
    if (m_current.processType.value == QLatin1String("MISSING")) {
        result.outcome = Outcome::Done;
        result.almaSentence = tr("Alma already showed the item as Missing.");
        return stepDone(result);
    }
    if (strategy != QLatin1String("put")) {
        // Marked in the journal: a restart offers the item to the job again (nothing written).
        if (Journal *journal = m_executor->journal(); journal && m_intentId != 0)
            journal->markBulkJobWaiting(m_intentId);
        result.outcome = Outcome::NeedsStaff;
        result.error = ApiError::make(ErrorKind::Validation,
                                      tr("Mark Missing uses the job strategy: the item goes to "
                                         "the bulk Missing job, not a single write."));
        return stepDone(result);
    }
    auto applied = [](const Item &item) {
        return item.processType.value == QLatin1String("MISSING");
    };
    putItem(
        QStringLiteral("PUT process_type %1 -> MISSING").arg(m_current.processType.value),
        [](Item &item) {
            item.processType = {QStringLiteral("MISSING"), {}};
        },
        applied,
        [this, applied](const Item &) {
            // Read back: Alma may answer 200 yet ignore process_type (a read-only field).
            ItemReply *reply = readItem();
            connect(reply, &AlmaReply::finished, this, [this, reply, applied] {
                StepResult result;
                result.type = StepType::MarkMissing;
                if (!reply->isOk()) {
                    result.outcome = Outcome::Pending;
                    result.error = reply->error();
                    result.error.message = tr("Missing was sent but could not be read back (%1).")
                                               .arg(reply->error().message);
                    return stepDone(result);
                }
                m_current = reply->item();
                if (applied(m_current)) {
                    result.outcome = Outcome::Done;
                    return stepDone(result);
                }
                result.outcome = Outcome::NeedsStaff;
                result.error = ApiError::make(
                    ErrorKind::Alma,
                    tr("Alma ignored Missing in the item update (it still shows %1). Use the job "
                       "strategy (the Change Physical Items job) for this item.")
                        .arg(m_current.processType.label()));
                stepDone(result);
            });
        });
}

void ExecutionRun::withdraw(const Step &step)
{
    const ExecutorSettings &settings = m_executor->settings();
    WithdrawParams params;
    params.holdings =
        step.holdingsPolicy.isEmpty() ? settings.withdrawHoldings : step.holdingsPolicy;
    params.bib = step.bibPolicy.isEmpty() ? settings.withdrawBib : step.bibPolicy;
    ensureFresh([this, params] {
        const Item base = m_current;
        Journal *journal = m_executor->journal();
        const qint64 writeId =
            journal
                ? journal->beginWrite(
                      m_intentId, QStringLiteral("delete"), base,
                      QStringLiteral("DELETE holdings=%1 bib=%2").arg(params.holdings, params.bib))
                : 0;
        ++m_stepCalls;
        ++m_result.calls;
        AlmaReply *reply = m_executor->client()->deleteItem(base, params);
        connect(reply, &AlmaReply::finished, this, [this, reply, writeId] {
            Journal *journal = m_executor->journal();
            StepResult result;
            result.type = StepType::Withdraw;
            if (reply->isOk()) {
                if (journal)
                    journal->endWrite(writeId, QStringLiteral("ok"),
                                      QStringLiteral("HTTP %1").arg(reply->httpStatus()));
                result.outcome = Outcome::Done;
                result.almaSentence = tr("Alma deleted the item.");
                return stepDone(result);
            }
            if (!writeMayHaveHappened(reply->error())) {
                if (journal)
                    journal->endWrite(writeId, QStringLiteral("failed"), describe(reply->error()));
                result.outcome =
                    isTransientError(reply->error()) ? Outcome::Pending : Outcome::Error;
                result.error = reply->error();
                return stepDone(result);
            }
            if (journal)
                journal->endWrite(writeId, QStringLiteral("unknown"), describe(reply->error()));
            // Never resend a DELETE: a re-read that Alma answers "no such item" proves it.
            ItemReply *check = readItem();
            connect(check, &AlmaReply::finished, this, [this, check, writeId] {
                Journal *journal = m_executor->journal();
                StepResult settled;
                settled.type = StepType::Withdraw;
                if (check->isOk()) {
                    if (journal)
                        journal->endWrite(writeId, QStringLiteral("verified_not"),
                                          QStringLiteral("the item is still there"));
                    settled.outcome = Outcome::Pending;
                    settled.error = ApiError::make(
                        ErrorKind::Ambiguous,
                        tr("Alma's answer was lost and the item is still there. It stays "
                           "pending; retry it."));
                } else if (isItemNotFound(check->error())) {
                    if (journal)
                        journal->endWrite(writeId, QStringLiteral("verified_ok"),
                                          QStringLiteral("the item is gone"));
                    settled.outcome = Outcome::Done;
                    settled.almaSentence = tr("Alma deleted the item.");
                } else {
                    // Only "no such item" proves the DELETE; any other refusal proves nothing.
                    settled.outcome = Outcome::Pending;
                    settled.error = ApiError::make(
                        ErrorKind::Ambiguous,
                        tr("Alma's answer was lost and the item could not be re-read (%1). It "
                           "stays pending; it will be checked before anything is sent again.")
                            .arg(describe(check->error())));
                }
                stepDone(settled);
            });
        });
    });
}

void ExecutionRun::verifyLoan()
{
    const QString expected = m_guide == StepType::GuideClaimedReturned
                                 ? QStringLiteral("CLAIM_RETURNED_LOAN")
                                 : QStringLiteral("LOST_LOAN");
    ItemReply *reply = readItem();
    connect(reply, &AlmaReply::finished, this, [this, reply, expected] {
        StepResult result;
        result.type = m_guide;
        if (!reply->isOk()) {
            result.outcome = isTransientError(reply->error()) ? Outcome::Pending : Outcome::Error;
            result.error = reply->error();
            m_result.steps.push_back(result);
            return finishWith(result.outcome, reply->error().message, reply->error());
        }
        m_current = reply->item();
        m_fresh = true;
        const bool seen = m_current.processType.value == expected;
        result.outcome = seen ? Outcome::Done : Outcome::NeedsStaff;
        m_result.steps.push_back(result);
        const QString shows =
            m_current.processType.isEmpty() ? tr("no process type") : m_current.processType.label();
        finishWith(result.outcome,
                   seen ? tr("Alma now shows %1.").arg(shows)
                        : tr("Alma still shows %1, not %2. Finish the step in Alma (Patron "
                             "Services > Loans), then check again.")
                              .arg(shows, expected));
    });
}

void ExecutionRun::undoChange()
{
    if (!m_undoHasAfter) {
        const ApiError error = ApiError::make(
            ErrorKind::Stale, tr("The journal does not know what the change left in Alma, so it "
                                 "cannot be undone safely."));
        return finishWith(Outcome::Error, error.message, error);
    }
    m_current = m_undoAfter;
    m_fresh = false; // always re-read: the change may be minutes old
    const Item before = m_undoBefore;
    // The statistics notes too: MigDesk's stamp may have gone there.
    const QStringList statistics = {QStringLiteral("statistics_note_1"),
                                    QStringLiteral("statistics_note_2"),
                                    QStringLiteral("statistics_note_3")};
    auto applied = [before, statistics](const Item &item) {
        for (const QString &field : statistics) {
            if (noteField(item, field) != noteField(before, field))
                return false;
        }
        return sameEditableFields(item, before);
    };
    putItem(
        QStringLiteral("PUT undo of write %1").arg(m_undoneWriteId),
        [before, statistics](Item &item) {
            for (const QString &field : statistics) {
                if (noteField(item, field) != noteField(before, field))
                    setNoteField(item, field, noteField(before, field));
            }
            copyEditableFields(item, before);
        },
        applied,
        [this, applied](const Item &after) {
            StepResult result;
            result.outcome = applied(after) ? Outcome::Done : Outcome::Error;
            if (result.outcome == Outcome::Error)
                result.error =
                    ApiError::make(ErrorKind::Alma, tr("Alma did not keep the restored fields."));
            else
                result.almaSentence = tr("Undone: the fields are back as they were.");
            stepDone(result);
        },
        m_undoneWriteId);
}

} // namespace migdesk
