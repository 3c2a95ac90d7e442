// Sets and jobs in the sandbox: itemized sets of physical items, members added by barcode,
// and Alma's Change Physical items job, M18 (parameters in SandboxM18), with Alma-like
// instances and limits.
#include "SandboxCatalog.h"
#include "SandboxErrors.h"
#include "SandboxM18.h"
#include "SandboxState.h"

namespace migdesk::sandbox {

using nlohmann::json;

namespace {

constexpr int kMaxMembersPerCall = 1000;
constexpr int kMaxRunningApiJobs = 3;
constexpr int kMaxRunsPerHour = 5;

json parseBody(const QByteArray &body)
{
    return json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

std::string textOf(const json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_object() && value.contains("value"))
        return textOf(value["value"]);
    if (value.is_number() || value.is_boolean())
        return value.dump();
    return {};
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

bool finished(const JobInstance &job)
{
    return job.status.startsWith(QLatin1String("COMPLETED"));
}

QString statusDesc(const QString &status)
{
    if (status == QLatin1String("QUEUED"))
        return QStringLiteral("Queued");
    if (status == QLatin1String("RUNNING"))
        return QStringLiteral("Running");
    if (status == QLatin1String("COMPLETED_SUCCESS"))
        return QStringLiteral("Completed Successfully");
    return QStringLiteral("Completed with Errors");
}

const char *kJobName = "Change Physical items";

// fail_on_invalid_id=false: Alma skips the ids it cannot add and answers with the set.
bool skipsInvalidIds(const SandboxRequest &request)
{
    return request.queryValue(QStringLiteral("fail_on_invalid_id")) == QLatin1String("false");
}

} // namespace

SandboxReply SandboxState::createSet(const QByteArray &body, const QString &base)
{
    const json sent = parseBody(body);
    if (sent.is_discarded() || !sent.is_object()) {
        return almaError(400, QStringLiteral("401652"),
                         QStringLiteral("General Error - the body is not a set object."));
    }
    const std::string name = textOf(sent.value("name", json()));
    if (name.empty()) {
        return almaError(400, QStringLiteral("401664"),
                         QStringLiteral("Mandatory field is missing: name"));
    }
    const std::string type = textOf(sent.value("type", json()));
    const std::string content = textOf(sent.value("content", json()));
    if (type != "ITEMIZED" || content != "ITEM") {
        return almaError(400, QStringLiteral("40166404"),
                         QStringLiteral("Invalid field: the sandbox supports itemized sets of "
                                        "physical items only (type ITEMIZED, content ITEM)."));
    }
    SandboxSet set;
    set.id = std::to_string(1000000000000ULL * 9 + m_nextId++) + "3601";
    set.object =
        json{{"id", set.id},
             {"name", name},
             {"description", textOf(sent.value("description", json()))},
             {"type", {{"value", "ITEMIZED"}, {"desc", "Itemized"}}},
             {"content", {{"value", "ITEM"}, {"desc", "Physical items"}}},
             {"private",
              {{"value", textOf(sent.value("private", json())) == "true" ? "true" : "false"}}},
             {"status", {{"value", "ACTIVE"}, {"desc", "Active"}}},
             {"origin", {{"value", "UI"}, {"desc", "Institution only"}}},
             {"created_by", {{"value", "exl_api"}, {"desc", "API, Ex Libris"}}},
             {"created_date", almaToday()}};
    const std::string id = set.id;
    m_sets.emplace(id, std::move(set));
    return getSet(q(id), base);
}

SandboxReply SandboxState::getSet(const QString &setId, const QString &base) const
{
    const auto it = m_sets.find(setId.toStdString());
    if (it == m_sets.end()) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Set %1 does not exist.").arg(setId));
    }
    json object = it->second.object;
    const QString link = base + QStringLiteral("/almaws/v1/conf/sets/") + setId;
    object["number_of_members"] = {{"value", it->second.memberPids.size()},
                                   {"link", (link + QStringLiteral("/members")).toStdString()}};
    object["link"] = link.toStdString();
    SandboxReply reply;
    reply.body = QByteArray::fromStdString(object.dump());
    return reply;
}

SandboxReply SandboxState::deleteSet(const QString &setId)
{
    if (m_sets.erase(setId.toStdString()) == 0) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Set %1 does not exist.").arg(setId));
    }
    SandboxReply reply;
    reply.status = 204;
    return reply;
}

