// Reply objects: typed results of Alma calls.
#include "alma/AlmaReply.h"

namespace migdesk {

AlmaReply::AlmaReply(QObject *parent)
    : QObject(parent)
{}

ApiError AlmaReply::parseBody(const QByteArray &)
{
    return {};
}

void AlmaReply::complete(int httpStatus, const QByteArray &body)
{
    m_httpStatus = httpStatus;
    m_error = parseBody(body);
    if (m_error.isError() && m_error.httpStatus == 0)
        m_error.httpStatus = httpStatus;
    emitFinished();
}

void AlmaReply::fail(const ApiError &error)
{
    m_error = error;
    if (m_error.kind == ErrorKind::None)
        m_error.kind = ErrorKind::Http;
    m_httpStatus = error.httpStatus;
    emitFinished();
}

void AlmaReply::emitFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}

ApiError ItemReply::parseBody(const QByteArray &body)
{
    auto parsed = parseItem(body);
    if (!parsed)
        return parsed.error();
    m_item = std::move(parsed.value());
    return {};
}

ApiError LoansReply::parseBody(const QByteArray &body)
{
    auto parsed = parseLoans(body);
    if (!parsed)
        return parsed.error();
    m_loans = std::move(parsed.value());
    return {};
}

ApiError JsonReply::parseBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty()) {
        m_json = nlohmann::json::object();
        return {};
    }
    m_json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (m_json.is_discarded() || !m_json.is_object()) {
        m_json = nlohmann::json::object();
        return ApiError::make(ErrorKind::Parse,
                              QStringLiteral("Alma sent a body that is not a JSON object"));
    }
    return {};
}

} // namespace migdesk
