#include "RouteHelpers.h"

#include "core/JsonCodec.h"

using namespace Qt::StringLiterals;

namespace tandem::server::routes {

std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error)
{
    QString problem;
    auto object = json::parseObject(request.body, &problem);
    if (!object)
        *error = HttpResponse::error(400, u"malformed_json"_s,
                                     u"The request body is not valid: %1."_s.arg(problem));
    return object;
}

std::optional<qint64> idParam(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0 || text.size() > 18)
        return std::nullopt;
    return id;
}

std::optional<qint64> ifMatchVersion(const HttpRequest &request, bool *malformed)
{
    *malformed = false;
    QByteArray value = request.header("if-match").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    const qint64 version = value.toLongLong(&ok);
    if (!ok || version < 0) {
        *malformed = true;
        return std::nullopt;
    }
    return version;
}

HttpResponse errorResponse(const ApiError &error)
{
    return HttpResponse::error(error.status, error.code, error.message, error.details);
}

QByteArray etag(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

} // namespace tandem::server::routes
