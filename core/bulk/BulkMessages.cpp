// Messages for bulk-run errors (see BulkMessages.h).
#include "bulk/BulkMessages.h"

#include "alma/ErrorMessages.h"
#include "model/ErrorPolicy.h"

#include <QCoreApplication>

namespace migdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Bulk", text);
}
} // namespace

bool isJobLimitError(const ApiError &error)
{
    return error.code == almacode::TooManyApiJobs || error.code == almacode::JobRunsPerHour ||
           error.code == almacode::JobLimitsRefused;
}

QString jobStartErrorMessage(const ApiError &error, const QString &jobId, const QString &setName)
{
    if (error.code == almacode::TooManyApiJobs) {
        return tr("Alma is already running 3 jobs started through the API, its limit. Wait until "
                  "one of them finishes (Alma: Admin > Monitor Jobs), then resume: the set "
                  "\"%1\" is kept and the items are not added again.")
            .arg(setName);
    }
    if (error.code == almacode::JobRunsPerHour) {
        return tr("The job %1 has already been started 5 times in the last hour through the API, "
                  "Alma's limit. Resume in an hour: the set \"%2\" is kept and the items are "
                  "not added again.")
            .arg(jobId, setName);
    }
    if (error.code == almacode::JobLimitsRefused) {
        return tr("Alma refused to start the job %1 now because of its limits on jobs started "
                  "through the API (code 60347). Check Admin > Monitor Jobs, wait for running "
                  "jobs to finish, then resume: the set \"%2\" is kept.")
            .arg(jobId, setName);
    }
    return tr("Alma did not start the job %1 on the set \"%2\": %3")
        .arg(jobId, setName, userMessage(error));
}

QString bulkErrorMessage(const ApiError &error, const QString &phaseLabel)
{
    return tr("%1 failed: %2").arg(phaseLabel, userMessage(error));
}

} // namespace migdesk
