#include "Server.h"

#include "Clock.h"
#include "api/AuthRoutes.h"
#include "api/PolicyRoutes.h"
#include "api/ReviewRoutes.h"
#include "api/StatsRoutes.h"
#include "api/TicketRoutes.h"
#include "auth/AuthService.h"
#include "auth/PasswordHasher.h"
#include "demo/DemoContent.h"
#include "demo/DemoModel.h"
#include "demo/DemoSeeder.h"
#include "demo/DemoTemplate.h"
#include "demo/Simulator.h"
#include "drafting/DraftEngineFactory.h"
#include "drafting/GroundedDraftEngine.h"
#include "events/EventHub.h"
#include "http/HttpFrontend.h"
#include "http/Router.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include "core/Logging.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace tandem::server {

struct Server::Private
{
    explicit Private(ServerConfig c) : config(std::move(c)) {}

    ServerConfig config;
    Clock clock;
    Database db;
    std::unique_ptr<DraftEngine> engine;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<TicketService> tickets;
    std::unique_ptr<Router> router;
    std::unique_ptr<HttpFrontend> frontend;
    std::unique_ptr<EventHub> events;
    DemoContent demo;
    std::unique_ptr<Simulator> simulator;
    quint16 port = 0;
};

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(std::move(config)))
{}

Server::~Server()
{
    // The frontend and simulator reference the services: tear down in reverse order.
    d->simulator.reset();
    d->db.setCommitHook({});
    d->events.reset();
    d->frontend.reset();
}

bool Server::start(QString *error)
{
    if (!PasswordHasher::initialize()) {
        *error = u"libsodium could not be initialised"_s;
        return false;
    }
    // A new demo database starts as a copy of the seeded template the build wrote, if there is one.
    bool fromTemplate = false;
    const bool rebuildDemo = !d->config.demoModelOutputDir.isEmpty();
    if (d->config.demo) {
        if (!d->demo.load(u":/demo"_s, error))
            return false;
        const QString &path = d->config.databasePath;
        const QString templatePath = DemoModel(d->demo).findTemplate();
        if (!rebuildDemo && !templatePath.isEmpty() && !path.isEmpty() && !path.startsWith(u':') &&
            QFileInfo(path).size() == 0) {
            if (!DemoTemplate::copy(templatePath, path, error))
                return false;
            fromTemplate = true;
        }
    }
    if (!d->db.openSqlite(d->config.databasePath, error))
        return false;
    if (!Migrations(d->db).run(error))
        return false;
    if (fromTemplate && !DemoTemplate::shiftToNow(d->db, d->clock.now(), error))
        return false;

    DraftEngineConfig engineConfig;
    if (d->config.demo) {
        // The demo company's merchants let the engine turn shop names back into slots when it learns.
        auto company = GroundedEngineOptions::fromCompanyFile(u":/demo/company.json"_s, error);
        if (!company)
            return false;
        engineConfig.grounded = *company;
        // Requests of one queue are one matter; of several queues, several requests.
        for (const DemoContent::Scenario &scenario : d->demo.scenarios())
            engineConfig.grounded.intentFamilies.insert(scenario.intent, scenario.queue);
    }
    engineConfig.llmUrl = d->config.llmUrl;
    engineConfig.llmModel = d->config.llmModel;
    engineConfig.llmKeyFile = d->config.llmKeyFile;
    engineConfig.llmTimeoutMs = d->config.llmTimeoutMs;
    auto engines = DraftEngineFactory::create(d->db.connection(), engineConfig, error);
    if (!engines)
        return false;
    // The grounded engine is always there (the LLM engine, when configured, wraps it).
    GroundedDraftEngine &engine = *engines->grounded;
    d->engine = std::move(engines->engine);
    d->auth = std::make_unique<AuthService>(d->db, d->clock);
    d->tickets = std::make_unique<TicketService>(d->db, *d->engine, d->clock);

    bool freshlySeeded = false;
    if (d->config.demo) {
        // The demo's intent model depends only on its content: prebuilt by the build, else
        // trained once while the seeder loads the knowledge and kept in the cache.
        const DemoModel model(d->demo);
        const bool rebuild = rebuildDemo;
        const auto prebuilt = rebuild ? std::optional<IntentClassifier>() : model.loadPrebuilt();
        if (prebuilt)
            engine.setClassifier(*prebuilt);
        else
            engine.addExamples(model.examples());
        // Seeding drafts with the grounded engine: 340 model calls would make the demo wait.
        DemoSeeder seeder(d->db, engine, d->demo);
        if (!seeder.seedIfEmpty(d->clock.now(), error))
            return false;
        freshlySeeded = seeder.seeded();
        if (freshlySeeded)
            engine.compactIndex();
        if (!prebuilt && engine.classifier()) {
            const QString dir = rebuild ? d->config.demoModelOutputDir : DemoModel::cacheDir();
            QString saveError;
            if (!QDir().mkpath(dir) ||
                !engine.classifier()->save(dir + u'/' + model.fileName(), &saveError)) {
                if (rebuild) {
                    *error = u"cannot save the demo model in %1: %2"_s.arg(dir, saveError);
                    return false;
                }
                tandem::logging::get("draft")->warn("demo model not cached: {}", saveError.toStdString());
            }
        }
        if (rebuild &&
            !DemoTemplate::save(d->db, d->config.demoModelOutputDir + u'/' + model.templateFileName(),
                                d->clock.now(), error))
            return false;
    }
    // A fresh demo was trained while seeding; the replies it wrote teach the model nothing new.
    if (!freshlySeeded)
        d->engine->reload();

    auto authenticate = [this](const QString &token) {
        return d->auth->authenticate(token);
    };
    d->router = std::make_unique<Router>(authenticate, d->config.maxBodyBytes);
    registerAuthRoutes(*d->router, *d->auth, d->db);
    registerTicketRoutes(*d->router, *d->tickets, d->db);
    registerStatsRoutes(*d->router, d->db, d->clock);
    registerReviewRoutes(*d->router, d->db, d->clock);
    registerPolicyRoutes(*d->router, d->db, d->clock);

    d->frontend = std::make_unique<HttpFrontend>(*d->router);
    d->events = std::make_unique<EventHub>(d->db, *d->auth, d->clock, *d->frontend);
    d->db.setCommitHook([hub = d->events.get()] { hub->wake(); });
    d->port = d->frontend->listen(d->config.address, d->config.port);
    if (d->port == 0) {
        *error = u"cannot listen on %1:%2 (in use or not allowed)"_s.arg(d->config.address.toString())
                     .arg(d->config.port);
        return false;
    }
    if (d->config.demo && d->config.simulateEverySeconds > 0) {
        d->simulator = std::make_unique<Simulator>(*d->tickets, d->demo, d->config.simulateEverySeconds);
        d->simulator->start();
    }
    tandem::logging::get("http")->info("listening on {}", baseUrl().toStdString());
    return true;
}

quint16 Server::port() const
{
    return d->port;
}

QString Server::baseUrl() const
{
    const QString host = d->config.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(d->config.address.toString())
                             : d->config.address.toString();
    return u"http://%1:%2"_s.arg(host).arg(d->port);
}

TicketService &Server::tickets()
{
    return *d->tickets;
}

Database &Server::database()
{
    return d->db;
}

} // namespace tandem::server
