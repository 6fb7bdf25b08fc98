#include "EventStreamClient.h"

#include "ApiClient.h"
#include "LocalStore.h"

#include "core/Logging.h"

#include <QHash>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace tandem::app {

namespace {

auto streamLog()
{
    return logging::get("net");
}

// A connection that lived this long (or delivered a message) was a real one: the backoff
// starts over after it drops.
constexpr auto kStableAfter = 10s;
constexpr int kPolicyViolation = 1008;

} // namespace

EventStreamClient::EventStreamClient(ApiClient *api, LocalStore *store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
    m_pingTimer.setInterval(m_timing.pingInterval);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_socket && m_state == State::Online)
            m_socket->sendTextMessage(QString::fromUtf8(encodePingMessage()));
    });
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, &EventStreamClient::onSilence);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStreamClient::openSocket);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_timing.coalesce);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventStreamClient::flush);
}

EventStreamClient::~EventStreamClient()
{
    stop();
}

void EventStreamClient::setTiming(const Timing &timing)
{
    m_timing = timing;
    m_timing.pingInterval = std::max(m_timing.pingInterval, 10ms);
    m_timing.deadAfter = std::max(m_timing.deadAfter, m_timing.pingInterval);
    m_timing.connectTimeout = std::max(m_timing.connectTimeout, 10ms);
    m_timing.backoffBase = std::max(m_timing.backoffBase, 1ms);
    m_timing.backoffMax = std::max(m_timing.backoffMax, m_timing.backoffBase);
    m_timing.coalesce = std::max(m_timing.coalesce, 0ms);
    m_pingTimer.setInterval(m_timing.pingInterval);
    m_flushTimer.setInterval(m_timing.coalesce);
}

void EventStreamClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    m_savedSeq = m_store->eventSeq();
    m_lastSeq = m_savedSeq;
    setState(State::Connecting);
    openSocket();
}

void EventStreamClient::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer.stop();
    flush();
    // A "left" presence sent just before stopping (sign-out, quit) must reach the server: hand it
    // to the OS now, since dropSocket() aborts and the process may exit before the loop runs again.
    if (m_socket && m_state == State::Online)
        m_socket->flush();
    dropSocket();
    setState(State::Offline);
    streamLog()->info("event stream stopped at seq {}", m_lastSeq);
}

std::chrono::milliseconds EventStreamClient::nextRetryIn() const
{
    return m_retryTimer.isActive() ? m_retryTimer.remainingTimeAsDuration() : 0ms;
}

bool EventStreamClient::sendPresence(qint64 ticketId, PresenceState state)
{
    if (!m_socket || m_state != State::Online || ticketId <= 0)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(encodePresenceMessage(ticketId, state)));
    return true;
}

void EventStreamClient::reconnectNow()
{
    if (!m_running || m_state != State::Offline || m_socket)
        return;
    m_retryTimer.stop();
    openSocket();
}

void EventStreamClient::openSocket()
{
    if (!m_running || m_socket)
        return;
    QUrlQuery query;
    if (m_lastSeq > 0)
        query.addQueryItem(u"after"_s, QString::number(m_lastSeq));
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    m_gotMessage = false;
    // Every handler checks that the signal comes from the current socket: a late signal of an
    // abandoned one must not touch the new connection.
    connect(socket, &QWebSocket::connected, this, [this, socket] { onConnected(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { onText(socket, text); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onGone(socket); });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError) { onGone(socket); });
    connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray &) {
        if (socket == m_socket)
            m_watchdog.start(m_timing.deadAfter);
    });
    m_watchdog.start(m_timing.connectTimeout);
    streamLog()->debug("event stream connecting (after seq {})", m_lastSeq);
    socket->open(m_api->webSocketRequest(u"/api/v1/events"_s, query));
}

void EventStreamClient::onConnected(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    m_connectedFor.start();
    m_watchdog.start(m_timing.deadAfter);
    m_pingTimer.start();
    setState(State::Online);
    streamLog()->info("event stream online (after seq {})", m_lastSeq);
    Q_EMIT connected();
    // Without a resume point the stream only brings what happens from now on: what happened
    // before must come from the delta cursor.
    if (m_lastSeq == 0)
        Q_EMIT resyncRequired();
}

