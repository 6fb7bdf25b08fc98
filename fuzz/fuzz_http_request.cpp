// libFuzzer target: the server's request handling from an HttpRequest on: Router dispatch
// (route matching, auth header, body limit) and every route's query/body parsing
// (json::parseObject + the strict request decoders), against a real schema in an in-memory
// SQLite database with the demo company seeded. Authentication is faked: "Bearer agent" and
// "Bearer admin" are users, anything else is refused. Each input runs inside an outer
// transaction that is rolled back, so every run starts from the same data (reproducible).
//
// Input: "METHOD TARGET\n" then "name: value\n" header lines, an empty line, then the body.
// Without an Authorization header the harness adds "Bearer agent" (deeper coverage).
#include "server/Clock.h"
#include "server/api/AuthRoutes.h"
#include "server/api/TicketRoutes.h"
#include "server/auth/AuthService.h"
#include "server/auth/PasswordHasher.h"
#include "server/demo/DemoContent.h"
#include "server/demo/DemoSeeder.h"
#include "server/drafting/PlaceholderDraftEngine.h"
#include "server/http/Router.h"
#include "server/service/TicketService.h"
#include "server/storage/Database.h"
#include "server/storage/Migrations.h"

#include "core/JsonCodec.h"
#include "core/Logging.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server;

namespace {

struct Fixture
{
    Clock clock;
    Database db;
    std::unique_ptr<PlaceholderDraftEngine> engine;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<TicketService> tickets;
    std::unique_ptr<Router> router;

    Fixture()
    {
        logging::setup({u"off"_s, {}, true});
        QString error;
        if (!PasswordHasher::initialize() || !db.openSqlite(u":memory:"_s, &error) ||
            !Migrations(db).run(&error))
            std::abort();
        engine = std::make_unique<PlaceholderDraftEngine>(db);
        auth = std::make_unique<AuthService>(db, clock);
        tickets = std::make_unique<TicketService>(db, *engine, clock);
        DemoContent demo;
        if (!demo.load(u":/demo"_s, &error) ||
            !DemoSeeder(db, *engine, demo).seedIfEmpty(clock.now(), &error))
            std::fprintf(stderr, "fixture: demo data not seeded (%s)\n", qPrintable(error));
        std::fprintf(stderr, "fixture: %lld tickets\n",
                     db.scalar(u"SELECT COUNT(*) FROM tickets"_s).toLongLong());
        auto authenticate = [](const QString &token) -> std::optional<User> {
            if (token == u"agent")
                return User{1, u"Fuzz Agent"_s, u"agent@fuzz.example"_s, Role::Agent};
            if (token == u"admin")
                return User{2, u"Fuzz Admin"_s, u"admin@fuzz.example"_s, Role::Admin};
            return std::nullopt;
        };
        router = std::make_unique<Router>(authenticate, 64 * 1024);
        registerAuthRoutes(*router, *auth, db);
        registerTicketRoutes(*router, *tickets, db);
    }
};

Fixture &fixture()
{
    static int argc = 1;
    static char name[] = "fuzz_http_request";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static Fixture f;
    return f;
}

HttpRequest parseInput(const QByteArray &input)
{
    HttpRequest request;
    request.requestId = u"fuzz"_s;
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    request.body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray first = lines.value(0);
    const qsizetype space = first.indexOf(' ');
    request.method = QString::fromLatin1(space < 0 ? first : first.left(space));
    const QString target = QString::fromUtf8(space < 0 ? QByteArray("/") : first.mid(space + 1));
    const qsizetype question = target.indexOf(u'?');
    request.path = question < 0 ? target : target.left(question);
    if (question >= 0)
        request.query = QUrlQuery(target.mid(question + 1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
    }
    if (!request.headers.contains("authorization"))
        request.headers.insert("authorization", "Bearer agent");
    return request;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fixture &f = fixture();
    const HttpRequest request = parseInput(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    // Everything the request writes is undone: the next input sees the same database.
    Transaction outer(f.db);
    const HttpResponse response = f.router->dispatch(request);
    if (response.status < 200 || response.status > 599)
        std::abort();
    if (response.status >= 400 && response.status != 426 && !response.body.isEmpty()) {
        // Every error is the documented envelope.
        QString error;
        const auto object = json::parseObject(response.body, &error);
        if (!object || !json::apiErrorFromJson(*object, response.status))
            std::abort();
    }
    return 0;
}
