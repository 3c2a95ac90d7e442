// Looking up the sandbox's job (see SandboxState.h): GET /conf/jobs/{id}, the list of its
// instances, and 402216 for a job the sandbox does not have, in the shapes of Alma's conf API.
#include "SandboxErrors.h"
#include "SandboxJson.h"
#include "SandboxState.h"

#include <algorithm>

namespace migdesk::sandbox {

using nlohmann::json;

SandboxReply SandboxState::unknownJob(const QString &jobId) const
{
    return almaError(400, QStringLiteral("402216"),
                     QStringLiteral("Job %1 was not found; the sandbox's job is %2.")
                         .arg(jobId, m_options.jobId));
}

json SandboxState::jobInfoJson(const QString &base) const
{
    return {
        {"id", m_options.jobId.toStdString()},
        {"name", kSandboxJobName},
        {"description", kSandboxJobDescription},
        {"type", {{"value", "MANUAL"}, {"desc", "Manual"}}},
        {"category", {{"value", "PHYSICAL_INVENTORY"}, {"desc", "Physical Inventory"}}},
        {"link", (base + QStringLiteral("/almaws/v1/conf/jobs/") + m_options.jobId).toStdString()}};
}

SandboxReply SandboxState::getJob(const QString &jobId, const QString &base) const
{
    if (jobId != m_options.jobId)
        return unknownJob(jobId);
    json job = jobInfoJson(base);
    job["content"] = {{"value", "ITEM"}, {"desc", "Physical items"}};
    job["schedule"] = {{"value", "NOT_SCHEDULED"}, {"desc", "Not scheduled"}};
    job["creator"] = "exl_api";
    job["next_run"] = "";
    // The parameters the job reads, each with its current default, as Alma lists them.
    json parameters = json::array();
    for (const char *name :
         {"set_id", "job_name", "MISSING_STATUS_selected", "MISSING_STATUS_value",
          "MISSING_STATUS_condition", "PHYSICAL_CONDITION_selected", "PHYSICAL_CONDITION_value",
          "PHYSICAL_CONDITION_condition"})
        parameters.push_back({{"name", {{"value", name}, {"desc", name}}}, {"value", ""}});
    job["parameter"] = std::move(parameters);
    job["related_profile"] = {{"value", ""}, {"link", ""}};
    const std::string link = job["link"];
    job["additional_info"] = {{"value", "Run it with POST " + link + "?op=run"},
                              {"link", link + "/instances"}};
    return jsonReply(job);
}

SandboxReply SandboxState::jobInstances(const QString &jobId, const SandboxRequest &request,
                                        const QString &base) const
{
    if (jobId != m_options.jobId)
        return unknownJob(jobId);
    const QString status = request.queryValue(QStringLiteral("status"));
    std::vector<const JobInstance *> matches;
    for (const auto &job : m_jobs) {
        if (QString::fromStdString(job.jobId) == jobId &&
            (status.isEmpty() || job.status == status))
            matches.push_back(&job);
    }
    // Newest first, as Alma lists them.
    std::reverse(matches.begin(), matches.end());
    return pagedListReply(request, "job_instance", matches.size(),
                          [&](std::size_t i) { return instanceJson(*matches[i], base); });
}

} // namespace migdesk::sandbox