void EventStreamClient::onText(QWebSocket *socket, const QString &text)
{
    if (socket != m_socket)
        return;
    m_watchdog.start(m_timing.deadAfter);
    m_gotMessage = true;
    QString error;
    const auto event = parseStreamEvent(text.toUtf8(), &error);
    if (!event) {
        // Never the message itself in the log: it may carry customer text.
        streamLog()->warn("event stream: ignored an unreadable message ({} bytes): {}", text.size(),
                          error.left(120).toStdString());
        return;
    }
    switch (event->type) {
    case StreamEvent::Type::Pong:
        return;
    case StreamEvent::Type::ResyncRequired:
        streamLog()->info("event stream: the server cannot resume after seq {}; pulling the delta",
                          m_lastSeq);
        // The server resumes at its newest seq; the delta pull covers everything before it.
        m_lastSeq = event->seq;
        m_flushTimer.start();
        Q_EMIT resyncRequired();
        return;
    default:
        break;
    }
    if (event->seq <= m_lastSeq && event->seq > 0)
        return; // already applied (the server never repeats, but a resume may overlap)
    if (event->seq > 0)
        m_lastSeq = event->seq;
    ++m_eventsReceived;
    if (event->type == StreamEvent::Type::Presence && event->presence) {
        Q_EMIT presenceReceived(*event->presence);
    } else if (event->changesTicket() && event->ticket) {
        m_pendingTickets.append(*event->ticket);
        if (event->changesThread() && !m_pendingThreads.contains(event->ticketId))
            m_pendingThreads.append(event->ticketId);
    }
    // Bursts are applied together: at most one transaction and one model update per interval.
    // After a quiet interval the first event goes in on the next loop turn (with whatever arrived
    // in the same read); only what follows it within the interval waits.
    if (!m_flushTimer.isActive()) {
        const qint64 sinceFlush = m_lastFlush.isValid() ? m_lastFlush.elapsed() : m_timing.coalesce.count();
        m_flushTimer.start(
            std::chrono::milliseconds(std::max<qint64>(0, m_timing.coalesce.count() - sinceFlush)));
    }
}

void EventStreamClient::flush()
{
    m_flushTimer.stop();
    m_lastFlush.start();
    if (m_pendingTickets.isEmpty() && m_lastSeq == m_savedSeq)
        return;
    // Newest version per ticket, in order of first arrival.
    QList<Ticket> tickets;
    QHash<qint64, qsizetype> index;
    for (const Ticket &ticket : std::as_const(m_pendingTickets)) {
        const auto it = index.constFind(ticket.id);
        if (it == index.cend()) {
            index.insert(ticket.id, tickets.size());
            tickets.append(ticket);
        } else if (ticket.version >= tickets[*it].version) {
            tickets[*it] = ticket;
        }
    }
    const QList<qint64> threads = std::exchange(m_pendingThreads, {});
    m_pendingTickets.clear();
    if (!m_store->applyEventBatch(tickets, m_lastSeq)) {
        // The cache did not take them: let the delta cursor bring them instead.
        streamLog()->error("event stream: could not apply {} tickets; resyncing", tickets.size());
        Q_EMIT resyncRequired();
        return;
    }
    m_savedSeq = m_lastSeq;
    if (!tickets.isEmpty())
        Q_EMIT ticketsApplied(tickets, threads);
}

void EventStreamClient::onGone(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    const int closeCode = int(socket->closeCode());
    const bool wasOnline = m_state == State::Online;
    dropSocket();
    flush();
    if (closeCode == kPolicyViolation) {
        streamLog()->warn("event stream refused: the token is no longer valid");
        m_running = false;
        setState(State::Offline);
        Q_EMIT authenticationFailed();
        return;
    }
    if (wasOnline)
        streamLog()->info("event stream dropped at seq {}", m_lastSeq);
    scheduleReconnect();
}

void EventStreamClient::onSilence()
{
    if (!m_socket)
        return;
    if (m_state != State::Online)
        streamLog()->info("event stream: no handshake within {} ms; retrying",
                          m_timing.connectTimeout.count());
    else
        streamLog()->info("event stream: server silent for {} ms; reconnecting", m_timing.deadAfter.count());
    dropSocket();
    flush();
    scheduleReconnect();
}

void EventStreamClient::dropSocket()
{
    m_pingTimer.stop();
    m_watchdog.stop();
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    if (!socket)
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater(); // we may be inside one of its signals
}

void EventStreamClient::scheduleReconnect()
{
    if (!m_running)
        return;
    const bool stable =
        m_gotMessage || (m_connectedFor.isValid() &&
                         m_connectedFor.elapsed() >= std::chrono::milliseconds(kStableAfter).count());
    if (stable)
        m_failures = 0;
    m_connectedFor.invalidate();
    const bool justDropped = m_state == State::Online;
    ++m_failures;
    const double exponent = std::min(m_failures - 1, 16);
    const double base = std::min(double(m_timing.backoffBase.count()) * std::pow(2.0, exponent),
                                 double(m_timing.backoffMax.count()));
    // +/-25 % so that a server restart is not met by every client at the same instant.
    const double jitter = base * 0.25 * (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0);
    const auto delay = std::chrono::milliseconds(qint64(std::max(1.0, base + jitter)));
    // A drop from Online tries once quickly while showing "connecting"; after that we are offline.
    setState(justDropped ? State::Connecting : State::Offline);
    streamLog()->debug("event stream retry {} in {} ms", m_failures, delay.count());
    m_retryTimer.start(delay);
}

void EventStreamClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace tandem::app
