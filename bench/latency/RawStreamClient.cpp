#include "RawStreamClient.h"

#include "LatencyStats.h"
#include "StreamFrames.h"

namespace tandem::bench {

RawStreamClient::RawStreamClient(QNetworkRequest request, QObject *parent)
    : QObject(parent), m_request(std::move(request))
{
    connect(&m_socket, &QWebSocket::connected, this, &RawStreamClient::online);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (!m_stopping)
            ++m_drops;
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const qint64 now = benchNowNs();
        const qint64 id = createdTicketId(text);
        if (id > 0 && !m_receivedAt.contains(id))
            m_receivedAt.insert(id, now);
    });
    // The hub's heartbeat pings are answered by QWebSocket itself, so it never drops us as dead.
}

void RawStreamClient::start()
{
    m_socket.open(m_request);
}

void RawStreamClient::stop()
{
    m_stopping = true;
    m_socket.abort();
}

} // namespace tandem::bench
