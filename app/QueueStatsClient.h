#pragma once

#include "core/ApiTypes.h"
#include "core/Stats.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace tandem::app {

class ApiClient;
class EventStreamClient;

//! Keeps the lead workspace's figures fresh: GET /api/v1/stats/queues and /stats/agents, again
//! 2 s after the last ticket or message event of a burst (debounced) and every 60 s regardless.
//! A refresh asked for while one is in flight runs once more when it ends, never twice at once.
//! A 403 (not a lead) stops the periodic refresh.
//! The figures are the server's, computed from its store; this class keeps no counters.
class QueueStatsClient : public QObject
{
    Q_OBJECT

public:
    //! \a api is not owned and must outlive the client.
    explicit QueueStatsClient(ApiClient *api, QObject *parent = nullptr);
    ~QueueStatsClient() override;

    //! Refreshes (debounced) after every batch of pushed tickets of \a events (not owned).
    void followEvents(EventStreamClient *events);
    //! The quiet time after an event before refreshing (default 2 s).
    void setDebounce(std::chrono::milliseconds delay);
    //! The periodic refresh (default 60 s).
    void setInterval(std::chrono::milliseconds interval);

    //! Refreshes now and then periodically. Idempotent.
    void start();
    //! Stops the periodic and the debounced refresh (answers in flight are still delivered).
    void stop();
    bool isRunning() const { return m_running; }
    //! True while a request is in flight.
    bool isRefreshing() const { return m_inFlight > 0; }
    //! When the last successful answer arrived (invalid before the first).
    QDateTime lastRefreshedAt() const { return m_lastRefreshedAt; }

public Q_SLOTS:
    //! Fetches both reports now.
    void refresh();
    //! Schedules a refresh after the debounce delay (restarting it on every call).
    void nudge();

Q_SIGNALS:
    void queueStatsReceived(const tandem::QueueStatsReport &report);
    void agentStatsReceived(const tandem::AgentStatsReport &report);
    //! A request failed (offline, 403 for agents, an unreadable answer ...).
    void failed(const tandem::ApiError &error);
    //! Both requests of a refresh ended, successfully or not.
    void refreshFinished();

private:
    void finishOne();

    QPointer<ApiClient> m_api;
    QTimer m_debounce;
    QTimer m_periodic;
    QDateTime m_lastRefreshedAt;
    int m_inFlight = 0;
    bool m_again = false; //!< a refresh was asked for while one was in flight
    bool m_running = false;
    bool m_forbidden = false; //!< a 403 in the current refresh: stop refreshing
};

} // namespace tandem::app
