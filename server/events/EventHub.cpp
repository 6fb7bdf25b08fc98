#include "EventHub.h"

#include "server/Clock.h"
#include "server/auth/AuthService.h"
#include "server/http/HttpFrontend.h"
#include "server/storage/Database.h"
#include "server/storage/EventRepository.h"
#include "server/storage/TicketRepository.h"
#include "server/storage/UserRepository.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"
#include "core/Logging.h"

#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
constexpr int kBatch = 500;
constexpr qint64 kLastSeenEveryMs = 60000; // how often connected users are noted in the store
constexpr qsizetype kMaxClientMessage = 4096;
constexpr int kPolicyViolation = 1008; // WebSocket close code for a bad token
} // namespace

struct EventHub::Client
{
    std::unique_ptr<QWebSocket> socket;
    User user;
    qint64 lastSeq = 0;
    QElapsedTimer lastSeen;
    bool dead = false;
};

EventHub::EventHub(Database &db, AuthService &auth, const Clock &clock, HttpFrontend &frontend,
                   QObject *parent)
    : QObject(parent), m_db(db), m_auth(auth), m_clock(clock)
{
    connect(&frontend, &QAbstractHttpServer::newWebSocketConnection, this, &EventHub::acceptConnections);
    m_wakeTimer.setSingleShot(true);
    m_wakeTimer.setInterval(0);
    connect(&m_wakeTimer, &QTimer::timeout, this, &EventHub::fanOut);
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &EventHub::fanOut);
    m_heartbeatTimer.setInterval(kHeartbeatMs);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &EventHub::heartbeat);
    m_heartbeatTimer.start();
}

EventHub::~EventHub()
{
    for (auto &client : m_clients)
        client->socket->disconnect(this);
}

void EventHub::wake()
{
    if (!m_clients.empty() && !m_wakeTimer.isActive()) {
        m_wokenAt.start();
        m_wakeTimer.start();
    }
}

void EventHub::acceptConnections()
{
    auto *frontend = qobject_cast<QAbstractHttpServer *>(sender());
    while (frontend && frontend->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = frontend->nextPendingWebSocketConnection();
        if (!socket)
            continue;
        const QNetworkRequest request = socket->request();
        const QByteArray auth = request.rawHeader("Authorization");
        std::optional<User> user;
        try {
            if (auth.startsWith("Bearer "))
                user = m_auth.authenticate(QString::fromLatin1(auth.mid(7).trimmed()));
        } catch (const StorageError &e) {
            tandem::logging::get("db")->error("event stream auth failed: {}", e.what());
        }
        if (!user) {
            socket->close(static_cast<QWebSocketProtocol::CloseCode>(kPolicyViolation),
                          u"unauthorized: log in again"_s);
            socket.release()->deleteLater();
            continue;
        }
        auto client = std::make_unique<Client>();
        client->user = *user;
        client->lastSeen.start();
        client->socket = std::move(socket);
        EventRepository events(m_db);
        const qint64 max = events.maxSeq();
        const QString afterText = QUrlQuery(client->socket->request().url()).queryItemValue(u"after"_s);
        bool ok = false;
        const qint64 after = afterText.toLongLong(&ok);
        if (afterText.isEmpty()) {
            client->lastSeq = max; // only new events
        } else if (!ok || after < 0 || after > max || after < events.minSeq() - 1) {
            // Unknown or no longer available: the client must fall back to the delta cursor.
            client->lastSeq = max;
            send(*client, QString::fromUtf8(json::serialize(
                              {{u"type"_s, u"resync_required"_s}, {u"seq"_s, static_cast<double>(max)}})));
        } else {
            client->lastSeq = after;
        }
        Client *raw = client.get();
        connect(raw->socket.get(), &QWebSocket::textMessageReceived, this,
                [this, raw](const QString &text) { onText(raw, text); });
        connect(raw->socket.get(), &QWebSocket::pong, this,
                [raw](quint64, const QByteArray &) { raw->lastSeen.restart(); });
        connect(raw->socket.get(), &QWebSocket::disconnected, this, [this, raw] { drop(raw); });
        m_clients.push_back(std::move(client));
        tandem::logging::get("http")->info("event stream: user {} connected ({} clients)", raw->user.id,
                                           m_clients.size());
        recordLastSeen({raw->user.id});
        if (!m_pollTimer.isActive())
            m_pollTimer.start();
    }
    wake();
}

void EventHub::send(Client &client, const QString &message)
{
    // Guard every late write: the peer may have gone since the last event loop turn.
    if (client.dead || !client.socket || client.socket->state() != QAbstractSocket::ConnectedState)
        return;
    client.socket->sendTextMessage(message);
    // Write through now (non-blocking; what the kernel does not take stays buffered) instead of
    // on the next event loop turn: with hundreds of clients the deferred path costs a socket
    // notifier round trip per client before the first byte leaves.
    client.socket->flush();
}

