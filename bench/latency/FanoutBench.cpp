#include "FanoutBench.h"

#include "InboxClient.h"
#include "LatencyStats.h"
#include "RawStreamClient.h"
#include "ServerProcess.h"
#include "TicketPoster.h"

#include "app/ApiClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSysInfo>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tandem::bench {

namespace {

constexpr int kWarmupPosts = 5;
constexpr int kConnectTimeoutMs = 60'000;
constexpr int kSettleMs = 500; // after the last client came online, before the measured series
constexpr int kDeliveryCheckMs = 20;
const QString kPassword = u"demo"_s;
// Demo agents (resources/demo/company.json): the clients sign in as these, round robin; the
// intake POSTs come from another agent, as an agent logging a phone call would.
const QStringList kClientUsers{u"ava@lumen.example"_s, u"noah@lumen.example"_s, u"astrid@lumen.example"_s,
                               u"jonas@lumen.example"_s, u"lucia@lumen.example"_s};
const QString kPoster = u"claire@lumen.example"_s;

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

//! The three load averages of /proc/loadavg ("?" where there is none).
QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readLine()).section(u' ', 0, 2);
}

double toMs(qint64 ns)
{
    return double(ns) / 1e6;
}

} // namespace

FanoutBench::FanoutBench(FanoutOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_users(kClientUsers)
{
    if (m_options.engineClients < 0 || m_options.engineClients > m_options.clients)
        m_options.engineClients = m_options.clients;
    m_postTimer.setInterval(m_options.intervalMs);
    connect(&m_postTimer, &QTimer::timeout, this, &FanoutBench::sendNext);
    m_deliveryTimer.setInterval(kDeliveryCheckMs);
    connect(&m_deliveryTimer, &QTimer::timeout, this, &FanoutBench::checkDelivery);
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        abortRun(u"only %1 of %2 clients came online within %3 s"_s.arg(m_online)
                     .arg(m_options.clients)
                     .arg(kConnectTimeoutMs / 1000));
    });
}

FanoutBench::~FanoutBench()
{
    m_posterThread.quit();
    m_posterThread.wait();
    m_clients.clear(); // before the ApiClients they point at
    m_rawClients.clear();
}

void FanoutBench::start()
{
    if (!m_storeDir.isValid()) {
        abortRun(u"cannot create a temporary folder: %1"_s.arg(m_storeDir.errorString()));
        return;
    }
    print(u"fanout_bench: clients=%1 (engine %7, raw %8) tickets=%2 interval_ms=%3 coalesce_ms=%4 "
          "timeout_ms=%5"_s.arg(m_options.clients)
              .arg(m_options.tickets)
              .arg(m_options.intervalMs)
              .arg(m_options.coalesceMs < 0 ? u"default"_s : QString::number(m_options.coalesceMs))
              .arg(m_options.timeoutMs)
              .arg(m_options.engineClients)
              .arg(m_options.clients - m_options.engineClients));
    print(u"machine: %1, %2 cores; load average at start: %3"_s.arg(QSysInfo::prettyProductName())
              .arg(QThread::idealThreadCount())
              .arg(loadAverage()));
    print(u"tandemd: %1"_s.arg(m_options.tandemdPath));
    m_server = std::make_unique<ServerProcess>(m_options.tandemdPath);
    m_server->setLogging(m_options.serverLogLevel, m_options.serverLogPath);
    connect(m_server.get(), &ServerProcess::failed, this, &FanoutBench::abortRun);
    connect(m_server.get(), &ServerProcess::ready, this, [this] {
        print(u"tandemd up at %1 (pid %2)"_s.arg(m_server->baseUrl()).arg(m_server->pid()));
        logIn(0);
    });
    m_server->start();
}

