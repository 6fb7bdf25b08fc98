#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <deque>
#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace tandem::test {

//! A loopback TCP proxy that tests put between a client and tandemd to inject network faults:
//! added latency, a connection reset in the middle of a request, a reset after the server
//! processed the request but before its answer reaches the client, a stall (bytes held, nothing
//! delivered) and refusal (nothing listens). Works for HTTP and the WebSocket stream alike; runs
//! on the thread's event loop (no threads of its own).
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        Pass,                //!< forward everything at once
        Latency,             //!< forward everything after latency() in each direction
        ResetMidRequest,     //!< forward half of the client's next bytes, then reset both sides
        ResetBeforeResponse, //!< forward the request; reset both sides when the answer starts
        Stall,               //!< accept and hold bytes both ways (delivered when the mode changes)
        Refuse,              //!< stop listening: connections are refused; open ones are reset
    };
    Q_ENUM(Mode)

    //! Forwards to 127.0.0.1:\a targetPort.
    explicit FaultProxy(quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    //! Listens on 127.0.0.1:\a port (0: a free one). False if it cannot.
    bool start(quint16 port = 0);
    quint16 port() const { return m_port; }
    //! "http://127.0.0.1:<port>"
    QString baseUrl() const;

    //! Points new connections at another port (a restarted server).
    void setTargetPort(quint16 port) { m_targetPort = port; }
    quint16 targetPort() const { return m_targetPort; }

    //! Switches the fault mode; applies to open connections too. False only when leaving
    //! Refuse failed to listen on the same port again.
    bool setMode(Mode mode, std::chrono::milliseconds latency = std::chrono::milliseconds(0));
    Mode mode() const { return m_mode; }
    std::chrono::milliseconds latency() const { return m_latency; }

    //! Resets every open connection at once (the cable is pulled).
    void dropAll();

    int openConnections() const { return int(m_connections.size()); }
    //! Connections accepted / reset by a fault since start().
    int acceptedCount() const { return m_accepted; }
    int resetCount() const { return m_resets; }

private:
    struct Chunk
    {
        qint64 dueMs = 0; //!< on m_clock; -1 while held by a stall
        QByteArray bytes;
    };
    struct Connection
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *upstream = nullptr;
        bool upstreamReady = false;
        bool clientClosed = false;
        bool upstreamClosed = false;
        bool dead = false;
        std::deque<Chunk> toUpstream;
        std::deque<Chunk> toClient;
    };

    void accept();
    void onClientData(Connection *c);
    void onUpstreamData(Connection *c);
    void enqueue(std::deque<Chunk> &queue, QByteArray bytes);
    void pump();
    void reset(Connection *c);
    void closeIfDone(Connection *c);
    void reap();
    qint64 nowMs() const { return m_clock.elapsed(); }

    quint16 m_targetPort;
    quint16 m_port = 0;
    std::unique_ptr<QTcpServer> m_server;
    std::vector<std::unique_ptr<Connection>> m_connections;
    Mode m_mode = Mode::Pass;
    std::chrono::milliseconds m_latency{0};
    QElapsedTimer m_clock;
    QTimer m_pumpTimer;
    int m_accepted = 0;
    int m_resets = 0;
};

} // namespace tandem::test
