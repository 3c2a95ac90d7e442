// One pending Alma call: emits finished() exactly once, then the client deletes it later.
#pragma once

#include "model/ApiError.h"
#include "model/Item.h"
#include "model/Loan.h"

#include <QByteArray>
#include <QObject>

#include <nlohmann/json.hpp>

#include <vector>

namespace migdesk {

class AlmaCall;

// Read the result in a slot connected to finished(); the object is deleteLater()'d after the
// signal has been delivered, so do not keep the pointer.
class AlmaReply : public QObject {
    Q_OBJECT
public:
    explicit AlmaReply(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }

Q_SIGNALS:
    void finished();

protected:
    // Turns a successful body into the typed result; returns a Parse error on bad input.
    virtual ApiError parseBody(const QByteArray &body);

private:
    friend class AlmaCall;
    void complete(int httpStatus, const QByteArray &body);
    void fail(const ApiError &error);
    void emitFinished();

    bool m_finished = false;
    ApiError m_error;
    int m_httpStatus = 0;
};

class ItemReply : public AlmaReply {
    Q_OBJECT
public:
    using AlmaReply::AlmaReply;
    const Item &item() const { return m_item; }

protected:
    ApiError parseBody(const QByteArray &body) override;

private:
    Item m_item;
};

class LoansReply : public AlmaReply {
    Q_OBJECT
public:
    using AlmaReply::AlmaReply;
    const std::vector<Loan> &loans() const { return m_loans; }

protected:
    ApiError parseBody(const QByteArray &body) override;

private:
    std::vector<Loan> m_loans;
};

class JsonReply : public AlmaReply {
    Q_OBJECT
public:
    using AlmaReply::AlmaReply;
    const nlohmann::json &json() const { return m_json; }

protected:
    ApiError parseBody(const QByteArray &body) override;

private:
    nlohmann::json m_json;
};

} // namespace migdesk
