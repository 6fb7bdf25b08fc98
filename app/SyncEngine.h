#pragma once

#include "core/ApiTypes.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace tandem::app {

class ApiClient;
class LocalStore;

//! Keeps the LocalStore in step with tandemd: pulls the change feed with the saved cursor page
//! by page (each page + its cursor in one transaction), periodically and on pullNow(); fetches a
//! ticket's thread and draft when it is opened. The live event stream (EventStreamClient) applies
//! pushed changes itself and calls announcePushed(); the pull is then a slow safety net.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Offline, //!< the last pull got no answer (or the engine is stopped)
        Syncing, //!< a pull is running
        Online,  //!< the last pull succeeded
    };
    Q_ENUM(State)

    //! Neither \a api nor \a store is owned; both must outlive the engine.
    SyncEngine(ApiClient *api, LocalStore *store, QObject *parent = nullptr);
    ~SyncEngine() override;

    //! Time between periodic pulls (default 5 s). While the live event stream is up the Session
    //! stretches it to a slow safety net (60 s). A shorter interval re-arms a waiting pull at once.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    //! Tickets per page (1..500, default 200).
    void setPageSize(int pageSize);

    //! Starts pulling now and then every interval(). Idempotent.
    void start();
    //! Stops the periodic pull; a page in flight is ignored when it lands.
    void stop();
    bool isRunning() const { return m_running; }

    State state() const { return m_state; }
    //! When the last complete pull (all pages) finished; invalid if never.
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    //! The last pull's failure, empty after a success.
    QString lastError() const { return m_lastError; }

    //! Fetches the thread and draft of \a ticketId and caches them; emits ticketDetailChanged()
    //! (or ticketDetailFailed()). The ticket becomes the "open" one: it is re-fetched whenever the
    //! change feed reports it changed. The cached detail is in LocalStore::ticketDetail() meanwhile.
    void openTicket(qint64 ticketId);
    //! Stops re-fetching the open ticket.
    void closeTicket();
    qint64 openTicketId() const { return m_openTicketId; }
    //! Refreshes the users cache (assignee names); emits usersChanged().
    void refreshUsers();

public Q_SLOTS:
    //! Pulls the change feed now (coalesced with a pull already running).
    void pullNow();
    //! Tickets the event stream already wrote to the LocalStore: announces them like a pull
    //! would (ticketsChanged/ticketsUpdated) and re-fetches the open ticket when its thread or
    //! draft is among \a threadChanged.
    void announcePushed(const QList<tandem::Ticket> &tickets, const QList<qint64> &threadChanged);

Q_SIGNALS:
    //! Tickets in the cache changed (ids in change order). The inbox reloads these rows.
    void ticketsChanged(const QList<qint64> &ids);
    //! The same change with the new values, so a model need not read them back from the store.
    void ticketsUpdated(const QList<tandem::Ticket> &tickets);
    void syncStateChanged(tandem::app::SyncEngine::State state);
    void lastSyncAtChanged(const QDateTime &time);
    //! The detail (thread + draft) of \a ticketId was fetched and cached.
    void ticketDetailChanged(qint64 ticketId);
    void ticketDetailFailed(qint64 ticketId, const tandem::ApiError &error);
    //! The draft confidence of \a ticketId is now known (from a fetched detail).
    void draftConfidenceChanged(qint64 ticketId, double confidence);
    void usersChanged();
    //! A pull failed (after the client's own retries); the engine stays running and tries again.
    void syncFailed(const tandem::ApiError &error);

private:
    void pullPage();
    void fetchDetail();
    void finishPull(bool success, bool unreachable);
    void scheduleNextPull();
    void setState(State state);

    ApiClient *m_api;
    LocalStore *m_store;
    QTimer m_timer;
    std::chrono::milliseconds m_interval{5000};
    int m_pageSize = 200;
    bool m_running = false;
    bool m_pulling = false;
    bool m_pullAgain = false;
    bool m_resyncing = false; //!< this pull restarted from scratch after the server refused the cursor
    quint64 m_generation = 0; //!< bumped by stop(): answers of an older generation are ignored
    State m_state = State::Offline;
    QDateTime m_lastSyncAt;
    QString m_lastError;
    qint64 m_openTicketId = 0;
    bool m_detailInFlight = false;
    bool m_detailAgain = false;
};

} // namespace tandem::app
