#pragma once

#include "core/ApiTypes.h"

#include <functional>
#include <utility>
#include <variant>

namespace tandem::app {

//! The answer of one API call: either a decoded value or an ApiError (server envelope,
//! network failure with status 0 and code "network_error", or "timeout").
template <typename T> class ApiResult
{
public:
    ApiResult(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    ApiResult(ApiError error) : m_data(std::in_place_index<1>, std::move(error)) {}

    //! True when the call succeeded and value() holds the decoded answer.
    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    //! The decoded answer; only valid when ok().
    const T &value() const { return std::get<0>(m_data); }
    T &value() { return std::get<0>(m_data); }
    //! The failure; only valid when !ok().
    const ApiError &error() const { return std::get<1>(m_data); }
    //! The underlying variant, for std::visit.
    const std::variant<T, ApiError> &variant() const { return m_data; }

private:
    std::variant<T, ApiError> m_data;
};

//! The value of calls whose success carries no body (204).
struct NoContent
{
};

//! A decoded value together with the entity version the server sent in its ETag.
template <typename T> struct Versioned
{
    T value;
    qint64 version = 0;
};

//! Result callbacks take the result by const reference; they always run on the context's thread.
template <typename T> using ApiCallback = std::function<void(const ApiResult<T> &)>;

} // namespace tandem::app