void FanoutBench::logIn(qsizetype userIndex)
{
    // The poster signs in last, at index m_users.size().
    const bool poster = userIndex == m_users.size();
    const QString email = poster ? kPoster : m_users.at(userIndex);
    QNetworkRequest request(QUrl(m_server->baseUrl() + u"/api/v1/auth/login"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(30000);
    const QByteArray body = QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, kPassword}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, userIndex, poster, email] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString token = QJsonDocument::fromJson(reply->readAll()).object().value(u"token").toString();
        if (status != 200 || token.isEmpty()) {
            abortRun(u"login of %1 failed (HTTP %2)"_s.arg(email).arg(status));
            return;
        }
        if (!poster) {
            m_tokens.append(token);
            logIn(userIndex + 1);
            return;
        }
        m_posterToken = token;
        m_poster = new TicketPoster(m_server->baseUrl(), m_posterToken);
        m_poster->moveToThread(&m_posterThread);
        connect(&m_posterThread, &QThread::finished, m_poster, &QObject::deleteLater);
        connect(m_poster, &TicketPoster::posted, this, &FanoutBench::onPosted);
        m_posterThread.setObjectName(u"poster"_s);
        m_posterThread.start();
        // Warm the draft engine and the HTTP connections, then the no-client baseline.
        runSeries(&m_warmup, kWarmupPosts, [this] {
            runSeries(&m_baseline, m_options.tickets, [this] {
                m_idleKiB = m_server->residentKiB();
                connectClients();
            });
        });
    });
}

QByteArray FanoutBench::ticketBody(int number) const
{
    const QJsonObject ticket{{u"subject"_s, u"Fan-out bench %1: card not delivered"_s.arg(number)},
                             {u"customer"_s, QJsonObject{{u"name"_s, u"Bench Customer %1"_s.arg(number)},
                                                         {u"email"_s, u"bench%1@example.com"_s.arg(number)},
                                                         {u"language"_s, u"en"_s}}},
                             {u"body"_s, u"My card has not arrived yet. Can you check where it is?"_s},
                             {u"queue"_s, u"orders"_s}};
    return QJsonDocument(ticket).toJson(QJsonDocument::Compact);
}

void FanoutBench::runSeries(Series *series, int count, std::function<void()> onDone)
{
    series->posts.assign(size_t(count), Post{});
    series->sent = 0;
    series->done = 0;
    series->onDone = std::move(onDone);
    m_current = series;
    sendNext();
    m_postTimer.start();
}

void FanoutBench::sendNext()
{
    Series *series = m_current;
    if (!series || series->sent >= qsizetype(series->posts.size())) {
        m_postTimer.stop();
        return;
    }
    const qsizetype index = series->sent++;
    const int id = series->id;
    TicketPoster *poster = m_poster;
    QMetaObject::invokeMethod(
        poster, [poster, id, index, body = ticketBody(++m_ticketNumber)] { poster->post(id, index, body); },
        Qt::QueuedConnection);
    if (series->sent >= qsizetype(series->posts.size()))
        m_postTimer.stop();
}

void FanoutBench::onPosted(int seriesId, qsizetype index, qint64 sentNs, qint64 doneNs, int status,
                           qint64 ticketId, const QString &error)
{
    Series *series = seriesId == Warmup ? &m_warmup : seriesId == Baseline ? &m_baseline : &m_measured;
    if (index < 0 || index >= qsizetype(series->posts.size()))
        return;
    Post &post = series->posts[size_t(index)];
    post = {sentNs, doneNs, ticketId, status};
    if (status != 201 || ticketId <= 0)
        print(u"POST /api/v1/tickets failed: HTTP %1 %2"_s.arg(status).arg(error));
    if (++series->done == qsizetype(series->posts.size()) && series->onDone)
        std::exchange(series->onDone, nullptr)();
}

