// The one error policy (see ErrorPolicy.h).
#include "model/ErrorPolicy.h"

namespace migdesk {

namespace {

bool isGatewayFailure(const ApiError &error)
{
    const bool httpish = error.kind == ErrorKind::Http || error.kind == ErrorKind::Alma;
    return httpish && (error.httpStatus == 0 || error.httpStatus == 429 || error.httpStatus >= 500);
}

} // namespace

ErrorClass errorClass(const ApiError &error)
{
    switch (error.kind) {
    case ErrorKind::None:
        return ErrorClass::None;
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::RateLimited:
    case ErrorKind::DailyBudget:
        return ErrorClass::Offline;
    case ErrorKind::Cancelled:
        return ErrorClass::Temporary;
    case ErrorKind::Ambiguous:
        return ErrorClass::UncertainWrite;
    case ErrorKind::Http:
    case ErrorKind::Alma:
        return isGatewayFailure(error) ? ErrorClass::Offline : ErrorClass::Refused;
    case ErrorKind::Parse:
    case ErrorKind::Auth:
    case ErrorKind::Stale:
    case ErrorKind::Validation:
    case ErrorKind::Unsafe:
        return ErrorClass::Refused;
    }
    return ErrorClass::Refused;
}

QString errorClassName(ErrorClass errorClass)
{
    switch (errorClass) {
    case ErrorClass::None:
        return QStringLiteral("none");
    case ErrorClass::Offline:
        return QStringLiteral("offline");
    case ErrorClass::Temporary:
        return QStringLiteral("temporary");
    case ErrorClass::UncertainWrite:
        return QStringLiteral("uncertain_write");
    case ErrorClass::Refused:
        return QStringLiteral("refused");
    }
    return QStringLiteral("refused");
}

bool isTransientError(const ApiError &error)
{
    const ErrorClass c = errorClass(error);
    return c != ErrorClass::None && c != ErrorClass::Refused;
}

bool isOfflineError(const ApiError &error)
{
    return errorClass(error) == ErrorClass::Offline;
}

bool writeMayHaveHappened(const ApiError &error)
{
    switch (errorClass(error)) {
    case ErrorClass::UncertainWrite:
    case ErrorClass::Temporary:
        return true;
    case ErrorClass::Offline:
        // Alma's refusals before doing anything: the per-second limit and the daily budget.
        return error.kind != ErrorKind::RateLimited && error.kind != ErrorKind::DailyBudget &&
               error.httpStatus != 429;
    case ErrorClass::None:
    case ErrorClass::Refused:
        return false;
    }
    return false;
}

bool isItemNotFound(const ApiError &error)
{
    return error.code == almacode::NoItemForBarcode ||
           (error.httpStatus == 400 && error.code == almacode::NoSuchItem);
}

} // namespace migdesk
