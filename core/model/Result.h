// Result<T>: a value or an ApiError, returned by every fallible core call.
#pragma once

#include "model/ApiError.h"

#include <optional>
#include <utility>

namespace migdesk {

template <typename T>
class Result {
public:
    Result()
        : m_error(ApiError::make(ErrorKind::Cancelled, QStringLiteral("no result")))
    {}
    static Result ok(T value)
    {
        Result result;
        result.m_value = std::move(value);
        result.m_error = {};
        return result;
    }
    static Result fail(ApiError error)
    {
        Result result;
        result.m_error = std::move(error);
        if (result.m_error.kind == ErrorKind::None)
            result.m_error.kind = ErrorKind::Http;
        return result;
    }
    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

struct Empty {};

} // namespace migdesk
