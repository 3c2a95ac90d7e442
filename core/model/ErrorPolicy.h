// The one error policy: how every front end (desk, batch, recovery, bulk, executor) treats a
// failure. Each ApiError falls in exactly one class, and the Alma error codes MigDesk acts on are
// named here once. tests/core/ErrorPolicyTest.cpp walks every ErrorKind through it.
#pragma once

#include "model/ApiError.h"

#include <QLatin1String>

namespace migdesk {

enum class ErrorClass {
    None,           // not an error
    Offline,        // Alma could not be reached or asks us to slow down (network, timeout, 429,
                    // daily budget, a gateway 5xx): nothing is known to have changed; wait, retry
    Temporary,      // stopped on our side before an answer (cancelled): retry later
    UncertainWrite, // a write was sent and its answer lost (Ambiguous): it may have happened;
                    // never resend blindly, re-read the item instead
    Refused,        // Alma (or MigDesk's own checks) said no: an answer, not worth retrying as is
};

ErrorClass errorClass(const ApiError &error);
// "offline", "temporary", "uncertain_write", "refused", "none"
QString errorClassName(ErrorClass errorClass);

// Nothing is known to be final: the item stays pending rather than failed (every class but
// Refused). The batch's report says Pending, the journal keeps the intent open.
bool isTransientError(const ApiError &error);
// The desk's queue waits and backs off (Offline only).
bool isOfflineError(const ApiError &error);
// After a write (PUT, POST, DELETE) failed this way it may still have reached Alma: the item is
// re-read and Alma's state decides. True for UncertainWrite and for an Offline or Temporary
// failure that does not prove the call was refused before Alma acted (a 429 or the daily budget
// is such a proof).
bool writeMayHaveHappened(const ApiError &error);

// Alma's error codes that MigDesk acts on (ALMA_API.md).
namespace almacode {
inline constexpr QLatin1String NoItemForBarcode{"401689"}; // GET /items?item_barcode=
inline constexpr QLatin1String NoSuchItem{"401690"};       // read of an item id that is gone
inline constexpr QLatin1String ItemDeleteErrors{"401849"}; // DELETE refused (loan, requests)
inline constexpr QLatin1String ItemUpdateFailed{"401652"}; // PUT refused
inline constexpr QLatin1String ScanInNeedsDesk{"40166415"};
inline constexpr QLatin1String MemberAlreadyInSet{"60115"};
inline constexpr QLatin1String InvalidSetMember{"60116"};
inline constexpr QLatin1String TooManyApiJobs{"402222"}; // 3 API-started jobs at once
inline constexpr QLatin1String JobRunsPerHour{"402223"}; // 5 runs of one job an hour
inline constexpr QLatin1String JobLimitsRefused{"60347"};
} // namespace almacode

// True when Alma said there is no item with this barcode, or the item id no longer exists.
bool isItemNotFound(const ApiError &error);

} // namespace migdesk
