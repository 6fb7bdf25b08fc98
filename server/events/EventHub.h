#pragma once

#include "core/User.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class QWebSocket;

namespace tandem::server {

class AuthService;
class Clock;
class Database;
class HttpFrontend;

//! The live event stream (GET /api/v1/events upgraded to a WebSocket). Every client gets every
//! event after its last seq, read from the events table: the table is the truth, the hub only
//! remembers who is connected. Local commits wake it at once; a short poll picks up writes by
//! other tandemd instances on the same database.
class EventHub : public QObject
{
    Q_OBJECT
public:
    EventHub(Database &db, AuthService &auth, const Clock &clock, HttpFrontend &frontend,
             QObject *parent = nullptr);
    ~EventHub() override;

    //! Schedules a fan-out (coalesced): call after a commit.
    void wake();
    int clientCount() const { return static_cast<int>(m_clients.size()); }

    static constexpr int kHeartbeatMs = 10'000;
    static constexpr int kDeadAfterMs = 30'000;
    static constexpr int kPollMs = 250;

private:
    struct Client;

    void acceptConnections();
    void fanOut();
    void heartbeat();
    void onText(Client *client, const QString &text);
    void drop(Client *client);
    void reap();
    void send(Client &client, const QString &message);
    void recordLastSeen(const QList<qint64> &userIds);

    Database &m_db;
    AuthService &m_auth;
    const Clock &m_clock;
    std::vector<std::unique_ptr<Client>> m_clients;
    QTimer m_wakeTimer;
    QTimer m_pollTimer;
    QElapsedTimer m_lastSeenWritten;
    QTimer m_heartbeatTimer;
    QElapsedTimer m_wokenAt; //!< since the commit that asked for the pending fan-out (for the debug log)
};

} // namespace tandem::server
