#include "SoakRunner.h"

#include "FaultProxy.h"
#include "TestServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using tandem::test::FaultProxy;
using tandem::test::TestHttp;
using tandem::test::TestServer;

namespace tandem::soak {

namespace {

const QString kAgent = u"ava@lumen.example"_s;

// Runs the event loop until \a done or the deadline. It sleeps in the loop between events (a
// 50 ms tick re-checks the condition), so the parent never spins while the children work.
bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    QTimer tick;
    tick.start(50);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QRandomGenerator &rng()
{
    static QRandomGenerator generator;
    return generator;
}

} // namespace

SoakRunner::SoakRunner(Options options) : m_options(options) {}

SoakRunner::~SoakRunner() = default;

QString SoakRunner::prefix(int cycle) const
{
    return u"soak-%1-c%2-"_s.arg(m_runId).arg(cycle);
}

void SoakRunner::progress(const QString &line) const
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

bool SoakRunner::setUp(QString *error)
{
    // Seed the demo company once; the cycles then restart a plain tandemd on the same file
    // (a demo start re-trains models and takes seconds; the soak is about the send path).
    const QString database = m_workDir + u"/tandemd.sqlite"_s;
    {
        TestServer seed(TestServer::Options{true, 0, database, u"error"_s});
        if (!seed.start()) {
            *error = u"seeding tandemd failed: "_s + seed.error();
            return false;
        }
        TestHttp http(seed.baseUrl());
        if (!http.login(kAgent)) {
            *error = u"cannot log in as "_s + kAgent;
            return false;
        }
        m_token = http.token();
        QString cursor;
        while (m_tickets.size() < 3) {
            const QJsonObject page = http.get(u"/api/v1/tickets?limit=500"_s +
                                              (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor))
                                         .json();
            for (const QJsonValue &item : page.value(u"items"_s).toArray()) {
                if (item[u"status"_s].toString() != u"solved"_s && m_tickets.size() < 3)
                    m_tickets.append(item[u"id"_s].toInteger());
            }
            cursor = page.value(u"next_cursor"_s).toString();
            if (!page.value(u"has_more"_s).toBool())
                break;
        }
        if (m_tickets.size() < 3) {
            *error = u"the demo data has fewer than 3 open tickets"_s;
            return false;
        }
    }
    m_server = std::make_unique<TestServer>(TestServer::Options{false, 0, database, u"error"_s});
    if (!m_server->start()) {
        *error = u"tandemd did not start: "_s + m_server->error();
        return false;
    }
    m_proxy = std::make_unique<FaultProxy>(m_server->port());
    if (!m_proxy->start()) {
        *error = u"the proxy cannot listen"_s;
        return false;
    }
    return true;
}

std::unique_ptr<SoakRunner::ChildRun> SoakRunner::spawn(int cycle, int replies,
                                                        std::function<void(const QByteArray &)> onMarker)
{
    auto run = std::make_unique<ChildRun>();
    run->process = std::make_unique<QProcess>();
    QProcess *process = run->process.get();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TANDEM_SOAK_TOKEN"_s, m_token); // never on the command line (ps shows that)
    process->setProcessEnvironment(env);
    if (m_options.verbose)
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    else
        process->setStandardErrorFile(QProcess::nullDevice());
    QStringList ids;
    for (qint64 id : std::as_const(m_tickets))
        ids.append(QString::number(id));
    ChildRun *raw = run.get();
    QObject::connect(process, &QProcess::readyReadStandardOutput, process,
                     [this, raw, onMarker, cycle] { readLines(*raw, onMarker, cycle); });
    process->start(QCoreApplication::applicationFilePath(),
                   {u"--client"_s, u"--url"_s, m_proxy->baseUrl(), u"--store"_s,
                    m_workDir + u"/client.sqlite"_s, u"--tickets"_s, ids.join(u','), u"--prefix"_s,
                    prefix(cycle), u"--replies"_s, QString::number(replies), u"--cycle"_s,
                    QString::number(cycle)});
    return run;
}

void SoakRunner::readLines(ChildRun &run, const std::function<void(const QByteArray &)> &onMarker, int cycle)
{
    run.buffer += run.process->readAllStandardOutput();
    qsizetype end = 0;
    while ((end = run.buffer.indexOf('\n')) >= 0) {
        const QByteArray line = run.buffer.left(end).trimmed();
        run.buffer.remove(0, end + 1);
        if (line.startsWith("queued "))
            m_confirmed.insert(prefix(cycle) + u"r"_s + QString::fromLatin1(line.mid(7)));
        if (line.startsWith("drained")) {
            run.drained = true;
            run.attention = line.mid(line.indexOf('=') + 1).toInt();
        }
        if (line.startsWith("error") || line.startsWith("timeout"))
            run.failure = QString::fromUtf8(line);
        if (line.startsWith("conflict") || line.startsWith("failed"))
            progress(u"cycle %1: %2"_s.arg(cycle).arg(QString::fromUtf8(line)));
        if (onMarker && (line.startsWith("queued") || line.startsWith("sending") || line.startsWith("sent")))
            onMarker(line.left(line.indexOf(' ')));
    }
}

bool SoakRunner::restartServer(QString *error)
{
    m_server->kill(); // SIGKILL at the chosen point
    ++m_serverKills;
    if (!m_server->start()) {
        *error = u"tandemd did not come back: "_s + m_server->error();
        return false;
    }
    m_proxy->setTargetPort(m_server->port());
    return true;
}

bool SoakRunner::runCycle(int cycle, Victim victim, QString *error)
{
    // The kill follows the k-th step of the send path (queued / sending / sent), plus 0-3 ms.
    // (k < 3 * replies: the last "sent" is often followed by the client's exit within the delay.)
    const int k = 1 + int(rng().bounded(std::max(1, 3 * m_options.replies - 1)));
    int markers = 0;
    bool triggered = false;
    bool killed = false;
    QString killError;
    std::unique_ptr<ChildRun> run;
    auto onMarker = [&](const QByteArray &marker) {
        if (triggered || ++markers < k)
            return;
        triggered = true;
        m_killPoints[QString::fromLatin1(marker)] += 1;
        QTimer::singleShot(std::chrono::milliseconds(rng().bounded(4)), [&, victim] {
            if (victim == Victim::Client) {
                if (run->process->state() != QProcess::NotRunning) {
                    run->process->kill();
                    ++m_clientKills;
                }
            } else {
                if (run->process->state() == QProcess::NotRunning)
                    ++m_lateServerKills; // the client was done already: not a send-path kill
                if (!restartServer(&killError))
                    killError = killError.isEmpty() ? u"server restart failed"_s : killError;
            }
            killed = true;
        });
    };
    run = spawn(cycle, m_options.replies, onMarker);
    QProcess *process = run->process.get();
    const bool finished =
        waitFor([&] { return process->state() == QProcess::NotRunning && (!triggered || killed); }, 150s);
    if (!killError.isEmpty()) {
        *error = killError;
        return false;
    }
    if (!finished) {
        process->kill();
        process->waitForFinished(5000);
        *error = u"cycle %1: the client neither finished nor was killed within 150 s"_s.arg(cycle);
        return false;
    }
    readLines(*run, nullptr, cycle);
    const bool clientKilled = victim == Victim::Client && triggered;
    if (!clientKilled && (!run->drained || process->exitCode() != 0)) {
        *error = u"cycle %1: the client did not drain (%2)"_s.arg(cycle).arg(
            run->failure.isEmpty() ? u"exit code %1"_s.arg(process->exitCode()) : run->failure);
        return false;
    }
    m_attention = std::max(m_attention, run->attention);
    return true;
}

bool SoakRunner::drainAll(QString *error)
{
    auto run = spawn(m_options.cycles + 1, 0, nullptr);
    QProcess *process = run->process.get();
    if (!waitFor([&] { return process->state() == QProcess::NotRunning; }, 150s)) {
        process->kill();
        *error = u"the final drain did not finish within 150 s"_s;
        return false;
    }
    readLines(*run, nullptr, m_options.cycles + 1);
    if (!run->drained) {
        *error = u"the final drain failed: "_s + run->failure;
        return false;
    }
    m_attention = run->attention;
    return true;
}

void SoakRunner::reconcile(int *sent, int *lost, int *duplicated, int *unexpected)
{
    TestHttp http(m_server->baseUrl());
    http.setToken(m_token);
    const QString runPrefix = u"soak-%1-"_s.arg(m_runId);
    QHash<QString, int> counts;
    for (qint64 ticketId : std::as_const(m_tickets)) {
        const auto thread =
            http.get(u"/api/v1/tickets/%1"_s.arg(ticketId)).json().value(u"messages"_s).toArray();
        for (const QJsonValue &message : thread) {
            const QString body = message[u"body"_s].toString();
            if (body.startsWith(runPrefix))
                counts[body] += 1;
        }
    }
    *sent = int(counts.size());
    *duplicated = 0;
    *unexpected = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        *duplicated += it.value() - 1;
        // Only bodies a client was asked to queue may exist: "c<cycle>-r<i>" within the plan.
        const QString rest = it.key().mid(runPrefix.size());
        const int cycle = rest.section(u'-', 0, 0).mid(1).toInt();
        const int reply = rest.section(u'-', 1, 1).mid(1).toInt();
        if (cycle < 1 || cycle > m_options.cycles || reply < 0 || reply >= m_options.replies)
            ++*unexpected;
    }
    *lost = 0;
    for (const QString &body : std::as_const(m_confirmed))
        *lost += counts.contains(body) ? 0 : 1;
}