void FanoutBench::connectClients()
{
    print(u"connecting %1 stream clients..."_s.arg(m_options.clients));
    for (const QString &token : std::as_const(m_tokens)) {
        auto api = std::make_unique<app::ApiClient>(QUrl(m_server->baseUrl()));
        api->setToken(token);
        m_apis.push_back(std::move(api));
    }
    app::EventStreamClient::Timing timing;
    if (m_options.coalesceMs >= 0)
        timing.coalesce = std::chrono::milliseconds(m_options.coalesceMs);
    for (int i = 0; i < m_options.engineClients; ++i) {
        auto client =
            std::make_unique<InboxClient>(m_apis[size_t(i) % m_apis.size()].get(),
                                          m_storeDir.filePath(u"client-%1.sqlite"_s.arg(i)), timing);
        QString error;
        if (!client->open(&error)) {
            abortRun(u"client %1: cannot open its local store: %2"_s.arg(i).arg(error));
            return;
        }
        connect(client.get(), &InboxClient::online, this, &FanoutBench::onClientOnline);
        m_clients.push_back(std::move(client));
    }
    for (int i = m_options.engineClients; i < m_options.clients; ++i) {
        auto client = std::make_unique<RawStreamClient>(
            m_apis[size_t(i) % m_apis.size()]->webSocketRequest(u"/api/v1/events"_s));
        connect(client.get(), &RawStreamClient::online, this, &FanoutBench::onClientOnline);
        m_rawClients.push_back(std::move(client));
    }
    m_connectTimeout.start(kConnectTimeoutMs);
    for (auto &client : m_clients)
        client->start();
    for (auto &client : m_rawClients)
        client->start();
}

void FanoutBench::onClientOnline()
{
    if (!m_connectTimeout.isActive())
        return; // a reconnect during the run: counted by the client as a drop
    const auto isOnline = [](const auto &c) {
        return c->isOnline();
    };
    m_online = int(std::count_if(m_clients.begin(), m_clients.end(), isOnline) +
                   std::count_if(m_rawClients.begin(), m_rawClients.end(), isOnline));
    if (m_online < m_options.clients)
        return;
    m_connectTimeout.stop();
    print(u"all %1 clients online; tandemd with them: %2 MiB"_s.arg(m_online).arg(
        double(m_server->residentKiB()) / 1024.0, 0, 'f', 1));
    QTimer::singleShot(kSettleMs, this, [this] {
        runSeries(&m_measured, m_options.tickets, [this] { m_deliveryTimer.start(); });
    });
}

void FanoutBench::checkDelivery()
{
    bool all = true;
    for (const Post &post : m_measured.posts) {
        if (post.ticketId <= 0)
            continue;
        all = std::all_of(m_clients.begin(), m_clients.end(),
                          [&](const auto &c) { return c->inInboxAt().contains(post.ticketId); }) &&
              std::all_of(m_rawClients.begin(), m_rawClients.end(),
                          [&](const auto &c) { return c->receivedAt().contains(post.ticketId); });
        if (!all)
            break;
    }
    const qint64 lastSent = m_measured.posts.empty() ? 0 : m_measured.posts.back().sentNs;
    if (!all && benchNowNs() - lastSent < qint64(m_options.timeoutMs) * 1'000'000)
        return;
    m_deliveryTimer.stop();
    m_connectedKiB = m_server->residentKiB();
    report();
}