SandboxReply SandboxState::addMembers(const QString &setId, const SandboxRequest &request,
                                      const QString &base)
{
    const auto it = m_sets.find(setId.toStdString());
    if (it == m_sets.end()) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Set %1 does not exist.").arg(setId));
    }
    if (request.queryValue(QStringLiteral("op")) != QLatin1String("add_members") ||
        request.queryValue(QStringLiteral("id_type")) != QLatin1String("BARCODE")) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("The sandbox supports op=add_members with "
                                        "id_type=BARCODE on sets."));
    }
    const json sent = parseBody(request.body);
    json members;
    if (sent.is_object() && sent.contains("members") && sent["members"].is_object())
        members = sent["members"].value("member", json());
    if (members.is_object())
        members = json::array({members});
    if (!members.is_array()) {
        return almaError(400, QStringLiteral("401652"),
                         QStringLiteral("General Error - the body has no members.member list."));
    }
    if (members.size() > size_t(kMaxMembersPerCall)) {
        return almaError(
            400, QStringLiteral("INVALID_REQUEST"),
            QStringLiteral("At most %1 members can be added in one call.").arg(kMaxMembersPerCall));
    }
    SandboxSet &set = it->second;
    std::vector<std::pair<QString, QString>> errors;
    for (const json &member : members) {
        const std::string barcode =
            textOf(member.is_object() ? member.value("id", json()) : member);
        const auto found = m_byBarcode.find(barcode);
        if (barcode.empty() || found == m_byBarcode.end()) {
            errors.emplace_back(QStringLiteral("60116"),
                                QStringLiteral("Invalid member: %1").arg(q(barcode)));
            continue;
        }
        const std::string pid = m_records[found->second].item["item_data"]["pid"];
        if (!set.members.insert(pid).second) {
            errors.emplace_back(
                QStringLiteral("60115"),
                QStringLiteral("Member %1 already exists in the set.").arg(q(barcode)));
            continue;
        }
        set.memberPids.push_back(pid);
    }
    if (!errors.empty() && !skipsInvalidIds(request))
        return almaErrors(400, errors); // the valid members were added all the same
    return getSet(setId, base);
}

SandboxReply SandboxState::setMembers(const QString &setId, const SandboxRequest &request,
                                      const QString &base) const
{
    const auto it = m_sets.find(setId.toStdString());
    if (it == m_sets.end()) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Set %1 does not exist.").arg(setId));
    }
    bool ok = false;
    int limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        limit = 10;
    limit = std::min(limit, 100);
    const int offset = std::max(0, request.queryValue(QStringLiteral("offset")).toInt());
    const auto &pids = it->second.memberPids;
    json list = json::array();
    for (size_t i = size_t(offset); i < pids.size() && list.size() < size_t(limit); ++i) {
        const ItemRecord *record = recordByPid(pids[i]);
        json entry = {{"id", pids[i]}};
        if (record) {
            entry["description"] = record->item["bib_data"].value("title", std::string());
            entry["link"] = withLinks(record->item, base)["link"];
        }
        list.push_back(std::move(entry));
    }
    json answer = json::object();
    if (!list.empty())
        answer["member"] = list;
    answer["total_record_count"] = pids.size();
    SandboxReply reply;
    reply.body = QByteArray::fromStdString(answer.dump());
    return reply;
}