void EventHub::fanOut()
{
    if (m_clients.empty()) {
        m_pollTimer.stop();
        return;
    }
    QElapsedTimer took;
    took.start();
    // -1: a poll, not a local commit, started this fan-out.
    const qint64 sinceCommitUs = m_wokenAt.isValid() ? m_wokenAt.nsecsElapsed() / 1000 : -1;
    m_wokenAt.invalidate();
    int sent = 0;
    try {
        qint64 from = std::numeric_limits<qint64>::max();
        for (const auto &c : m_clients)
            from = std::min(from, c->lastSeq);
        EventRepository events(m_db);
        TicketRepository tickets(m_db);
        for (;;) {
            const QList<StoredEvent> batch = events.after(from, kBatch);
            if (batch.isEmpty())
                break;
            for (const StoredEvent &e : batch) {
                QJsonObject message{{u"seq"_s, static_cast<double>(e.seq)},
                                    {u"type"_s, e.type},
                                    {u"ticket_id"_s, static_cast<double>(e.ticketId)},
                                    {u"at"_s, formatTime(e.createdAt)}};
                if (e.type == u"presence") {
                    message.insert(u"presence"_s, e.payload);
                } else if (const auto ticket = tickets.ticket(e.ticketId)) {
                    message.insert(u"ticket"_s, json::toJson(*ticket));
                    if (e.payload.contains(u"message_id"))
                        message.insert(u"message_id"_s, e.payload.value(u"message_id"));
                }
                // Encoded once per event, not once per client: 200 clients share the same text.
                const QString text = QString::fromUtf8(json::serialize(message));
                for (auto &c : m_clients) {
                    if (e.seq <= c->lastSeq)
                        continue;
                    c->lastSeq = e.seq;
                    // Presence is for others: do not echo it to the user who sent it.
                    if (e.type == u"presence" && e.payload.value(u"user_id").toInteger() == c->user.id)
                        continue;
                    send(*c, text);
                    ++sent;
                }
            }
            from = batch.last().seq;
            if (batch.size() < kBatch)
                break;
        }
    } catch (const StorageError &e) {
        tandem::logging::get("db")->error("event fan-out failed: {}", e.what());
    }
    // The cost of a fan-out, for profiling the live-update latency (bench/latency, http=debug).
    if (sent > 0)
        tandem::logging::get("http")->debug(
            "event fan-out: {} messages to {} clients in {} us, {} us after the commit", sent,
            m_clients.size(), took.nsecsElapsed() / 1000, sinceCommitUs);
}

void EventHub::onText(Client *client, const QString &text)
{
    client->lastSeen.restart();
    if (text.size() > kMaxClientMessage)
        return;
    const auto object = json::parseObject(text.toUtf8(), nullptr);
    if (!object)
        return;
    JsonReader r(*object);
    const QString type = r.string(u"type");
    if (type == u"ping") {
        send(*client, QString::fromUtf8(json::serialize({{u"type"_s, u"pong"_s}})));
        return;
    }
    if (type != u"presence")
        return;
    const qint64 ticketId = r.integer(u"ticket_id");
    const QString state = r.string(u"state");
    if (!r.ok() || ticketId <= 0 || !(state == u"viewing" || state == u"typing" || state == u"left"))
        return;
    try {
        const QDateTime now = m_clock.now();
        Transaction tx(m_db);
        EventRepository events(m_db);
        events.insert(u"presence"_s, ticketId,
                      {{u"user_id"_s, static_cast<double>(client->user.id)},
                       {u"name"_s, client->user.name},
                       {u"state"_s, state},
                       {u"ticket_id"_s, static_cast<double>(ticketId)},
                       {u"expires_at"_s, formatTime(now.addSecs(30))}},
                      now);
        events.purgePresenceBefore(now.addSecs(-3600));
        tx.commit();
    } catch (const StorageError &e) {
        tandem::logging::get("db")->error("presence failed: {}", e.what());
    }
}

void EventHub::heartbeat()
{
    std::vector<Client *> silent;
    for (auto &c : m_clients) {
        if (c->dead)
            continue;
        if (c->lastSeen.elapsed() > kDeadAfterMs)
            silent.push_back(c.get());
        else if (c->socket->state() == QAbstractSocket::ConnectedState)
            c->socket->ping();
    }
    for (Client *c : silent) {
        tandem::logging::get("http")->info("event stream: user {} timed out", c->user.id);
        drop(c);
    }
    // Who is connected, in the store for every instance's agent list; at most once a minute.
    if (!m_lastSeenWritten.isValid() || m_lastSeenWritten.elapsed() >= kLastSeenEveryMs) {
        QList<qint64> users;
        for (const auto &c : m_clients) {
            if (!c->dead && !users.contains(c->user.id))
                users.append(c->user.id);
        }
        recordLastSeen(users);
        m_lastSeenWritten.start();
    }
}

void EventHub::recordLastSeen(const QList<qint64> &userIds)
{
    if (userIds.isEmpty())
        return;
    try {
        Transaction tx(m_db);
        UserRepository(m_db).touchLastSeen(userIds, m_clock.now());
        tx.commit();
    } catch (const StorageError &e) {
        tandem::logging::get("db")->error("last seen not recorded: {}", e.what());
    }
}

void EventHub::drop(Client *client)
{
    if (client->dead)
        return;
    client->dead = true;
    client->socket->disconnect(this);
    client->socket->abort();
    // Never erase while a loop over m_clients may be running: reap on the next event loop turn.
    QTimer::singleShot(0, this, &EventHub::reap);
}

void EventHub::reap()
{
    std::erase_if(m_clients, [](const std::unique_ptr<Client> &c) {
        if (!c->dead)
            return false;
        c->socket.release()->deleteLater(); // not inside its own signal
        return true;
    });
}

} // namespace tandem::server
