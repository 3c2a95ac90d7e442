// ExecutionRun: the state machine behind one ExecutionJob (steps, verification or undo).
// Internal to the Executor; callers see ExecutionJob only.
#pragma once

#include "model/ItemCompare.h"
#include "pipeline/Executor.h"

#include <functional>

namespace migdesk {

class ItemReply;

class ExecutionRun : public ExecutionJob {
public:
    enum class Kind { Steps, VerifyLoan, Undo };

    ExecutionRun(Executor *executor, Kind kind, qint64 intentId, const Item &shown,
                 std::vector<Step> steps, const QDateTime &readAt);
    void setGuide(StepType guide) { m_guide = guide; }
    void setUndo(qint64 undoneWriteId, const Item &before, const Item &after, bool hasAfter);
    void start();

private:
    using ItemEdit = std::function<void(Item &)>;
    using ItemCheck = std::function<bool(const Item &)>;
    using ItemSend = std::function<ItemReply *(const Item &)>;

    void nextStep();
    void runStep(const Step &step);
    void stepDone(StepResult step);
    void finishRun();
    void finishWith(Outcome outcome, const QString &message, const ApiError &error = {});

    // Re-reads the item (unless the caller's read is fresh) and checks it against `m_current`.
    void ensureFresh(std::function<void()> then);
    // GET-modify-PUT with the stale check and lost-reply handling; `done` decides the outcome.
    void putItem(const QString &summary, ItemEdit edit, ItemCheck applied,
                 std::function<void(const Item &after)> done, qint64 undoOf = 0);
    // POST ?op=scan (library/desk or department/work order).
    void scanIn(const Step &step);
    void markMissing(const Step &step);
    void withdraw(const Step &step);
    void verifyLoan();
    void undoChange();
    bool anyWrite() const; // a step of this run wrote to Alma (the stamp's condition)
    // After a write whose reply was lost: re-read and let Alma's state decide.
    void settleUnknown(qint64 writeId, const Item &base, ItemCheck applied,
                       std::function<void(const Item &after)> done);
    ItemReply *readItem();
    QString stepName() const;

    Executor *m_executor;
    Kind m_kind;
    qint64 m_intentId;
    Item m_current; // the latest state Alma confirmed
    std::vector<Step> m_steps;
    QDateTime m_readAt;
    bool m_fresh = false; // m_current came from Alma just now (a fresh lookup or a write reply)
    size_t m_index = 0;
    int m_stepCalls = 0;
    StepType m_guide = StepType::Nothing;
    qint64 m_undoneWriteId = 0;
    Item m_undoBefore;
    Item m_undoAfter;
    bool m_undoHasAfter = false;
};

} // namespace migdesk
