// Recovery: on start, works the journal's unfinished intents (oldest first). Each item is
// re-read; a write that was sent but never answered is settled from what Alma shows. Then:
// - DoneVerified: Alma already shows the effect (the intent is finished as done);
// - OfferAgain: the item still needs its fix (the desk offers it again, the batch re-queues it;
//   the Executor skips any step Alma already shows, so nothing is written twice);
// - ShowStaff: MigDesk cannot tell what happened: staff look at the item instead of a guess;
// - StillPending: Alma could not be reached; the intent stays in the queue.
#pragma once

#include "journal/Journal.h"
#include "model/Item.h"

#include <QObject>

#include <vector>

namespace migdesk {

class AlmaClient;

struct RecoveryItem {
    enum class Decision { DoneVerified, OfferAgain, ShowStaff, StillPending };
    JournalIntent intent;
    Decision decision = Decision::StillPending;
    Item current; // what Alma shows now (when re-read)
    bool hasItem = false;
    Outcome outcome = Outcome::Pending; // DoneVerified: Done or TransitOrHold
    QString message;                    // staff-readable
    int calls = 0;
};

// The verdict on an unfinished intent's writes from what Alma shows now, shared by Recovery and
// the desk's resume (ScanSession): every write that was sent and never answered is settled in the
// journal (verified_ok when the item changed since its before-image, else verified_not). Then:
// Redo: still a migration item (or nothing was written): plan it again from what Alma shows;
// DoneVerified: Alma already shows the effect; ShowStaff: a change MigDesk cannot explain.
struct WriteVerdict {
    enum class Kind { Redo, DoneVerified, ShowStaff };
    Kind kind = Kind::Redo;
    Outcome outcome =
        Outcome::Pending; // DoneVerified: Done or TransitOrHold; ShowStaff: NeedsStaff
    QString message;      // staff-readable
};
// `journal` may be null (a desk without a journal): then nothing is settled, only judged.
WriteVerdict settleWrites(Journal *journal, const std::vector<JournalWrite> &writes,
                          const Item &now);
// The item can no longer be read: true when a delete was sent (answered or not), which explains
// it; its open writes are then settled as verified_ok. False leaves everything as it was.
bool settleWritesGone(Journal *journal, const std::vector<JournalWrite> &writes);

class Recovery : public QObject {
    Q_OBJECT
public:
    Recovery(AlmaClient *client, Journal *journal, QObject *parent = nullptr);

    // Reads the unfinished intents and works them one at a time; finished() at the end.
    void start();
    const std::vector<RecoveryItem> &items() const { return m_items; }

Q_SIGNALS:
    void itemRecovered(int index);
    void finished();

private:
    void next();
    void decide(RecoveryItem &entry, const Item *now, const ApiError &readError);

    AlmaClient *m_client;
    Journal *m_journal;
    std::vector<RecoveryItem> m_items;
    size_t m_index = 0;
};

} // namespace migdesk