void FanoutBench::report()
{
    const auto rtts = [](const Series &series) {
        std::vector<double> out;
        for (const Post &p : series.posts) {
            if (p.status == 201)
                out.push_back(toMs(p.doneNs - p.sentNs));
        }
        return out;
    };
    std::vector<double> baseline = rtts(m_baseline);
    std::vector<double> loaded = rtts(m_measured);
    std::vector<double> wire;
    std::vector<double> inbox;
    std::vector<double> everyClient; // per ticket: the slowest client
    qsizetype missing = 0;
    qsizetype late = 0;
    const qint64 timeoutNs = qint64(m_options.timeoutMs) * 1'000'000;
    for (const Post &post : m_measured.posts) {
        if (post.ticketId <= 0)
            continue;
        qint64 slowest = 0;
        for (const auto &client : m_clients) {
            const auto received = client->receivedAt().constFind(post.ticketId);
            if (received != client->receivedAt().cend())
                wire.push_back(toMs(*received - post.sentNs));
            const auto shown = client->inInboxAt().constFind(post.ticketId);
            if (shown == client->inInboxAt().cend()) {
                ++missing;
                continue;
            }
            const qint64 latency = *shown - post.sentNs;
            if (latency > timeoutNs)
                ++late;
            slowest = std::max(slowest, latency);
            inbox.push_back(toMs(latency));
        }
        // A bare socket "has" the ticket when its frame arrived.
        for (const auto &client : m_rawClients) {
            const auto received = client->receivedAt().constFind(post.ticketId);
            if (received == client->receivedAt().cend()) {
                ++missing;
                continue;
            }
            const qint64 latency = *received - post.sentNs;
            if (latency > timeoutNs)
                ++late;
            slowest = std::max(slowest, latency);
            wire.push_back(toMs(latency));
        }
        everyClient.push_back(toMs(slowest));
    }
    const qsizetype postFailures = std::count_if(m_baseline.posts.begin(), m_baseline.posts.end(),
                                                 [](const Post &p) { return p.status != 201; }) +
                                   std::count_if(m_measured.posts.begin(), m_measured.posts.end(),
                                                 [](const Post &p) { return p.status != 201; });
    int drops = 0;
    for (const auto &client : m_clients)
        drops += client->drops();
    for (const auto &client : m_rawClients)
        drops += client->drops();

    const LatencySummary base = LatencySummary::of(baseline);
    const LatencySummary withClients = LatencySummary::of(loaded);
    const LatencySummary frames = LatencySummary::of(wire);
    const LatencySummary shown = LatencySummary::of(inbox);
    const LatencySummary worst = LatencySummary::of(everyClient);
    print(u"POST /tickets RTT, no clients:        %1"_s.arg(base.toString()));
    print(u"POST /tickets RTT, with clients:      %1"_s.arg(withClients.toString()));
    print(u"frame at client, all clients:         %1"_s.arg(frames.toString()));
    print(u"in InboxModel, engine clients:        %1"_s.arg(shown.toString()));
    print(u"at every client, per ticket (slowest): %1"_s.arg(worst.toString()));
    if (base.p50 > 0)
        print(u"ratio inbox/plain POST RTT: p50 %1x  p95 %2x"_s.arg(shown.p50 / base.p50, 0, 'f', 1)
                  .arg(shown.p95 / base.p95, 0, 'f', 1));
    print(u"tandemd VmRSS: %1 MiB without clients, %2 MiB with %3 clients"_s
              .arg(double(m_idleKiB) / 1024.0, 0, 'f', 1)
              .arg(double(m_connectedKiB) / 1024.0, 0, 'f', 1)
              .arg(m_options.clients));
    print(u"load average at end: %1"_s.arg(loadAverage()));
    print(u"target p95 <= 100 ms: %1"_s.arg(shown.p95 <= 100.0 ? u"met"_s : u"MISSED"_s));
    const bool ok = missing == 0 && late == 0 && postFailures == 0 && drops == 0;
    print(u"failures: missing=%1 late(>%2 ms)=%3 post_errors=%4 stream_drops=%5 -> %6"_s.arg(missing)
              .arg(m_options.timeoutMs)
              .arg(late)
              .arg(postFailures)
              .arg(drops)
              .arg(ok ? u"OK"_s : u"FAILED"_s));
    finish(ok ? 0 : 1);
}

void FanoutBench::abortRun(const QString &reason)
{
    std::fprintf(stderr, "fanout_bench: %s\n", qPrintable(reason));
    finish(1);
}

void FanoutBench::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_postTimer.stop();
    m_deliveryTimer.stop();
    m_connectTimeout.stop();
    m_posterThread.quit();
    m_posterThread.wait();
    for (auto &client : m_clients)
        client->stop();
    for (auto &client : m_rawClients)
        client->stop();
    if (m_server)
        m_server->stop();
    Q_EMIT finished(exitCode);
}

} // namespace tandem::bench
