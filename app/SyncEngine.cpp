#include "SyncEngine.h"

#include "ApiClient.h"
#include "LocalStore.h"

#include "core/Logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace tandem::app {

namespace {
auto syncLog()
{
    return logging::get("sync");
}
} // namespace

SyncEngine::SyncEngine(ApiClient *api, LocalStore *store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::pullNow);
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, 10ms);
    if (m_timer.isActive() && m_timer.remainingTimeAsDuration() > m_interval)
        m_timer.start(m_interval);
}

void SyncEngine::announcePushed(const QList<Ticket> &tickets, const QList<qint64> &threadChanged)
{
    if (tickets.isEmpty())
        return;
    QList<qint64> ids;
    ids.reserve(tickets.size());
    for (const Ticket &ticket : tickets)
        ids.append(ticket.id);
    Q_EMIT ticketsChanged(ids);
    Q_EMIT ticketsUpdated(tickets);
    if (m_openTicketId != 0 && threadChanged.contains(m_openTicketId))
        fetchDetail();
}

void SyncEngine::setPageSize(int pageSize)
{
    m_pageSize = std::clamp(pageSize, 1, 500);
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    m_lastSyncAt = m_store->lastSyncAt();
    syncLog()->info("sync started (interval {} ms)", m_interval.count());
    refreshUsers();
    pullNow();
}

void SyncEngine::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_pulling = false;
    m_pullAgain = false;
    m_timer.stop();
    setState(State::Offline);
    syncLog()->info("sync stopped");
}

void SyncEngine::pullNow()
{
    if (!m_running)
        return;
    if (m_pulling) {
        m_pullAgain = true; // coalesce: one more pull after the current one
        return;
    }
    m_timer.stop();
    m_pulling = true;
    m_resyncing = false;
    setState(State::Syncing);
    pullPage();
}

void SyncEngine::pullPage()
{
    const quint64 generation = m_generation;
    const QString cursor = m_store->cursor();
    m_api->listTickets(
        cursor, m_pageSize, this, [this, generation, cursor](const ApiResult<TicketPage> &result) {
            if (generation != m_generation || !m_pulling)
                return; // stopped meanwhile
            if (!result.ok()) {
                const ApiError &error = result.error();
                // The server no longer understands our cursor (e.g. its database was reset): start
                // over from the beginning once; the upsert makes the full replay harmless.
                if (error.status == 400 && error.code == u"invalid_parameter" && !cursor.isEmpty() &&
                    !m_resyncing) {
                    syncLog()->warn("server refused the sync cursor; resyncing from the start");
                    m_resyncing = true;
                    if (m_store->setCursor(QString())) {
                        pullPage();
                        return;
                    }
                }
                m_lastError = error.message;
                syncLog()->warn("pull failed: {} ({})", error.code.toStdString(), error.status);
                Q_EMIT syncFailed(error);
                finishPull(false, error.status == 0);
                return;
            }
            const TicketPage &page = result.value();
            const std::optional<QString> nextCursor =
                page.nextCursor.isEmpty() ? std::nullopt : std::optional<QString>(page.nextCursor);
            if (!m_store->applyTicketBatch(page.items, nextCursor)) {
                m_lastError = m_store->lastError();
                Q_EMIT syncFailed(ApiError{0, u"local_store_error"_s, m_lastError});
                finishPull(false, false);
                return;
            }
            syncLog()->debug("applied a page of {} tickets (has_more: {})", page.items.size(), page.hasMore);
            if (!page.items.isEmpty()) {
                QList<qint64> ids;
                ids.reserve(page.items.size());
                for (const Ticket &ticket : page.items)
                    ids.append(ticket.id);
                Q_EMIT ticketsChanged(ids);
                Q_EMIT ticketsUpdated(page.items);
                if (m_openTicketId != 0 && ids.contains(m_openTicketId))
                    fetchDetail();
            }
            if (page.hasMore && !page.items.isEmpty())
                pullPage();
            else
                finishPull(true, false);
        });
}

void SyncEngine::finishPull(bool success, bool unreachable)
{
    m_pulling = false;
    if (success) {
        m_lastError.clear();
        m_lastSyncAt = QDateTime::currentDateTimeUtc();
        m_store->setLastSyncAt(m_lastSyncAt);
        Q_EMIT lastSyncAtChanged(m_lastSyncAt);
        setState(State::Online);
    } else {
        // A server answer (even an error) means we are connected; no answer means offline.
        setState(unreachable ? State::Offline : State::Online);
    }
    if (m_pullAgain) {
        m_pullAgain = false;
        pullNow();
        return;
    }
    scheduleNextPull();
}

void SyncEngine::scheduleNextPull()
{
    if (m_running)
        m_timer.start(m_interval);
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT syncStateChanged(state);
}

void SyncEngine::openTicket(qint64 ticketId)
{
    m_openTicketId = ticketId;
    fetchDetail();
}

void SyncEngine::closeTicket()
{
    m_openTicketId = 0;
}

void SyncEngine::fetchDetail()
{
    if (m_openTicketId == 0)
        return;
    if (m_detailInFlight) {
        m_detailAgain = true;
        return;
    }
    m_detailInFlight = true;
    const qint64 id = m_openTicketId;
    m_api->ticket(id, this, [this, id](const ApiResult<Versioned<TicketDetail>> &result) {
        m_detailInFlight = false;
        if (result.ok()) {
            TicketDetail detail = result.value().value;
            detail.ticket.version = result.value().version; // the ETag is authoritative
            if (m_store->saveTicketDetail(detail)) {
                Q_EMIT ticketDetailChanged(id);
                if (detail.draft)
                    Q_EMIT draftConfidenceChanged(id, detail.draft->confidence);
                if (auto ticket = m_store->ticket(id)) {
                    Q_EMIT ticketsChanged({id});
                    Q_EMIT ticketsUpdated({*ticket});
                }
            } else {
                Q_EMIT ticketDetailFailed(id, ApiError{0, u"local_store_error"_s, m_store->lastError()});
            }
        } else {
            syncLog()->info("ticket {} detail failed: {}", id, result.error().code.toStdString());
            Q_EMIT ticketDetailFailed(id, result.error());
        }
        if (m_detailAgain) {
            m_detailAgain = false;
            fetchDetail();
        }
    });
}

void SyncEngine::refreshUsers()
{
    m_api->users(this, [this](const ApiResult<QList<User>> &result) {
        if (!result.ok()) {
            syncLog()->info("users refresh failed: {}", result.error().code.toStdString());
            return;
        }
        if (m_store->saveUsers(result.value()))
            Q_EMIT usersChanged();
    });
}

} // namespace tandem::app
