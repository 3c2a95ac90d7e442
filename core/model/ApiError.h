// The one error taxonomy of MigDesk's core: every failure that crosses a layer is an ApiError.
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace migdesk {

enum class ErrorKind {
    None,
    Network,     // connection refused, reset, DNS, TLS
    Timeout,     // inactivity timeout or hard deadline passed
    Http,        // an HTTP status without a recognisable Alma error body
    Alma,        // a business error from Alma: code, message, trackingId
    Parse,       // a body that is not what Alma sends (malformed, wrong types)
    Auth,        // missing or refused API key (UNAUTHORIZED, FORBIDDEN)
    RateLimited, // PER_SECOND_THRESHOLD after the retries allowed
    DailyBudget, // DAILY_THRESHOLD, or remaining calls below the configured floor
    Cancelled,   // the caller cancelled
    Ambiguous,   // a write whose reply was lost: it may or may not have happened
    Stale,       // the item changed in Alma since staff saw it; the write was refused
    Validation,  // bad input caught before any call (barcode, settings, rules)
    Unsafe,      // refused for safety (cross-origin redirect, plain HTTP to a remote host)
};

// One entry of Alma's errorList (a call can answer several, e.g. one per rejected set member).
struct AlmaErrorEntry {
    QString code;
    QString message;
};

struct ApiError {
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0;
    QString code;       // Alma's errorCode, e.g. "401689" or "PER_SECOND_THRESHOLD"
    QString message;    // Alma's errorMessage or a technical description (never a secret)
    QString trackingId; // Alma's trackingId when present
    std::vector<AlmaErrorEntry> entries; // every entry of a JSON errorList, in order

    bool isError() const { return kind != ErrorKind::None; }
    static ApiError make(ErrorKind kind, QString message, int httpStatus = 0, QString code = {})
    {
        ApiError error;
        error.kind = kind;
        error.message = std::move(message);
        error.httpStatus = httpStatus;
        error.code = std::move(code);
        return error;
    }
};

// How a failure is treated (pending or failed, retried, re-read) is model/ErrorPolicy.h.

// A stable lower-case name for logs, reports and JSON ("alma", "timeout", ...).
QString errorKindName(ErrorKind kind);

// Reads Alma's error body: JSON (`errorList.error` as an array or a single object) or XML
// (`web_service_result`), even when malformed. Maps gateway codes to their kinds
// (PER_SECOND_THRESHOLD -> RateLimited, DAILY_THRESHOLD -> DailyBudget, UNAUTHORIZED/FORBIDDEN
// -> Auth). Falls back to ErrorKind::Http with the status when the body says nothing useful.
ApiError parseAlmaError(const QByteArray &body, int httpStatus);

} // namespace migdesk
