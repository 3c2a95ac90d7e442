// The plain values around a bulk run (a set + Alma's Change Physical Items job): what to run,
// the confirmation staff see before it starts, progress, and the per-item and overall result.
// No QObject and no JSON here, so the GUI and the CLI can use them directly.
#pragma once

#include "bulk/JobTemplate.h"
#include "model/ApiError.h"
#include "model/Outcome.h"
#include "planning/Stamp.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk {

// How the members are checked once the job has completed.
struct VerifyPolicy {
    enum class Mode { All, Sample };
    Mode mode = Mode::Sample;
    int sampleSize = 50;

    // "all" or "sample:N" (N >= 1); std::nullopt for anything else.
    static std::optional<VerifyPolicy> fromText(const QString &text);
    QString toText() const;
};

// When a physical-condition change goes to the job instead of per-item PUTs, and which
// strategy Mark Missing uses. Stored in settings.
struct BulkPolicy {
    QString missingStrategy = QStringLiteral("job"); // "job" | "put"
    int damagedJobThreshold = 200;                   // this many Damaged items or more: use the job
    bool useJob(BulkAction action, int itemCount) const;
};

// One item handed to a bulk run. With `intentId` the caller (desk, batch) already journaled the
// scan and the run finishes that intent; without, the run records one.
struct BulkItem {
    QString barcode;
    qint64 intentId = 0;
};

struct BulkRequest {
    BulkAction action = BulkAction::Missing;
    std::vector<BulkItem> items;
    JobTemplate jobTemplate;
    QString sessionName; // "Main desk": the set is "MigDesk Missing 2026-11-28 Main desk"
    QDate date;          // invalid: today
    QString conditionCode = QStringLiteral("DAMAGED");
    QString statusCode = QStringLiteral("MISSING");
    VerifyPolicy verify;
    int chunkSize = 1000; // members per add call (Alma's maximum is 1,000)
    int pollIntervalMs = 2000;
    int maxPollFailures = 5; // consecutive failed polls before the run stops as pending
    int verifyConcurrency = 8;
    // Keep the set in Alma after a verified run; by default MigDesk deletes the set it created
    // once every re-read item showed the change.
    bool keepSet = false;
    // The resolution stamp (planning/Stamp.h); `stamp.field` empty: none. Alma's job sets a note
    // to one value, so the run reads every item first: items whose field is empty get the stamp
    // from the job, the others are updated one by one after it (action + appended stamp in one
    // PUT each), so no note is ever replaced.
    StampSettings stamp;
};

// "1 item" / "240 items" (translated).
QString bulkItemCount(int count);

// The set name for a run: "MigDesk Missing 2026-11-28 Main desk".
QString bulkSetName(BulkAction action, const QDate &date, const QString &sessionName);

// What the confirmation dialog (or the CLI) states before anything is sent.
struct BulkConfirmation {
    int itemCount = 0;
    BulkAction action = BulkAction::Missing;
    QString actionLabel; // "Missing"
    QString jobId;
    QString jobName;
    QString setName;
    QString stampField;   // the note field the run stamps, empty: none
    QStringList problems; // non-empty: the run cannot start (template cannot do the action)

    // "Run the Missing job for 240 items? MigDesk creates the set "…" and runs Alma's job
    // "…" (M18) on it." (translated)
    QString title() const; // "Run the Missing job for this session's 240 items"
    QString text() const;
};

enum class BulkPhase {
    Idle,
    ReadingItems, // a stamped run reads each item's note field before the job
    CreatingSet,
    AddingMembers,
    StartingJob,
    Running,
    Verifying,
    UpdatingItems, // a stamped run updates, one by one, the items whose field held text
    Finished
};
QString bulkPhaseName(BulkPhase phase);  // "creating_set", ...
QString bulkPhaseLabel(BulkPhase phase); // translated

struct BulkProgress {
    BulkPhase phase = BulkPhase::Idle;
    int done = 0;      // within the phase: members added, items verified, or the job's percent
    int total = 0;     // within the phase (100 while the job runs)
    QString jobStatus; // Alma's status.value while the job runs ("QUEUED", "RUNNING", ...)
    QString message;   // translated one-liner for a progress line
};

struct BulkItemResult {
    QString barcode;
    qint64 intentId = 0;
    Outcome outcome = Outcome::Pending;
    QString message;       // translated
    QString errorCode;     // Alma's code when Alma refused this item (e.g. 60116)
    bool verified = false; // re-read after the job
    QString processTypeAfter;
    QString conditionAfter;
    QString title;
};

struct BulkSummary {
    bool ok = false; // the job completed and no item failed
    ApiError error;  // what stopped the run, when it stopped
    QString message; // translated, with what to do next
    QString setId;
    QString setName;
    QString jobId;
    QString instanceId;
    QString jobStatus;       // Alma's last status.value
    bool setDeleted = false; // the run deleted its set after verification
    std::vector<BulkItemResult> items;
    qint64 journalRunId = 0;

    int count(Outcome outcome) const;
};

} // namespace migdesk
