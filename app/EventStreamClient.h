#pragma once

#include "StreamEvent.h"

#include "core/Ticket.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QWebSocket;

namespace tandem::app {

class ApiClient;
class LocalStore;

//! The live half of sync: a QWebSocket on GET /api/v1/events (bearer header) that resumes
//! after the last seq saved in the LocalStore, applies pushed tickets to the store in coalesced
//! batches (one transaction per batch, seq saved with it) and announces them with
//! ticketsApplied(); presence goes out through presenceReceived(). Heartbeats both ways: a ping
//! every 10 s, and a server silent for 30 s is dead. Reconnects with capped, jittered backoff.
//! On resync_required (or a first connection without a seq) it emits resyncRequired(): the
//! Session answers with a delta-cursor pull, so nothing between two connections is lost.
class EventStreamClient : public QObject
{
    Q_OBJECT

public:
    //! What the status bar shows.
    enum class State
    {
        Offline,    //!< stopped, or waiting to retry after a failed connection
        Connecting, //!< the first connection (or a reconnect right after a drop) is being made
        Online,     //!< connected: changes arrive live
    };
    Q_ENUM(State)

    //! Timings; the defaults are the protocol's. Tests shorten them.
    struct Timing
    {
        std::chrono::milliseconds pingInterval{10000};   //!< client {"type":"ping"} period
        std::chrono::milliseconds deadAfter{30000};      //!< no traffic for this long: reconnect
        std::chrono::milliseconds connectTimeout{10000}; //!< handshake must finish within this
        std::chrono::milliseconds backoffBase{500};      //!< first retry delay; doubles per failure
        std::chrono::milliseconds backoffMax{15000};     //!< cap of the retry delay (before jitter)
        std::chrono::milliseconds coalesce{50};          //!< apply pushed events at most this often
    };

    //! Neither \a api nor \a store is owned; both must outlive the client.
    EventStreamClient(ApiClient *api, LocalStore *store, QObject *parent = nullptr);
    ~EventStreamClient() override;

    void setTiming(const Timing &timing);
    Timing timing() const { return m_timing; }

    //! Connects (and keeps reconnecting until stop()). Idempotent.
    void start();
    //! Applies what was received, closes the socket and stops retrying.
    void stop();
    bool isRunning() const { return m_running; }

    State state() const { return m_state; }
    //! The newest seq received (applied or about to be, within the coalescing delay).
    qint64 lastSeq() const { return m_lastSeq; }
    //! Time until the next connection attempt while Offline; 0 when none is scheduled.
    std::chrono::milliseconds nextRetryIn() const;
    //! Events applied so far (for status views and tests).
    qint64 eventsReceived() const { return m_eventsReceived; }

    //! Sends our presence on \a ticketId. False (nothing sent) when not Online.
    bool sendPresence(qint64 ticketId, PresenceState state);

public Q_SLOTS:
    //! While Offline: tries to connect now instead of waiting for the backoff (e.g. the REST API
    //! answered again). Does nothing when Online or Connecting.
    void reconnectNow();

Q_SIGNALS:
    void stateChanged(tandem::app::EventStreamClient::State state);
    //! Every successful (re)connection; the Session drains the outbox at once.
    void connected();
    //! A batch of pushed tickets is in the LocalStore (newest version per ticket, in arrival
    //! order); \a threadChanged lists those whose thread or draft changed (message/draft events).
    void ticketsApplied(const QList<tandem::Ticket> &tickets, const QList<qint64> &threadChanged);
    //! Another agent's presence (our own never comes back).
    void presenceReceived(const tandem::app::Presence &presence);
    //! The stream cannot vouch for the changes before this connection: pull the delta cursor.
    void resyncRequired();
    //! The server closed the stream with 1008 (bad/expired token). No more retries.
    void authenticationFailed();

private:
    void openSocket();
    void onConnected(QWebSocket *socket);
    void onText(QWebSocket *socket, const QString &text);
    void onGone(QWebSocket *socket);
    void onSilence();
    void dropSocket();
    void scheduleReconnect();
    void flush();
    void setState(State state);

    ApiClient *m_api;
    LocalStore *m_store;
    Timing m_timing;
    QPointer<QWebSocket> m_socket;
    QTimer m_pingTimer;
    QTimer m_watchdog; //!< fires when the server was silent (or the handshake hung) too long
    QTimer m_retryTimer;
    QTimer m_flushTimer;
    QElapsedTimer m_connectedFor;
    QElapsedTimer m_lastFlush; //!< when pushed events were last applied (leading-edge coalescing)
    bool m_running = false;
    bool m_gotMessage = false; //!< on the current connection
    int m_failures = 0;        //!< consecutive failed or short-lived connections
    State m_state = State::Offline;
    qint64 m_lastSeq = 0;
    qint64 m_savedSeq = 0;
    qint64 m_eventsReceived = 0;
    QList<Ticket> m_pendingTickets; //!< received, not yet applied
    QList<qint64> m_pendingThreads;
};

} // namespace tandem::app
