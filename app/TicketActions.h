#pragma once

#include "core/ApiTypes.h"

#include <QObject>

#include <optional>

namespace tandem::app {

class ApiClient;
class LocalStore;

//! Conditional ticket changes ("Assign to me", status, tags): every PATCH carries If-Match with
//! the version the agent saw (the cached one unless given). 200 updates the cache and emits
//! patched(); 412 fetches the current ticket into the cache and emits conflict() with both
//! versions, so the UI can say "Noah took this ticket meanwhile" instead of overwriting it.
class TicketActions : public QObject
{
    Q_OBJECT

public:
    //! Neither \a api nor \a store is owned. \a currentUserId is the signed-in agent.
    TicketActions(ApiClient *api, LocalStore *store, qint64 currentUserId, QObject *parent = nullptr);
    ~TicketActions() override;

    //! PATCH assignee_id = me, If-Match \a seenVersion (default: the cached version).
    void assignToMe(qint64 ticketId, std::optional<qint64> seenVersion = std::nullopt);
    //! Any PATCH, If-Match \a seenVersion (default: the cached version). Not queued offline:
    //! a change of ownership must be decided against the server's current state.
    void patch(qint64 ticketId, const tandem::TicketPatch &patch,
               std::optional<qint64> seenVersion = std::nullopt);

    //! Number of PATCH requests in flight.
    int pendingCount() const { return m_pending; }

Q_SIGNALS:
    //! The server took the change; \a ticket (its new state) is in the cache already.
    void patched(qint64 ticketId, const tandem::Ticket &ticket);
    //! 412: the ticket changed since \a mine (what the agent saw). \a current is the server's
    //! ticket, already cached with its thread. Nothing was changed.
    void conflict(qint64 ticketId, const tandem::Ticket &mine, const tandem::Ticket &current);
    //! Any other failure (offline, 403 forbidden, ...); \a error.message is for people.
    void failed(qint64 ticketId, const tandem::ApiError &error);

private:
    void fetchCurrent(qint64 ticketId, const Ticket &mine, const ApiError &error);

    ApiClient *m_api;
    LocalStore *m_store;
    qint64 m_currentUserId;
    int m_pending = 0;
};

} // namespace tandem::app
