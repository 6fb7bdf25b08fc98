// The composition root of the `tandem` desktop executable. It lives in ui/, not app/, because it
// needs Qt Widgets (QApplication, the windows), and tandem_app must never link Widgets.
// It parses the command line, sets up logging and translations, optionally starts an embedded
// tandemd for --demo, and hands over to ui::Launcher.
#include "Launcher.h"
#include "UiLanguage.h"

#include "core/Logging.h"
#include "server/Server.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Translators: answer "RTL" for right-to-left languages (Arabic): Qt then mirrors the whole UI.
[[maybe_unused]] constexpr const char *kLayoutDirection =
    QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION");

// --demo-user signs in with the demo password, which only a demo server on this machine has:
// never send it (or sign in without a dialog) anywhere else.
bool isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    return url.scheme() == u"http" && (host == u"127.0.0.1" || host == u"localhost" || host == u"::1");
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(u"Tandem"_s);
    QCoreApplication::setOrganizationDomain(u"tandem.example"_s);
    QCoreApplication::setApplicationName(u"tandem"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));
}

// The command line, declared once: for the help text (printed without a display) and for the run.
struct CommandLine
{
    const QCommandLineOption demo{
        u"demo"_s, QCoreApplication::translate("main", "Start an embedded demo server and sign in to it.")};
    const QCommandLineOption demoUser{
        u"demo-user"_s,
        QCoreApplication::translate(
            "main", "Sign in as EMAIL with the demo password, without a dialog: with --demo "
                    "(default ava@lumen.example), or with --server for a demo tandemd on this "
                    "machine (http://127.0.0.1 or http://localhost only)."),
        u"EMAIL"_s, u"ava@lumen.example"_s};
    const QCommandLineOption server{
        u"server"_s, QCoreApplication::translate("main", "The server to sign in to."), u"URL"_s};
    const QCommandLineOption screenshot{
        u"screenshot"_s,
        QCoreApplication::translate("main",
                                    "After the first sync, save the window (1280x800) as a PNG and exit "
                                    "(with --demo, or --server plus --demo-user)."),
        u"FILE"_s};
    const QCommandLineOption screenshotDelay{
        u"screenshot-delay"_s,
        QCoreApplication::translate("main",
                                    "With --screenshot: wait SECONDS before taking it (e.g. for presence)."),
        u"SECONDS"_s, u"0"_s};
    const QCommandLineOption windowSize{
        u"window-size"_s,
        QCoreApplication::translate("main",
                                    "With --screenshot: the window size, e.g. 1024x640 (default 1280x800)."),
        u"WxH"_s, u"1280x800"_s};
    const QCommandLineOption openTicket{
        u"open-ticket"_s, QCoreApplication::translate("main", "Open ticket ID once it has synced."), u"ID"_s};
    const QCommandLineOption row{
        u"select-row"_s,
        QCoreApplication::translate("main", "With --screenshot: open inbox row N (0 = top)."), u"N"_s,
        u"0"_s};
    const QCommandLineOption log{
        u"log-level"_s, QCoreApplication::translate("main", "Log levels, e.g. info or net=debug,sync=info."),
        u"SPEC"_s, u"info"_s};
    const QCommandLineOption logFile{
        u"log-file"_s, QCoreApplication::translate("main", "Also log to this rotating file."), u"PATH"_s};
    QCommandLineParser parser;

    CommandLine()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Tandem: AI drafts, humans decide."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions(
            {demo, demoUser, server, screenshot, screenshotDelay, windowSize, row, openTicket, log, logFile});
    }
};

