#pragma once

#include "server/http/HttpTypes.h"

#include "core/ApiTypes.h"

#include <QJsonObject>

#include <optional>
#include <variant>

namespace tandem::server::routes {

//! Parses the request body as a JSON object; on failure fills \a error with the 400 to return.
std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error);
//! A path parameter that must be a positive integer id; nullopt -> answer 404.
std::optional<qint64> idParam(const QString &text);
//! Parses If-Match: "12", W/"12" or 12. nullopt when absent; \a malformed set when unparseable.
std::optional<qint64> ifMatchVersion(const HttpRequest &request, bool *malformed);
HttpResponse errorResponse(const ApiError &error);
QByteArray etag(qint64 version);

template <typename T, typename Fn> HttpResponse respond(std::variant<T, ApiError> result, Fn onSuccess)
{
    if (auto *e = std::get_if<ApiError>(&result))
        return errorResponse(*e);
    return onSuccess(std::get<T>(result));
}

} // namespace tandem::server::routes
