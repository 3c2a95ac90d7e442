// Alma item_loan JSON <-> Loan (see Loan.h).
#include "model/Loan.h"

#include "model/JsonUtil.h"

namespace migdesk {

using namespace migdesk::json;

void from_json(const nlohmann::json &j, Loan &loan)
{
    if (!j.is_object())
        throw nlohmann::json::type_error::create(302, "loan is not a JSON object", &j);
    loan.raw = j;
    loan.loanId = str(j, "loan_id");
    loan.userId = str(j, "user_id");
    loan.itemBarcode = str(j, "item_barcode");
    loan.itemId = str(j, "item_id");
    loan.loanStatus = str(j, "loan_status");
    loan.processStatus = str(j, "process_status");
    loan.loanDate = str(j, "loan_date");
    loan.dueDate = str(j, "due_date");
    loan.library = code(j, "library");
    loan.circDesk = code(j, "circ_desk");
    loan.title = str(j, "title");
    loan.callNumber = str(j, "call_number");
}

void to_json(nlohmann::json &j, const Loan &loan)
{
    j = loan.raw.is_object() ? loan.raw : nlohmann::json::object();
    j["loan_id"] = utf8(loan.loanId);
    j["user_id"] = utf8(loan.userId);
    j["item_barcode"] = utf8(loan.itemBarcode);
    if (!loan.itemId.isEmpty())
        j["item_id"] = utf8(loan.itemId);
    j["loan_status"] = utf8(loan.loanStatus);
    j["process_status"] = utf8(loan.processStatus);
    j["loan_date"] = utf8(loan.loanDate);
    j["due_date"] = utf8(loan.dueDate);
    j["library"] = toJson(loan.library);
    j["circ_desk"] = toJson(loan.circDesk);
    j["title"] = utf8(loan.title);
    j["call_number"] = utf8(loan.callNumber);
}

Result<std::vector<Loan>> loansFromJson(const nlohmann::json &json)
{
    using R = Result<std::vector<Loan>>;
    try {
        if (!json.is_object())
            return R::fail(ApiError::make(
                ErrorKind::Parse, QStringLiteral("Alma sent loans that are not a JSON object")));
        std::vector<Loan> loans;
        const auto it = json.find("item_loan");
        if (it != json.end() && !it->is_null()) {
            if (it->is_array()) {
                for (const auto &entry : *it)
                    loans.push_back(entry.get<Loan>());
            } else {
                loans.push_back(it->get<Loan>());
            }
        }
        return R::ok(std::move(loans));
    } catch (const std::exception &e) {
        return R::fail(ApiError::make(ErrorKind::Parse,
                                      QStringLiteral("Alma sent loans that could not be read: %1")
                                          .arg(QString::fromUtf8(e.what()))));
    }
}

Result<std::vector<Loan>> parseLoans(const QByteArray &body)
{
    nlohmann::json json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (json.is_discarded())
        return Result<std::vector<Loan>>::fail(ApiError::make(
            ErrorKind::Parse, QStringLiteral("Alma sent a reply that is not valid JSON")));
    return loansFromJson(json);
}

} // namespace migdesk