SandboxReply SandboxState::runJob(const QString &jobId, const SandboxRequest &request,
                                  const QString &base)
{
    if (jobId != m_options.jobId) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Job %1 is not defined in the sandbox; its job is %2.")
                             .arg(jobId, m_options.jobId));
    }
    if (request.queryValue(QStringLiteral("op")) != QLatin1String("run")) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Jobs are started with op=run."));
    }
    const json sent = parseBody(request.body);
    QString problem;
    const std::optional<M18Run> run = readM18Run(sent, &problem);
    if (!run)
        return almaError(400, QStringLiteral("40166404"),
                         QStringLiteral("Invalid field: ") + problem);
    const auto set = m_sets.find(run->setId);
    if (set == m_sets.end()) {
        return almaError(400, QStringLiteral("INVALID_REQUEST"),
                         QStringLiteral("Set %1 does not exist.").arg(q(run->setId)));
    }
    int running = 0;
    for (const auto &job : m_jobs)
        running += finished(job) ? 0 : 1;
    if (running >= kMaxRunningApiJobs) {
        return almaError(400, QStringLiteral("402222"),
                         QStringLiteral("The maximum number of jobs started through the API (%1) "
                                        "are running. Try again when one has finished.")
                             .arg(kMaxRunningApiJobs));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int runsLastHour = 0;
    for (const auto &[id, at] : m_runHistory)
        runsLastHour += (id == jobId.toStdString() && at.secsTo(now) < 3600) ? 1 : 0;
    if (runsLastHour >= kMaxRunsPerHour) {
        return almaError(400, QStringLiteral("402223"),
                         QStringLiteral("Job %1 ran %2 times in the last hour, the most allowed. "
                                        "Try again later.")
                             .arg(jobId)
                             .arg(kMaxRunsPerHour));
    }
    m_runHistory.emplace_back(jobId.toStdString(), now);
    JobInstance job;
    job.id = std::to_string(6000000000000ULL + m_nextId++) + "3601";
    job.jobId = jobId.toStdString();
    job.setId = set->first;
    job.changeMissing = run->changeMissing;
    job.setMissing = run->setMissing;
    job.changeCondition = run->changeCondition;
    job.physicalCondition = run->condition;
    job.forceFailure = run->forceFailure;
    job.submitted = now;
    job.pids = set->second.memberPids;
    job.parameters = sent.value("parameter", json::array());
    const QString jobLink = base + QStringLiteral("/almaws/v1/conf/jobs/") + jobId;
    const json answer = {
        {"id", job.jobId},
        {"name", kJobName},
        {"description", "Changes fields of the physical items of a set."},
        {"type", {{"value", "MANUAL"}, {"desc", "Manual"}}},
        {"category", {{"value", "PHYSICAL_INVENTORY"}, {"desc", "Physical Inventory"}}},
        {"parameter", job.parameters},
        {"link", jobLink.toStdString()},
        {"additional_info",
         {{"value",
           "Job no. " + job.id + " triggered on " + now.toString(Qt::RFC2822Date).toStdString()},
          {"link", (jobLink + QStringLiteral("/instances/") + q(job.id)).toStdString()}}}};
    m_jobs.push_back(std::move(job));
    SandboxReply reply;
    reply.body = QByteArray::fromStdString(answer.dump());
    return reply;
}

void SandboxState::applyJobTo(JobInstance &job, const std::string &pid)
{
    ItemRecord *record = recordByPid(pid);
    bool activeLoan = false;
    if (record) {
        for (const auto &loan : record->loans)
            activeLoan = activeLoan || loan.value("loan_status", std::string()) == "ACTIVE";
    }
    if (!record || (activeLoan && job.changeMissing && job.setMissing)) {
        ++job.notUpdated; // gone, or on loan: Missing cannot be set on a loaned item
        return;
    }
    json &data = record->item["item_data"];
    if (job.changeMissing && job.setMissing) {
        const QString missing = QStringLiteral("MISSING");
        data["process_type"] = codeValue(missing, processTypeDesc(missing));
        data["base_status"] = codeValue(QStringLiteral("0"), QStringLiteral("Item not in place"));
    } else if (job.changeMissing && data["process_type"].value("value", json()) == "MISSING") {
        data["process_type"] = codeValue(QString(), QString()); // Null: Missing removed
        data["base_status"] = codeValue(QStringLiteral("1"), QStringLiteral("Item in place"));
    }
    if (job.changeCondition && job.physicalCondition.isEmpty()) {
        data["physical_condition"] = json{{"value", nullptr}, {"desc", nullptr}};
    } else if (job.changeCondition) {
        data["physical_condition"] =
            codeValue(job.physicalCondition,
                      QString::fromUtf8(findPhysicalConditionName(job.physicalCondition)));
    }
    data["modification_date"] = almaToday();
    ++job.updated;
}

