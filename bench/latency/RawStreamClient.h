#pragma once

#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QWebSocket>

namespace tandem::bench {

//! A bare QWebSocket on GET /api/v1/events that only timestamps ticket.created frames: what the
//! server delivers, without any client-side work. Stands in for clients whose apply cost would
//! otherwise pile up in the one benchmark process (each real client applies on its own machine).
class RawStreamClient : public QObject
{
    Q_OBJECT

public:
    //! \a request is the handshake (URL and Authorization header).
    explicit RawStreamClient(QNetworkRequest request, QObject *parent = nullptr);

    void start();
    void stop();
    bool isOnline() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    //! Times the socket closed after it was connected (the benchmark never expects one).
    int drops() const { return m_drops; }
    //! Ticket id -> benchNowNs() when the ticket.created frame arrived.
    const QHash<qint64, qint64> &receivedAt() const { return m_receivedAt; }

Q_SIGNALS:
    void online();

private:
    QNetworkRequest m_request;
    QWebSocket m_socket;
    bool m_stopping = false;
    int m_drops = 0;
    QHash<qint64, qint64> m_receivedAt;
};

} // namespace tandem::bench
