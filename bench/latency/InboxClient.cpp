#include "InboxClient.h"

#include "LatencyStats.h"
#include "StreamFrames.h"

#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace tandem::bench {

InboxClient::InboxClient(app::ApiClient *api, const QString &storePath,
                         const app::EventStreamClient::Timing &timing, QObject *parent)
    : QObject(parent), m_store(storePath), m_stream(std::make_unique<app::EventStreamClient>(api, &m_store))
{
    m_stream->setTiming(timing);
    m_model.setView(app::InboxView::all());
    connect(m_stream.get(), &app::EventStreamClient::stateChanged, this, &InboxClient::onStateChanged);
    // What Session does with a pushed batch: the model takes the tickets the store just saved.
    connect(m_stream.get(), &app::EventStreamClient::ticketsApplied, this,
            [this](const QList<Ticket> &tickets, const QList<qint64> &) { onApplied(tickets); });
}

InboxClient::~InboxClient() = default;

bool InboxClient::open(QString *error)
{
    if (m_store.open())
        return true;
    *error = m_store.lastError();
    return false;
}

void InboxClient::start()
{
    m_stream->start();
}

void InboxClient::stop()
{
    m_stream->stop();
}

bool InboxClient::isOnline() const
{
    return m_stream->state() == app::EventStreamClient::State::Online;
}

void InboxClient::onStateChanged(app::EventStreamClient::State state)
{
    if (state == app::EventStreamClient::State::Online) {
        m_wasOnline = true;
        tapSocket();
        Q_EMIT online();
    } else if (m_wasOnline) {
        m_wasOnline = false;
        ++m_drops;
    }
}

void InboxClient::tapSocket()
{
    // The stream client owns its socket privately; the benchmark listens to the same frames
    // (connected after the client's own handler, so the client sees each frame first).
    const auto sockets = m_stream->findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
    for (QWebSocket *socket : sockets) {
        if (socket == m_tapped || socket->state() != QAbstractSocket::ConnectedState)
            continue;
        m_tapped = socket;
        connect(socket, &QWebSocket::textMessageReceived, this, &InboxClient::onFrame);
    }
}

void InboxClient::onFrame(const QString &text)
{
    const qint64 now = benchNowNs();
    const qint64 id = createdTicketId(text);
    if (id > 0 && !m_receivedAt.contains(id))
        m_receivedAt.insert(id, now);
}

void InboxClient::onApplied(const QList<Ticket> &tickets)
{
    m_model.upsert(tickets);
    const qint64 now = benchNowNs();
    for (const Ticket &ticket : tickets) {
        if (!m_inInboxAt.contains(ticket.id) && m_model.rowOfTicket(ticket.id) >= 0)
            m_inInboxAt.insert(ticket.id, now);
    }
}

} // namespace tandem::bench
