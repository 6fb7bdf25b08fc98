#pragma once

#include "ApiRequest.h"
#include "ApiResult.h"

#include "core/JsonCodec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

//! How the app's API clients read an answer (ApiClient and the workspaces' clients alike).
namespace tandem::app::decoding {

//! The error for a 2xx answer whose body is not what the contract says.
inline ApiError invalidResponse(int status, const QString &reason)
{
    return ApiError{
        status,
        QStringLiteral("invalid_response"),
        QCoreApplication::translate("tandem::app::ApiClient", "The server's answer could not be read: %1")
            .arg(reason),
        {}};
}

//! Decodes a 2xx body as a JSON object with \a decode; anything else becomes "invalid_response".
template <typename T, typename Decode> ApiResult<T> decodeObject(const ApiResponse &response, Decode decode)
{
    QString error;
    const auto object = json::parseObject(response.body, &error);
    if (!object)
        return invalidResponse(response.status, error);
    auto value = decode(*object, &error);
    if (!value)
        return invalidResponse(response.status, error);
    return std::move(*value);
}

//! ETag: "12" (a quoted integer; a weak W/ prefix is tolerated).
inline std::optional<qint64> versionFromEtag(const QByteArray &etag)
{
    QByteArray text = etag.trimmed();
    if (text.startsWith("W/"))
        text = text.mid(2);
    if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"'))
        text = text.mid(1, text.size() - 2);
    bool ok = false;
    const qint64 version = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(version) : std::nullopt;
}

} // namespace tandem::app::decoding
