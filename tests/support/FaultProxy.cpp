#include "FaultProxy.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <sys/socket.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace tandem::test {

namespace {

// SO_LINGER {on, 0 s} makes close() send a TCP RST instead of a FIN: a real "connection reset".
void resetSocket(QTcpSocket *socket)
{
    if (!socket)
        return;
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0) {
        const linger hard{1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    socket->abort();
}

} // namespace

FaultProxy::FaultProxy(quint16 targetPort, QObject *parent) : QObject(parent), m_targetPort(targetPort)
{
    m_clock.start();
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &FaultProxy::pump);
}

FaultProxy::~FaultProxy()
{
    for (auto &c : m_connections) {
        for (QTcpSocket *socket : {c->client, c->upstream}) {
            if (socket) {
                socket->disconnect(this);
                socket->abort();
                delete socket;
            }
        }
    }
}

bool FaultProxy::start(quint16 port)
{
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::newConnection, this, &FaultProxy::accept);
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

QString FaultProxy::baseUrl() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

bool FaultProxy::setMode(Mode mode, std::chrono::milliseconds latency)
{
    const Mode old = m_mode;
    m_mode = mode;
    m_latency = latency;
    if (mode == Mode::Refuse && old != Mode::Refuse) {
        m_server->close(); // connection attempts now get "refused" from the kernel
        dropAll();
    }
    bool listening = true;
    if (old == Mode::Refuse && mode != Mode::Refuse)
        listening = m_server->listen(QHostAddress::LocalHost, m_port);
    // Held bytes: a stall starts holding what is still queued; its end delivers what it held.
    const qint64 now = nowMs();
    for (auto &c : m_connections) {
        for (auto *queue : {&c->toUpstream, &c->toClient}) {
            for (Chunk &chunk : *queue) {
                if (mode == Mode::Stall)
                    chunk.dueMs = -1;
                else if (chunk.dueMs < 0)
                    chunk.dueMs = mode == Mode::Latency ? now + m_latency.count() : now;
            }
        }
    }
    pump();
    return listening;
}

void FaultProxy::dropAll()
{
    for (auto &c : m_connections) {
        if (!c->dead)
            reset(c.get());
    }
}

void FaultProxy::accept()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *client = m_server->nextPendingConnection();
        if (!client)
            continue;
        client->setParent(nullptr);
        ++m_accepted;
        auto connection = std::make_unique<Connection>();
        Connection *c = connection.get();
        c->client = client;
        c->upstream = new QTcpSocket();
        m_connections.push_back(std::move(connection));

        connect(client, &QTcpSocket::readyRead, this, [this, c] { onClientData(c); });
        connect(client, &QTcpSocket::disconnected, this, [this, c] {
            c->clientClosed = true;
            closeIfDone(c);
        });
        connect(c->upstream, &QTcpSocket::connected, this, [this, c] {
            c->upstreamReady = true;
            pump();
        });
        connect(c->upstream, &QTcpSocket::readyRead, this, [this, c] { onUpstreamData(c); });
        connect(c->upstream, &QTcpSocket::disconnected, this, [this, c] {
            c->upstreamClosed = true;
            closeIfDone(c);
        });
        connect(c->upstream, &QTcpSocket::errorOccurred, this, [this, c](QAbstractSocket::SocketError) {
            if (!c->upstreamReady && !c->dead)
                reset(c); // the server is not there: the client sees its connection cut
        });
        c->upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void FaultProxy::onClientData(Connection *c)
{
    if (c->dead)
        return;
    QByteArray bytes = c->client->readAll();
    if (bytes.isEmpty())
        return;
    if (m_mode == Mode::ResetMidRequest) {
        // Half a request reaches the server, then the line dies: it must never act on it.
        if (c->upstreamReady) {
            c->upstream->write(bytes.left(std::max<qsizetype>(1, bytes.size() / 2)));
            c->upstream->flush();
        }
        reset(c);
        return;
    }
    enqueue(c->toUpstream, std::move(bytes));
    pump();
}

void FaultProxy::onUpstreamData(Connection *c)
{
    if (c->dead)
        return;
    QByteArray bytes = c->upstream->readAll();
    if (bytes.isEmpty())
        return;
    if (m_mode == Mode::ResetBeforeResponse) {
        // The server did the work; its answer is lost: the case idempotency keys exist for.
        reset(c);
        return;
    }
    enqueue(c->toClient, std::move(bytes));
    pump();
}

void FaultProxy::enqueue(std::deque<Chunk> &queue, QByteArray bytes)
{
    qint64 due = nowMs();
    if (m_mode == Mode::Stall)
        due = -1;
    else if (m_mode == Mode::Latency)
        due += m_latency.count();
    queue.push_back({due, std::move(bytes)});
}

void FaultProxy::pump()
{
    const qint64 now = nowMs();
    qint64 next = std::numeric_limits<qint64>::max();
    for (auto &c : m_connections) {
        if (c->dead)
            continue;
        auto deliver = [&](std::deque<Chunk> &queue, QTcpSocket *to, bool ready) {
            while (ready && !queue.empty() && queue.front().dueMs >= 0 && queue.front().dueMs <= now) {
                to->write(queue.front().bytes);
                queue.pop_front();
            }
            if (!queue.empty() && queue.front().dueMs > now)
                next = std::min(next, queue.front().dueMs);
        };
        deliver(c->toUpstream, c->upstream, c->upstreamReady);
        deliver(c->toClient, c->client, true);
    }
    for (auto &c : m_connections) {
        if (!c->dead)
            closeIfDone(c.get());
    }
    if (next != std::numeric_limits<qint64>::max())
        m_pumpTimer.start(int(std::max<qint64>(0, next - now)));
}

void FaultProxy::closeIfDone(Connection *c)
{
    if (c->dead)
        return;
    // A side that closed is closed on the other side once what it sent was delivered.
    if (c->clientClosed && c->toUpstream.empty() && c->upstream->state() == QAbstractSocket::ConnectedState)
        c->upstream->disconnectFromHost();
    if (c->upstreamClosed && c->toClient.empty() && c->client->state() == QAbstractSocket::ConnectedState)
        c->client->disconnectFromHost();
    const bool clientDone = c->clientClosed || c->client->state() == QAbstractSocket::UnconnectedState;
    const bool upstreamDone =
        c->upstreamClosed || (c->upstreamReady && c->upstream->state() == QAbstractSocket::UnconnectedState);
    if (clientDone && upstreamDone) {
        c->dead = true;
        QTimer::singleShot(0, this, &FaultProxy::reap);
    }
}

void FaultProxy::reset(Connection *c)
{
    if (c->dead)
        return;
    c->dead = true;
    ++m_resets;
    c->client->disconnect(this);
    c->upstream->disconnect(this);
    resetSocket(c->client);
    resetSocket(c->upstream);
    // Never delete inside the sockets' own signals: reap on the next event loop turn.
    QTimer::singleShot(0, this, &FaultProxy::reap);
}

void FaultProxy::reap()
{
    std::erase_if(m_connections, [this](const std::unique_ptr<Connection> &c) {
        if (!c->dead)
            return false;
        for (QTcpSocket *socket : {c->client, c->upstream}) {
            socket->disconnect(this);
            socket->deleteLater();
        }
        return true;
    });
}

} // namespace tandem::test
