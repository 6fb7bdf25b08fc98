// tandemd: the reference backend. Thin: parse the command line, start a Server, run the loop.
#include "Server.h"
#include "tools/DraftCommands.h"
#include "tools/IntentCommands.h"
#include "tools/JudgementCommands.h"
#include "tools/RiskCommands.h"
#include "tools/SignalCommands.h"

#include "core/Logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(s_signalPipe[0], &byte, 1);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535 || !address->setAddress(host == u"localhost" ? u"127.0.0.1"_s : host))
        return false;
    *port = static_cast<quint16>(p);
    return true;
}

int buildDemoModel(const QStringList &args)
{
    const qsizetype at = args.indexOf(u"--out"_s);
    if (at < 0 || at + 1 >= args.size()) {
        std::fprintf(stderr, "usage: tandemd build-demo-model --out DIR\n");
        return 2;
    }
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        std::fprintf(stderr, "tandemd: no temporary directory: %s\n", qPrintable(scratch.errorString()));
        return 1;
    }
    // Earlier builds' models and templates (other keys) would only be installed and never read.
    QDir out(args.at(at + 1));
    for (const QString &stale :
         out.entryList({u"demo-intents-*.model"_s, u"demo-company-*.db"_s}, QDir::Files))
        out.remove(stale);
    tandem::server::ServerConfig config;
    config.databasePath = scratch.filePath(u"demo.db"_s);
    config.port = 0;
    config.demo = true;
    config.demoModelOutputDir = QDir(args.at(at + 1)).absolutePath();
    tandem::server::Server server(config);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "tandemd: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("demo model written to %s\n", qPrintable(config.demoModelOutputDir));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tandemd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));

    // Offline tools of the drafting engine: `tandemd train-intents ...`, `tandemd eval intents|drafts ...`.
    const QStringList args = app.arguments().mid(1);
    if (!args.isEmpty() && args.first() == u"train-intents")
        return tandem::server::runIntentCommand(args);
    // (`tandemd eval` alone is a usage error, not a server start that writes tandem.db here.)
    if (!args.isEmpty() && args.first() == u"eval") {
        if (args.value(1) == u"intents")
            return tandem::server::runIntentCommand(args);
        if (args.value(1) == u"drafts")
            return tandem::server::runDraftCommand(args);
        if (args.value(1) == u"judgement")
            return tandem::server::runJudgementCommand(args);
        if (args.value(1) == u"signals")
            return tandem::server::runSignalsCommand(args);
        if (args.value(1) == u"risk")
            return tandem::server::runRiskCommand(args);
        std::fprintf(stderr,
                     "tandemd: eval takes \"intents\", \"drafts\", \"judgement\", \"signals\" or \"risk\"\n");
        return 2;
    }

    // Build step: `tandemd build-demo-model --out DIR` trains the demo's intent model the way a demo
    // start would and saves it in DIR, so that `tandem --demo` starts without training.
    if (!args.isEmpty() && args.first() == u"build-demo-model")
        return buildDemoModel(args);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Tandem's reference backend: tickets, drafts, auth and the change feed."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, u"SQLite database file (created if missing)."_s, u"PATH"_s,
                                      u"tandem.db"_s);
    const QCommandLineOption listenOption(u"listen"_s,
                                          u"Address and port to listen on (port 0 = any free port)."_s,
                                          u"HOST:PORT"_s, u"127.0.0.1:8080"_s);
    const QCommandLineOption demoOption(u"demo"_s,
                                        u"Seed the demo company \"Lumen Pay\" into an empty database."_s);
    const QCommandLineOption simulateOption(u"simulate-every"_s,
                                            u"With --demo: a new ticket arrives every SECONDS (0 = off)."_s,
                                            u"SECONDS"_s, u"5"_s);
    const QCommandLineOption logOption(u"log-level"_s, u"Levels, e.g. info or http=debug,db=info."_s,
                                       u"SPEC"_s, u"info"_s);
    const QCommandLineOption logFileOption(u"log-file"_s, u"Also log to this rotating file."_s, u"PATH"_s);
    const QCommandLineOption llmUrlOption(
        u"llm-url"_s,
        u"Draft with an OpenAI-compatible model at URL (POST URL/v1/chat/completions); falls back to the retrieval engine."_s,
        u"URL"_s);
    const QCommandLineOption llmModelOption(u"llm-model"_s, u"Model name sent to --llm-url."_s, u"NAME"_s);
    const QCommandLineOption llmKeyFileOption(
        u"llm-key-file"_s, u"File whose first line is the API key (default: $TANDEM_LLM_API_KEY)."_s,
        u"PATH"_s);
    const QCommandLineOption llmTimeoutOption(u"llm-timeout-ms"_s,
                                              u"Give up on the model after MS milliseconds (100-120000)."_s,
                                              u"MS"_s, u"8000"_s);
    parser.addOptions({dbOption, listenOption, demoOption, simulateOption, logOption, logFileOption,
                       llmUrlOption, llmModelOption, llmKeyFileOption, llmTimeoutOption});
    parser.process(app);

    const QString logError =
        tandem::logging::setup({parser.value(logOption), parser.value(logFileOption), false});
    if (!logError.isEmpty()) {
        std::fprintf(stderr, "tandemd: %s\n", qPrintable(logError));
        return 2;
    }

    tandem::server::ServerConfig config;
    config.databasePath = parser.value(dbOption);
    config.demo = parser.isSet(demoOption);
    bool ok = false;
    config.simulateEverySeconds = parser.value(simulateOption).toInt(&ok);
    if (!ok || config.simulateEverySeconds < 0) {
        std::fprintf(stderr, "tandemd: --simulate-every needs a whole number of seconds\n");
        return 2;
    }
    if (!parseListen(parser.value(listenOption), &config.address, &config.port)) {
        std::fprintf(stderr, "tandemd: --listen needs HOST:PORT, e.g. 127.0.0.1:8080\n");
        return 2;
    }
    config.llmUrl = parser.value(llmUrlOption);
    config.llmModel = parser.value(llmModelOption);
    config.llmKeyFile = parser.value(llmKeyFileOption);
    config.llmTimeoutMs = parser.value(llmTimeoutOption).toInt(&ok);
    if (!ok) {
        std::fprintf(stderr, "tandemd: --llm-timeout-ms needs a whole number of milliseconds\n");
        return 2;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(s_signalPipe[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    tandem::server::Server server(config);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "tandemd: %s\n", qPrintable(error));
        return 1;
    }
    // Tests and scripts read this line to learn the port when --listen asked for port 0.
    std::printf("tandemd listening on %s\n", qPrintable(server.baseUrl()));
    std::fflush(stdout);
    return app.exec();
}