// --help and --version need no display: they are answered before any platform plugin loads (on a
// server without X, in CI, by a package's smoke test).
bool answersWithoutDisplay(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--help", "-h", "-?", "--help-all", "--version", "-v"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (answersWithoutDisplay(argc, argv)) {
        QCoreApplication core(argc, argv);
        describeApplication();
        tandem::ui::UiLanguage::install(core);
        CommandLine line;
        line.parser.process(core); // prints the help or the version and exits
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(u"Tandem"_s);
    QApplication::setDesktopFileName(u"tandem"_s);
    tandem::ui::UiLanguage::install(app);

    CommandLine line;
    QCommandLineParser &parser = line.parser;
    parser.process(app);

    const QString logError =
        tandem::logging::setup({parser.value(line.log), parser.value(line.logFile), false});
    if (!logError.isEmpty()) {
        std::fprintf(stderr, "tandem: %s\n", qPrintable(logError));
        return 2;
    }

    tandem::ui::LaunchOptions options;
    options.screenshotPath = parser.value(line.screenshot);
    bool rowOk = false;
    options.screenshotRow = parser.value(line.row).toInt(&rowOk);
    if (!rowOk || options.screenshotRow < 0) {
        std::fprintf(stderr, "tandem: --select-row needs a row number (0 or more)\n");
        return 2;
    }
    {
        const QStringList size = parser.value(line.windowSize).split(u'x');
        bool wOk = false;
        bool hOk = false;
        const int w = size.value(0).toInt(&wOk);
        const int h = size.value(1).toInt(&hOk);
        if (size.size() != 2 || !wOk || !hOk || w < 640 || h < 400 || w > 7680 || h > 4320) {
            std::fprintf(stderr, "tandem: --window-size needs WxH between 640x400 and 7680x4320\n");
            return 2;
        }
        options.screenshotSize = QSize(w, h);
    }
    bool delayOk = false;
    options.screenshotDelayMs = parser.value(line.screenshotDelay).toInt(&delayOk) * 1000;
    if (!delayOk || options.screenshotDelayMs < 0 || options.screenshotDelayMs > 600000) {
        std::fprintf(stderr, "tandem: --screenshot-delay needs whole seconds (0..600)\n");
        return 2;
    }
    if (parser.isSet(line.openTicket)) {
        bool idOk = false;
        options.openTicketId = parser.value(line.openTicket).toLongLong(&idOk);
        if (!idOk || options.openTicketId <= 0) {
            std::fprintf(stderr, "tandem: --open-ticket needs a ticket id\n");
            return 2;
        }
    }
    if (parser.isSet(line.server)) {
        options.serverUrl = QUrl::fromUserInput(parser.value(line.server));
        if (!options.serverUrl.isValid()) {
            std::fprintf(stderr, "tandem: --server: not a URL\n");
            return 2;
        }
    }
    if (parser.isSet(line.demoUser) && !parser.isSet(line.demo)) {
        if (!parser.isSet(line.server)) {
            options.email = parser.value(line.demoUser);
        } else if (!isLoopback(options.serverUrl)) {
            std::fprintf(stderr,
                         "tandem: --demo-user with --server works only for a demo server on "
                         "http://127.0.0.1 or http://localhost; sign in through the dialog instead\n");
            return 2;
        } else {
            // A demo tandemd on this machine (tandemd --demo): sign in at once, no dialog.
            options.autoLoginEmail = parser.value(line.demoUser);
            options.autoLoginPassword = u"demo"_s;
        }
    }

    // Demo mode: a real tandemd in this process, on a free loopback port, with a throw-away
    // database and a throw-away local cache.
    std::unique_ptr<QTemporaryDir> demoDir;
    std::unique_ptr<tandem::server::Server> demoServer;
    if (parser.isSet(line.demo)) {
        demoDir = std::make_unique<QTemporaryDir>();
        if (!demoDir->isValid()) {
            std::fprintf(stderr, "tandem: cannot create a temporary folder for the demo\n");
            return 1;
        }
        tandem::server::ServerConfig config;
        config.databasePath = demoDir->filePath(u"demo.sqlite"_s);
        config.address = QHostAddress::LocalHost;
        config.port = 0;
        config.demo = true;
        config.simulateEverySeconds = 8;
        demoServer = std::make_unique<tandem::server::Server>(config);
        QString error;
        if (!demoServer->start(&error)) {
            std::fprintf(stderr, "tandem: the demo server did not start: %s\n", qPrintable(error));
            return 1;
        }
        options.serverUrl = QUrl(demoServer->baseUrl());
        options.autoLoginEmail = parser.value(line.demoUser);
        options.autoLoginPassword = u"demo"_s;
        options.storeDirectory = demoDir->filePath(u"cache"_s);
        QDir().mkpath(options.storeDirectory);
    } else if (!options.screenshotPath.isEmpty() && options.autoLoginEmail.isEmpty()) {
        std::fprintf(stderr, "tandem: --screenshot needs --demo, or --server with --demo-user\n");
        return 2;
    }

    tandem::ui::Launcher launcher(options);
    QObject::connect(&launcher, &tandem::ui::Launcher::exitRequested, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    launcher.start();
    return QApplication::exec();
}
