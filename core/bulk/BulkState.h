// What a bulk run keeps in the journal (as the detail of its "bulk_job" intent) so that a run
// interrupted at any point (a crash, MigDesk closed while Alma's job runs) resumes where it
// stopped: the set, the job and its instance, the items and their intents. Never the API key.
#pragma once

#include "bulk/BulkTypes.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace migdesk {

class Journal;

// The journal sources a bulk run uses: one "bulk_job" intent per run (barcode empty) holds
// the set and job writes; one "bulk" intent per item holds the item's outcome. Recovery code of
// the desk and the batch leaves both to BulkRunner.
inline QString bulkJobSource()
{
    return QStringLiteral("bulk_job");
}
inline QString bulkItemSource()
{
    return QStringLiteral("bulk");
}

struct BulkState {
    qint64 jobIntentId = 0;
    qint64 runId = 0;
    BulkAction action = BulkAction::Missing;
    QString templateJson; // the normalised job template (JobTemplate::toJson)
    QString conditionCode;
    QString statusCode;
    QString setName;
    QString setId;
    int membersAdded = 0; // items whose chunk was added (in item order)
    QString jobId;
    QString instanceId;
    std::vector<BulkItem> items;
    QStringList invalid; // barcodes Alma refused as members (60116)
    // Members are added with fail_on_invalid_id=false: Alma skips what it cannot add and only
    // the set's member count tells. The barcodes of a chunk that added fewer members than it
    // sent are re-read one by one after the job, so each invalid one gets its own row.
    QStringList unconfirmed;
    int memberCount = 0; // the set's number_of_members after the last add
    QDateTime startedAt;
    // The resolution stamp (BulkRequest::stamp). Before the set is made, a stamped run reads
    // every item (`stampChecked` once done): `byItem` are the barcodes whose field held text,
    // left out of the set and updated one by one after the job; the job stamps the others with
    // `stampLine`.
    QString stampField;
    QString stampTemplate;
    QString stampOperator;
    QString stampLine;
    bool stampChecked = false;
    QStringList byItem;
    QStringList notFound; // barcodes the read found no item for (decided, never in the set)
    // False once a resumed run found text in a set member's field when it read the members
    // again before the job: the job then changes the items without stamping any.
    bool jobStamp = true;

    QString toJson() const;
    static std::optional<BulkState> fromJson(const QString &text);
};

// An unfinished run found in the journal.
struct BulkResumable {
    BulkState state;
    // "members": the set is not complete; "job_unknown": the run request was sent but its reply
    // never recorded (Alma may or may not have started the job); "job": the job was started.
    QString stage;
    QString describe() const; // translated one-liner for the CLI and the GUI
};

// Unfinished bulk runs in the journal, oldest first.
std::vector<BulkResumable> findUnfinishedBulkRuns(const Journal &journal);

} // namespace migdesk
