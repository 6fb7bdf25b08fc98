#pragma once

#include "HttpTypes.h"

#include "core/Permissions.h"
#include "core/User.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace tandem::server {

//! What a route handler gets: the request, the {placeholders} of its pattern, and the caller.
struct RouteContext
{
    const HttpRequest &request;
    QStringList params;
    std::optional<User> user; //!< set for every authenticated route
};

//! The route table: (method, pattern, permission) -> handler. Authentication, role checks,
//! body limits and error mapping happen here once, so no route can forget them.
class Router
{
public:
    using Handler = std::function<HttpResponse(RouteContext &)>;
    using Authenticator = std::function<std::optional<User>(const QString &token)>;

    struct Route
    {
        QString method;
        QString pattern;
        std::optional<Permission> permission; //!< nullopt: public (no token needed)
        Handler handler;
        QStringList segments;
    };

    Router(Authenticator authenticate, qint64 maxBodyBytes);

    //! Registers a route; pattern segments like {id} match any single path segment.
    void add(const QString &method, const QString &pattern, std::optional<Permission> permission,
             Handler handler);
    HttpResponse dispatch(const HttpRequest &request) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool match(const Route &route, const QStringList &segments, QStringList *params);

    Authenticator m_authenticate;
    qint64 m_maxBodyBytes;
    QList<Route> m_routes;
};

} // namespace tandem::server
