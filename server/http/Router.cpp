#include "Router.h"

#include "server/storage/Database.h"

#include "core/Logging.h"

using namespace Qt::StringLiterals;

namespace tandem::server {

Router::Router(Authenticator authenticate, qint64 maxBodyBytes)
    : m_authenticate(std::move(authenticate)), m_maxBodyBytes(maxBodyBytes)
{}

void Router::add(const QString &method, const QString &pattern, std::optional<Permission> permission,
                 Handler handler)
{
    m_routes.append(
        {method, pattern, permission, std::move(handler), pattern.split(u'/', Qt::SkipEmptyParts)});
}

bool Router::match(const Route &route, const QStringList &segments, QStringList *params)
{
    if (route.segments.size() != segments.size())
        return false;
    params->clear();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(u'{'))
            params->append(segments.at(i));
        else if (want != segments.at(i))
            return false;
    }
    return true;
}

HttpResponse Router::dispatch(const HttpRequest &request) const
{
    if (request.body.size() > m_maxBodyBytes)
        return HttpResponse::error(
            413, u"payload_too_large"_s,
            u"The request body is larger than the limit of %1 bytes."_s.arg(m_maxBodyBytes));

    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    QStringList params;
    QStringList allowed;
    const Route *found = nullptr;
    for (const Route &route : m_routes) {
        if (!match(route, segments, &params))
            continue;
        if (route.method == request.method) {
            found = &route;
            break;
        }
        allowed.append(route.method);
    }
    if (!found) {
        if (!allowed.isEmpty()) {
            HttpResponse r = HttpResponse::error(
                405, u"method_not_allowed"_s,
                u"%1 is not allowed here; use %2."_s.arg(request.method, allowed.join(u", "_s)));
            r.setHeader("Allow", allowed.join(u", "_s).toLatin1());
            return r;
        }
        return HttpResponse::error(404, u"not_found"_s, u"There is no such resource."_s);
    }
    match(*found, segments, &params);

    RouteContext context{request, params, std::nullopt};
    try {
        if (found->permission) {
            const QByteArray auth = request.header("authorization");
            const QByteArray prefix = "Bearer ";
            if (!auth.startsWith(prefix))
                return HttpResponse::error(
                    401, u"unauthorized"_s,
                    u"This request needs an \"Authorization: Bearer <token>\" header."_s);
            context.user = m_authenticate(QString::fromLatin1(auth.mid(prefix.size()).trimmed()));
            if (!context.user)
                return HttpResponse::error(
                    401, u"unauthorized"_s,
                    u"The token is unknown, expired or revoked; please log in again."_s);
            if (!tandem::allowed(context.user->role, *found->permission))
                return HttpResponse::error(
                    403, u"forbidden"_s,
                    u"This needs the %1 role or higher."_s.arg(toString(minimumRole(*found->permission))));
        }
        return found->handler(context);
    } catch (const StorageError &e) {
        tandem::logging::get("db")->error("request {} failed: {}", request.requestId.toStdString(), e.what());
        return HttpResponse::error(500, u"internal_error"_s,
                                   u"The server could not complete the request; nothing was changed."_s);
    }
}

} // namespace tandem::server
