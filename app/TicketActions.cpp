#include "TicketActions.h"

#include "ApiClient.h"
#include "LocalStore.h"

#include "core/Logging.h"

using namespace Qt::StringLiterals;

namespace tandem::app {

TicketActions::TicketActions(ApiClient *api, LocalStore *store, qint64 currentUserId, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_currentUserId(currentUserId)
{}

TicketActions::~TicketActions() = default;

void TicketActions::assignToMe(qint64 ticketId, std::optional<qint64> seenVersion)
{
    TicketPatch change;
    change.assigneeId = std::optional<qint64>(m_currentUserId);
    patch(ticketId, change, seenVersion);
}

void TicketActions::patch(qint64 ticketId, const TicketPatch &change, std::optional<qint64> seenVersion)
{
    const std::optional<Ticket> cached = m_store->ticket(ticketId);
    Ticket mine = cached.value_or(Ticket{});
    mine.id = ticketId;
    if (seenVersion)
        mine.version = *seenVersion;
    if (!cached && !seenVersion) {
        Q_EMIT failed(ticketId,
                      ApiError{0, u"unknown_ticket"_s, tr("This ticket is not in the local cache yet.")});
        return;
    }
    ++m_pending;
    m_api->patchTicket(
        ticketId, change, mine.version, this, [this, ticketId, mine](const ApiResult<Ticket> &result) {
            --m_pending;
            if (result.ok()) {
                const Ticket &ticket = result.value();
                if (!m_store->applyTicketBatch({ticket}, std::nullopt))
                    logging::get("sync")->warn("ticket {} changed but could not be cached", ticketId);
                Q_EMIT patched(ticketId, ticket);
                return;
            }
            if (result.error().status == 412) {
                fetchCurrent(ticketId, mine, result.error());
                return;
            }
            Q_EMIT failed(ticketId, result.error());
        });
}

void TicketActions::fetchCurrent(qint64 ticketId, const Ticket &mine, const ApiError &error)
{
    logging::get("sync")->info("change of ticket {} refused: it moved past version {}", ticketId,
                               mine.version);
    ++m_pending;
    m_api->ticket(ticketId, this,
                  [this, ticketId, mine, error](const ApiResult<Versioned<TicketDetail>> &result) {
                      --m_pending;
                      if (!result.ok()) {
                          Q_EMIT failed(ticketId, error);
                          return;
                      }
                      TicketDetail detail = result.value().value;
                      detail.ticket.version = result.value().version;
                      m_store->saveTicketDetail(detail);
                      Q_EMIT conflict(ticketId, mine, detail.ticket);
                  });
}

} // namespace tandem::app
