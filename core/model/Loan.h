// Alma's item loan (GET .../items/{pid}/loans): who has it, since when, until when.
#pragma once

#include "model/CodeValue.h"
#include "model/Result.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <vector>

namespace migdesk {

struct Loan {
    nlohmann::json raw = nlohmann::json::object();
    QString loanId;
    QString userId;
    QString itemBarcode;
    QString itemId;
    QString loanStatus;    // "ACTIVE", "COMPLETE"
    QString processStatus; // "NORMAL", "RENEW", "LOST", "CLAIMED_RETURN"
    QString loanDate;
    QString dueDate;
    CodeValue library;
    CodeValue circDesk;
    QString title;
    QString callNumber;

    bool isActive() const { return loanStatus.isEmpty() || loanStatus == QLatin1String("ACTIVE"); }
};

void from_json(const nlohmann::json &json, Loan &loan);
void to_json(nlohmann::json &json, const Loan &loan);

// Parses `{"item_loan": [...], "total_record_count": N}`; `item_loan` may be missing, null or a
// single object. Never throws.
Result<std::vector<Loan>> parseLoans(const QByteArray &body);
Result<std::vector<Loan>> loansFromJson(const nlohmann::json &json);

} // namespace migdesk
