// The sandbox's data and Alma's business rules: items with their loans and requests, sets and
// job instances. Every endpoint handler returns a complete reply; links are built from `base`
// (the scheme, host and port the request was sent to).
#pragma once

#include "SandboxHttp.h"
#include "SandboxServer.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace migdesk::sandbox {

struct ItemRecord {
    nlohmann::json item;                  // Alma's item object, links added on output
    std::vector<nlohmann::json> loans;    // item_loan objects (ACTIVE and COMPLETE)
    std::vector<nlohmann::json> requests; // user_request objects still open
    int inHouseUses = 0;
    bool deleted = false;
};

struct SandboxSet {
    std::string id;
    nlohmann::json object; // the set as created (without members)
    std::vector<std::string> memberPids;
    std::unordered_set<std::string> members;
};

struct JobInstance {
    std::string id;
    std::string jobId;
    std::string setId;
    bool changeMissing = false;   // MISSING_STATUS selected
    bool setMissing = false;      // ... to MISSING (false: remove Missing)
    bool changeCondition = false; // PHYSICAL_CONDITION selected
    QString physicalCondition;    // ... to this code (empty: clear it)
    // Note fields selected ("statistics_note_3" -> the text; empty: cleared). M18 sets the value,
    // replacing what the note held.
    std::map<std::string, std::string> notes;
    bool forceFailure = false;
    QDateTime submitted;
    QDateTime started;
    QDateTime ended;
    nlohmann::json parameters; // as sent, echoed in the run answer
    std::vector<std::string> pids;
    size_t done = 0;
    int updated = 0;
    int notUpdated = 0;
    QString status = QStringLiteral("QUEUED");
};

class SandboxState {
public:
    explicit SandboxState(const SandboxOptions &options);

    // Loading. Each load replaces everything; reset() returns to it by calling `rebuild`
    // (regenerating is cheaper than keeping a second copy of every item).
    using RecordFactory = std::function<std::vector<ItemRecord>()>;
    void loadRecords(std::vector<ItemRecord> records, std::vector<DemoExample> examples,
                     RecordFactory rebuild);
    bool loadDataJson(const QByteArray &json, QString *error);
    // Parses the --data format into records; false with `error` set when it is malformed.
    static bool parseDataJson(const QByteArray &json, std::vector<ItemRecord> *records,
                              QString *error);
    void reset();

    std::vector<DemoExample> examples() const { return m_examples; }
    int inHouseUses() const { return m_inHouseUses; }
    size_t itemCount() const;

    // Alma endpoints.
    SandboxReply itemByBarcode(const QString &barcode, const QString &base) const;
    SandboxReply getItem(const QStringList &ids, const QString &base) const;
    SandboxReply putItem(const QStringList &ids, const QByteArray &body, const QString &base);
    SandboxReply scanIn(const QStringList &ids, const SandboxRequest &request, const QString &base);
    SandboxReply loans(const QStringList &ids, const SandboxRequest &request,
                       const QString &base) const;
    SandboxReply deleteItem(const QStringList &ids, const SandboxRequest &request);

    // Sets (SandboxSets.cpp).
    SandboxReply createSet(const QByteArray &body, const QString &base);
    SandboxReply getSet(const QString &setId, const QString &base) const;
    SandboxReply listSets(const SandboxRequest &request, const QString &base) const;
    SandboxReply deleteSet(const QString &setId);
    // POST on a set: op=add_members or op=delete_members (id_type, fail_on_invalid_id).
    SandboxReply updateMembers(const QString &setId, const SandboxRequest &request,
                               const QString &base);
    SandboxReply setMembers(const QString &setId, const SandboxRequest &request,
                            const QString &base) const;
    // Jobs (SandboxJobs.cpp; the lookups in SandboxJobInfo.cpp).
    SandboxReply runJob(const QString &jobId, const SandboxRequest &request, const QString &base);
    SandboxReply jobInstance(const QString &jobId, const QString &instanceId,
                             const QString &base) const;
    SandboxReply getJob(const QString &jobId, const QString &base) const;
    SandboxReply jobInstances(const QString &jobId, const SandboxRequest &request,
                              const QString &base) const;

    // Advances queued and running job instances; returns true while any is unfinished.
    bool advanceJobs(const QDateTime &now);

    // Test hooks.
    bool touch(const QString &barcode);
    bool declareLoan(const QString &barcode, const QString &action);
    nlohmann::json itemJson(const QString &barcode, const QString &base) const;
    QString pidForBarcode(const QString &barcode) const;
    QString barcodeForPid(const QString &pid) const;

private:
    void clearWork(); // sets, jobs, in-house uses; then the indexes
    void rebuildIndex();
    ItemRecord *recordByPid(const std::string &pid);
    const ItemRecord *recordByPid(const std::string &pid) const;
    const ItemRecord *recordByBarcode(const std::string &barcode) const;
    // Resolves {mms_id, holding_id, item_pid}; on failure fills `error`.
    ItemRecord *resolve(const QStringList &ids, SandboxReply *error);
    const ItemRecord *resolve(const QStringList &ids, SandboxReply *error) const;
    nlohmann::json withLinks(const nlohmann::json &item, const QString &base) const;
    void returnItem(ItemRecord &record, const QString &library, const QString &desk,
                    QString *additionalInfo);
    void applyJobTo(JobInstance &job, const std::string &pid);
    nlohmann::json instanceJson(const JobInstance &job, const QString &base) const;
    nlohmann::json jobInfoJson(const QString &base) const; // the job, as job_info shows it
    nlohmann::json setJson(const SandboxSet &set, const QString &base) const;
    SandboxReply unknownSet(const QString &setId) const; // 60107
    SandboxReply unknownJob(const QString &jobId) const; // 402216

    const SandboxOptions &m_options;
    std::vector<ItemRecord> m_records;
    RecordFactory m_rebuild;
    std::vector<DemoExample> m_examples;
    std::unordered_map<std::string, size_t> m_byPid;
    std::unordered_map<std::string, size_t> m_byBarcode;
    std::unordered_map<std::string, SandboxSet> m_sets;
    std::vector<JobInstance> m_jobs;
    std::vector<std::pair<std::string, QDateTime>> m_runHistory; // job id, run time
    int m_inHouseUses = 0;
    quint64 m_nextId = 1;
};

// The sandbox's one job, as GET /conf/jobs/{id} and the job_info of its instances name it.
inline constexpr const char *kSandboxJobName = "Change Physical items";
inline constexpr const char *kSandboxJobDescription =
    "Changes fields of the physical items of a set.";

// "2026-11-28Z", Alma's date format.
std::string almaToday();
nlohmann::json codeValue(const QString &value, const QString &desc);

} // namespace migdesk::sandbox
