// BulkVerifier: after Alma's job completed, re-reads the items of a bulk run and says, per
// barcode, whether Alma now shows the change (process type MISSING, or the physical condition).
// "All" pages through the set's members and reads each item by its link (one call per item
// plus one per 100 members); "sample:N" reads N barcodes spread evenly over the run by barcode
// (the 302 and the item). A bounded number of reads is in flight; the client's rate limiter
// paces them.
#pragma once

#include "bulk/BulkTypes.h"
#include "model/Item.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>

namespace migdesk {

class AlmaClient;
class AlmaReply;

struct ItemCheck {
    bool read = false;    // Alma answered with the item
    bool applied = false; // the item shows the change
    ApiError error;       // why it could not be read
    Item item;
};

class BulkVerifier : public QObject {
    Q_OBJECT
public:
    struct Target {
        BulkAction action = BulkAction::Missing;
        QString statusCode = QStringLiteral("MISSING");
        QString conditionCode = QStringLiteral("DAMAGED");
        // A stamped run: the note field must also hold this line (empty field: no stamp).
        QString stampField;
        QString stampLine;
    };

    BulkVerifier(AlmaClient *client, Target target, QObject *parent = nullptr);

    // Picks `size` barcodes spread evenly over `barcodes` (all of them when size >= count).
    static QStringList sampleOf(const QStringList &barcodes, int size);
    // True when `item` shows the target's change (and its stamp, when the target has one).
    static bool isApplied(const Item &item, const Target &target);
    // True when `item` shows the target's change, whatever its note fields hold.
    static bool isChanged(const Item &item, const Target &target);
    // True when the target has no stamp or the item's note field holds its line.
    static bool hasStamp(const Item &item, const Target &target);

    // Reads every member of the set; `barcodes` not found among the members are read by
    // barcode. Emits finished() once.
    void verifyAll(const QString &setId, const QStringList &barcodes, int concurrency);
    // Reads these barcodes. Emits finished() once.
    void verifyBarcodes(const QStringList &barcodes, int concurrency);

    const QHash<QString, ItemCheck> &checks() const { return m_checks; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished();

private:
    using Task = std::function<void()>;
    void enqueue(Task task);
    void pump();
    void taskDone();
    void readByBarcode(const QString &barcode);
    void readByPath(const QString &mmsId, const QString &holdingId, const QString &pid);
    void fetchMembers(int offset);
    void record(const QString &barcode, ItemCheck check);

    AlmaClient *m_client;
    Target m_target;
    QString m_setId;
    QStringList m_wanted;
    QHash<QString, ItemCheck> m_checks;
    std::deque<Task> m_queue;
    int m_inFlight = 0;
    int m_concurrency = 8;
    int m_total = 0;
    int m_done = 0;
    int m_memberTotal = -1;
    int m_memberPagesPending = 0;
    bool m_membersFailed = false;
    bool m_finished = false;
};

} // namespace migdesk