bool SandboxState::advanceJobs(const QDateTime &now)
{
    bool pending = false;
    const qint64 duration = qint64(std::max(0, m_options.jobSeconds)) * 1000;
    const qint64 queuedFor = std::min<qint64>(500, duration / 10);
    for (auto &job : m_jobs) {
        if (finished(job))
            continue;
        const qint64 elapsed = job.submitted.msecsTo(now);
        if (elapsed < queuedFor) {
            pending = true;
            continue;
        }
        if (job.status == QLatin1String("QUEUED")) {
            job.status = QStringLiteral("RUNNING");
            job.started = now;
        }
        if (job.forceFailure) {
            job.status = QStringLiteral("COMPLETED_FAILED");
            job.ended = now;
            continue;
        }
        const qint64 runFor = duration - queuedFor;
        size_t target = job.pids.size();
        if (runFor > 0 && elapsed - queuedFor < runFor)
            target = size_t(double(job.pids.size()) * double(elapsed - queuedFor) / double(runFor));
        while (job.done < target)
            applyJobTo(job, job.pids[job.done++]);
        if (job.done >= job.pids.size()) {
            job.status = QStringLiteral("COMPLETED_SUCCESS");
            job.ended = now;
        } else {
            pending = true;
        }
    }
    return pending;
}

json SandboxState::instanceJson(const JobInstance &job, const QString &base) const
{
    const QString jobLink = base + QStringLiteral("/almaws/v1/conf/jobs/") + q(job.jobId);
    const int progress = job.status == QLatin1String("COMPLETED_SUCCESS")
                             ? 100
                             : (job.pids.empty() ? 0 : int(100 * job.done / job.pids.size()));
    json alerts = json::array();
    if (job.status == QLatin1String("COMPLETED_FAILED"))
        alerts.push_back({{"value", "job_failed"},
                          {"desc", "The job failed (forced by the "
                                   "force_failure parameter)."}});
    if (job.notUpdated > 0)
        alerts.push_back({{"value", "items_not_updated"},
                          {"desc", "Some items were not updated (on loan or no longer exist)."}});
    json out = {
        {"id", job.id},
        {"name", kJobName},
        {"submitted_by", {{"value", "exl_api"}, {"desc", "API, Ex Libris"}}},
        {"submit_date", job.submitted.toString(Qt::ISODateWithMs).toStdString()},
        {"progress", progress},
        {"status",
         {{"value", job.status.toStdString()}, {"desc", statusDesc(job.status).toStdString()}}},
        {"status_date", almaToday()},
        {"alerts", {{"alert", alerts}}},
        {"counter",
         json::array(
             {{{"type", {{"value", "label.items.total"}, {"desc", "Total items"}}},
               {"value", std::to_string(job.pids.size())}},
              {{"type", {{"value", "label.items.updated"}, {"desc", "Items updated"}}},
               {"value", std::to_string(job.updated)}},
              {{"type", {{"value", "label.items.not.updated"}, {"desc", "Items not updated"}}},
               {"value", std::to_string(job.notUpdated)}}})},
        {"job_info", {{"id", job.jobId}, {"name", kJobName}, {"link", jobLink.toStdString()}}},
        {"link", (jobLink + QStringLiteral("/instances/") + q(job.id)).toStdString()}};
    if (job.started.isValid())
        out["start_time"] = job.started.toString(Qt::ISODateWithMs).toStdString();
    if (job.ended.isValid())
        out["end_time"] = job.ended.toString(Qt::ISODateWithMs).toStdString();
    return out;
}

SandboxReply SandboxState::jobInstance(const QString &jobId, const QString &instanceId,
                                       const QString &base) const
{
    for (const auto &job : m_jobs) {
        if (q(job.id) == instanceId && q(job.jobId) == jobId) {
            SandboxReply reply;
            reply.body = QByteArray::fromStdString(instanceJson(job, base).dump());
            return reply;
        }
    }
    return almaError(
        400, QStringLiteral("INVALID_REQUEST"),
        QStringLiteral("Job instance %1 of job %2 does not exist.").arg(instanceId, jobId));
}

} // namespace migdesk::sandbox
