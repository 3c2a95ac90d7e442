// Staff-readable messages for what stops a bulk run, with what to do next: Alma's job limits
// (402222 three API-started jobs at once, 402223 five runs of one job per hour, 60347), and
// every other error through userMessage().
#pragma once

#include "model/ApiError.h"

#include <QString>

namespace migdesk {

// True for the Alma error codes that mean "not now, later" for a job run.
bool isJobLimitError(const ApiError &error);

// The message for an error while starting the job: the limits get their own sentence naming
// the set, which MigDesk keeps so the run can be resumed without adding the items again.
QString jobStartErrorMessage(const ApiError &error, const QString &jobId, const QString &setName);

// The message for any other error in a bulk phase ("creating the set", ...).
QString bulkErrorMessage(const ApiError &error, const QString &phaseLabel);

} // namespace migdesk
