// The route table: authentication, roles, limits and error mapping happen once, for every route.
#include "server/drafting/EditDistance.h"
#include "server/http/Router.h"
#include "server/service/TicketService.h"
#include "server/storage/Database.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server;

class TestServerRouter : public QObject
{
    Q_OBJECT

private:
    static HttpRequest request(const QString &method, const QString &path, const QByteArray &token = {})
    {
        HttpRequest r;
        r.method = method;
        r.path = path;
        if (!token.isEmpty())
            r.headers.insert("authorization", "Bearer " + token);
        return r;
    }

    static QString code(const HttpResponse &r)
    {
        return QJsonDocument::fromJson(r.body)[u"error"][u"code"].toString();
    }

    Router makeRouter()
    {
        Router router(
            [](const QString &token) -> std::optional<User> {
                if (token == u"agent")
                    return User{1, u"A"_s, u"a@x"_s, Role::Agent};
                if (token == u"lead")
                    return User{2, u"L"_s, u"l@x"_s, Role::Lead};
                return std::nullopt;
            },
            100);
        router.add(u"GET"_s, u"/public"_s, std::nullopt,
                   [](RouteContext &) { return HttpResponse::empty(204); });
        router.add(u"GET"_s, u"/things/{id}"_s, Permission::ReadTickets, [](RouteContext &ctx) {
            return HttpResponse::json(200, {{u"id"_s, ctx.params.value(0)}, {u"user"_s, ctx.user->name}});
        });
        router.add(u"POST"_s, u"/things/{id}"_s, Permission::Reassign,
                   [](RouteContext &) { return HttpResponse::empty(201); });
        router.add(u"GET"_s, u"/broken"_s, Permission::ReadTickets,
                   [](RouteContext &) -> HttpResponse { throw StorageError(u"disk on fire"_s); });
        return router;
    }

private Q_SLOTS:
    void dispatchesWithParamsAndUser()
    {
        const Router router = makeRouter();
        const HttpResponse r = router.dispatch(request(u"GET"_s, u"/things/17"_s, "agent"));
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body)[u"id"].toString(), u"17"_s);
        QCOMPARE(QJsonDocument::fromJson(r.body)[u"user"].toString(), u"A"_s);
        QCOMPARE(router.dispatch(request(u"GET"_s, u"/public"_s)).status, 204);
    }

    void enforcesAuthenticationAndRoles()
    {
        const Router router = makeRouter();
        auto r = router.dispatch(request(u"GET"_s, u"/things/1"_s));
        QCOMPARE(r.status, 401);
        QCOMPARE(code(r), u"unauthorized"_s);
        QCOMPARE(router.dispatch(request(u"GET"_s, u"/things/1"_s, "forged")).status, 401);
        r = router.dispatch(request(u"POST"_s, u"/things/1"_s, "agent"));
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), u"forbidden"_s);
        QCOMPARE(router.dispatch(request(u"POST"_s, u"/things/1"_s, "lead")).status, 201);
    }

    void unknownPathsAndMethods()
    {
        const Router router = makeRouter();
        QCOMPARE(router.dispatch(request(u"GET"_s, u"/nope"_s, "agent")).status, 404);
        QCOMPARE(router.dispatch(request(u"GET"_s, u"/things/1/extra"_s, "agent")).status, 404);
        const HttpResponse r = router.dispatch(request(u"DELETE"_s, u"/things/1"_s, "agent"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.headers.first().first, QByteArray("Allow"));
    }

    void bodyLimitAndStorageFailures()
    {
        const Router router = makeRouter();
        HttpRequest big = request(u"POST"_s, u"/things/1"_s, "lead");
        big.body = QByteArray(101, 'x');
        const HttpResponse tooBig = router.dispatch(big);
        QCOMPARE(tooBig.status, 413);
        QCOMPARE(code(tooBig), u"payload_too_large"_s);
        const HttpResponse broken = router.dispatch(request(u"GET"_s, u"/broken"_s, "agent"));
        QCOMPARE(broken.status, 500);
        QCOMPARE(code(broken), u"internal_error"_s);
        QVERIFY(!broken.body.contains("disk on fire")); // internals stay in the log
    }

    void cursorsRoundTripAndRejectForgeries()
    {
        QCOMPARE(TicketService::decodeCursor(TicketService::encodeCursor(12345)),
                 std::optional<qint64>(12345));
        QCOMPARE(TicketService::decodeCursor(QString()), std::optional<qint64>(0));
        QVERIFY(!TicketService::decodeCursor(u"!!!"_s));
        QVERIFY(!TicketService::decodeCursor(QString::fromLatin1(QByteArray("c2:5").toBase64())));
        QVERIFY(!TicketService::decodeCursor(QString::fromLatin1(QByteArray("c1:-5").toBase64())));
        QVERIFY(!TicketService::decodeCursor(QString(200, u'A')));
    }

    void editDistance()
    {
        QCOMPARE(tandem::server::editDistance(u"kitten", u"sitting"), 3);
        QCOMPARE(tandem::server::editDistance(u"", u"abc"), 3);
        QCOMPARE(tandem::server::editDistance(u"same", u"same"), 0);
        QCOMPARE(tandem::server::editDistance(u"abcdef", u"zzzzzz", 3), 3); // capped inputs
    }
};

QTEST_GUILESS_MAIN(TestServerRouter)
#include "tst_server_router.moc"
