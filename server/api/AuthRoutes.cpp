#include "AuthRoutes.h"

#include "RouteHelpers.h"

#include "server/auth/AuthService.h"
#include "server/http/Router.h"
#include "server/storage/UserRepository.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tandem::server {

void registerAuthRoutes(Router &router, AuthService &auth, Database &db)
{
    router.add(u"POST"_s, u"/api/v1/auth/login"_s, std::nullopt, [&auth](RouteContext &ctx) {
        HttpResponse error;
        const auto body = routes::jsonBody(ctx.request, &error);
        if (!body)
            return error;
        JsonReader r(*body);
        r.rejectUnknownKeys({u"email"_s, u"password"_s});
        const QString email = r.string(u"email");
        const QString password = r.string(u"password");
        if (!r.ok())
            return HttpResponse::error(400, u"invalid_body"_s, r.error());
        if (email.size() > 320 || password.size() > 1024)
            return HttpResponse::error(400, u"invalid_body"_s, u"email or password is too long."_s);
        const auto login = auth.login(email, password);
        if (!login)
            return HttpResponse::error(401, u"invalid_credentials"_s,
                                       u"The e-mail or password is not right."_s);
        return HttpResponse::json(200, json::toJson(LoginResult{login->token, login->user}));
    });

    router.add(u"POST"_s, u"/api/v1/auth/logout"_s, Permission::ReadTickets, [&auth](RouteContext &ctx) {
        const QByteArray header = ctx.request.header("authorization");
        auth.logout(QString::fromLatin1(header.mid(int(qstrlen("Bearer "))).trimmed()));
        return HttpResponse::empty(204);
    });

    router.add(u"GET"_s, u"/api/v1/me"_s, Permission::ReadTickets,
               [](RouteContext &ctx) { return HttpResponse::json(200, json::toJson(*ctx.user)); });

    router.add(u"GET"_s, u"/api/v1/users"_s, Permission::ReadTickets, [&db](RouteContext &) {
        QJsonArray items;
        for (const User &u : UserRepository(db).users())
            items.append(json::toJson(u));
        return HttpResponse::json(200, {{u"items"_s, items}});
    });
}

} // namespace tandem::server