int SoakRunner::run()
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        progress(u"error: no temporary directory"_s);
        return 2;
    }
    m_workDir = dir.path();
    if (m_options.seed != 0)
        rng().seed(m_options.seed);
    else
        rng().seed(QRandomGenerator::global()->generate());
    m_runId = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!setUp(&error)) {
        progress(u"error: "_s + error);
        return 2;
    }
    for (int cycle = 1; cycle <= m_options.cycles; ++cycle) {
        const Victim victim = cycle % 2 == 1 ? Victim::Client : Victim::Server;
        if (!runCycle(cycle, victim, &error)) {
            progress(u"error: "_s + error);
            return 2;
        }
        if (m_options.verbose || cycle % 20 == 0 || cycle == m_options.cycles)
            progress(u"cycle %1/%2: %3 client kills, %4 server kills, %5 replies confirmed, %6 s"_s.arg(cycle)
                         .arg(m_options.cycles)
                         .arg(m_clientKills)
                         .arg(m_serverKills)
                         .arg(m_confirmed.size())
                         .arg(clock.elapsed() / 1000));
    }
    if (!drainAll(&error)) {
        progress(u"error: "_s + error);
        return 2;
    }
    int sent = 0;
    int lost = 0;
    int duplicated = 0;
    int unexpected = 0;
    reconcile(&sent, &lost, &duplicated, &unexpected);
    QStringList points;
    for (auto it = m_killPoints.cbegin(); it != m_killPoints.cend(); ++it)
        points.append(u"after %1: %2"_s.arg(it.key()).arg(it.value()));
    points.sort();
    progress(u"client kills=%1 server kills=%2 (%3); confirmed=%4 conflicts/failed=%5 unexpected=%6; %7 s"_s
                 .arg(m_clientKills)
                 .arg(m_serverKills - m_lateServerKills)
                 .arg(points.join(u", "_s))
                 .arg(m_confirmed.size())
                 .arg(m_attention)
                 .arg(unexpected)
                 .arg(clock.elapsed() / 1000));
    std::printf("cycles=%d sent=%d lost=%d duplicated=%d\n", m_options.cycles, sent, lost, duplicated);
    std::fflush(stdout);
    return lost == 0 && duplicated == 0 && unexpected == 0 && m_attention == 0 ? 0 : 1;
}

int runSoak(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Kills the client engine or tandemd at random points of the send path "
                                     u"and checks that no reply is lost or duplicated."_s);
    parser.addHelpOption();
    const QCommandLineOption cycles(u"cycles"_s, u"Number of kill cycles (odd: client, even: server)."_s,
                                    u"N"_s, u"10"_s);
    const QCommandLineOption replies(u"replies"_s, u"Replies queued per cycle."_s, u"N"_s, u"3"_s);
    const QCommandLineOption seed(u"seed"_s, u"Random seed (0: random)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption verbose(u"verbose"_s, u"Progress per cycle and the clients' logs on stderr."_s);
    parser.addOptions({cycles, replies, seed, verbose});
    parser.process(arguments);
    SoakRunner::Options options;
    bool ok = false;
    options.cycles = parser.value(cycles).toInt(&ok);
    if (!ok || options.cycles < 1) {
        std::fprintf(stderr, "--cycles must be a positive number\n");
        return 2;
    }
    options.replies = std::clamp(parser.value(replies).toInt(), 1, 50);
    options.seed = parser.value(seed).toUInt();
    options.verbose = parser.isSet(verbose);
    return SoakRunner(options).run();
}

} // namespace tandem::soak
