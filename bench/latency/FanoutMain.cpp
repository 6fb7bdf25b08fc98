// fanout_bench: how long a ticket created through the intake API takes to appear in the inbox of
// every connected client (issue 5: 100 ms p95 with 200 clients on loopback). docs/performance.md.
#include "FanoutBench.h"

#include "core/Logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int *out)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min) {
        std::fprintf(stderr, "fanout_bench: --%s needs a whole number >= %d\n",
                     qPrintable(option.names().constFirst()), min);
        return false;
    }
    *out = value;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fanout_bench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Starts tandemd, connects N event-stream clients (app engine: stream client, local store, "
        "inbox model), creates M tickets through POST /api/v1/tickets and reports the time from each "
        "POST to the ticket being in every client's inbox, against the plain POST round trip."_s);
    parser.addHelpOption();
    const QCommandLineOption clientsOption(u"clients"_s, u"Connected stream clients."_s, u"N"_s, u"200"_s);
    const QCommandLineOption ticketsOption(u"tickets"_s, u"Tickets created per series."_s, u"M"_s, u"200"_s);
    const QCommandLineOption intervalOption(u"interval-ms"_s, u"Time between two POSTs."_s, u"X"_s, u"50"_s);
    const QCommandLineOption engineOption(
        u"engine-clients"_s,
        u"How many of the clients are app-engine clients (the rest bare sockets that only timestamp "
        "frames). Default: all."_s,
        u"E"_s);
    const QCommandLineOption coalesceOption(
        u"coalesce-ms"_s, u"Override the stream client's coalescing delay (default: the app's)."_s, u"MS"_s);
    const QCommandLineOption timeoutOption(
        u"timeout-ms"_s, u"A ticket not in an inbox after this is a failure."_s, u"MS"_s, u"5000"_s);
    const QCommandLineOption tandemdOption(u"tandemd"_s, u"The tandemd binary to start."_s, u"PATH"_s,
                                           QStringLiteral(TANDEMD_PATH));
    const QCommandLineOption logOption(u"log-level"_s, u"Log levels of the client engine."_s, u"SPEC"_s,
                                       u"warn"_s);
    const QCommandLineOption serverLogOption(u"server-log"_s, u"Write tandemd's log (stderr) to this file."_s,
                                             u"PATH"_s);
    const QCommandLineOption serverLevelOption(
        u"server-log-level"_s, u"tandemd's --log-level, e.g. warn,http=debug for fan-out timings."_s,
        u"SPEC"_s, u"warn"_s);
    parser.addOptions({clientsOption, engineOption, ticketsOption, intervalOption, coalesceOption,
                       timeoutOption, tandemdOption, logOption, serverLogOption, serverLevelOption});
    parser.process(app);

    tandem::bench::FanoutOptions options;
    if (!readInt(parser, clientsOption, 1, &options.clients) ||
        !readInt(parser, ticketsOption, 1, &options.tickets) ||
        !readInt(parser, intervalOption, 0, &options.intervalMs) ||
        !readInt(parser, timeoutOption, 1, &options.timeoutMs) ||
        (parser.isSet(engineOption) && !readInt(parser, engineOption, 0, &options.engineClients)) ||
        (parser.isSet(coalesceOption) && !readInt(parser, coalesceOption, 0, &options.coalesceMs)))
        return 2;
    options.tandemdPath = parser.value(tandemdOption);
    options.serverLogLevel = parser.value(serverLevelOption);
    options.serverLogPath = parser.value(serverLogOption);
    const QString logError = tandem::logging::setup({parser.value(logOption), {}, false});
    if (!logError.isEmpty()) {
        std::fprintf(stderr, "fanout_bench: %s\n", qPrintable(logError));
        return 2;
    }

    tandem::bench::FanoutBench bench(options);
    QObject::connect(&bench, &tandem::bench::FanoutBench::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &bench, &tandem::bench::FanoutBench::start);
    return app.exec();
}
