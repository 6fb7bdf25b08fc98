#include "Session.h"

#include "ApiClient.h"
#include "CrisisDetector.h"
#include "DraftAutosave.h"
#include "InboxModel.h"
#include "LocalStore.h"
#include "Outbox.h"
#include "OutboxModel.h"
#include "PresenceModel.h"
#include "PresenceReporter.h"
#include "SyncEngine.h"
#include "TicketActions.h"
#include "ViewsModel.h"

#include "core/Logging.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace tandem::app {

Session::Session(ApiClient *api, const User &user, const QString &storePath, QObject *parent)
    : QObject(parent), m_api(api), m_user(user),
      m_store(std::make_unique<LocalStore>(
          storePath.isEmpty() ? LocalStore::defaultPath(api->baseUrl(), user.email) : storePath))
{
    m_api->setParent(this);
    m_sync = new SyncEngine(m_api, m_store.get(), this);
    m_outbox = new Outbox(m_api, m_store.get(), this);
    m_autosave = new DraftAutosave(m_store.get(), this);
    m_inbox = new InboxModel(this);
    m_views = new ViewsModel(m_inbox, this);
    m_inbox->setCurrentUserId(user.id);

    m_events = new EventStreamClient(m_api, m_store.get(), this);
    m_presence = new PresenceModel(this);
    m_presence->setCurrentUserId(user.id);
    m_reporter = new PresenceReporter(m_events, this);
    m_outboxModel = new OutboxModel(m_outbox, m_store.get(), this);
    m_actions = new TicketActions(m_api, m_store.get(), user.id, this);
    m_crisis = new CrisisDetector(this);
    m_crisis->setCurrentUser(user.id, user.role);

    connect(m_sync, &SyncEngine::ticketsUpdated, m_inbox, &InboxModel::upsert);
    // After the inbox: when the alert goes out, the ticket already sits on top of the inbox.
    connect(m_sync, &SyncEngine::ticketsUpdated, m_crisis, &CrisisDetector::trackTickets);
    connect(m_sync, &SyncEngine::lastSyncAtChanged, m_crisis, [this] { m_crisis->setLearning(false); });
    connect(m_sync, &SyncEngine::draftConfidenceChanged, m_inbox, &InboxModel::setConfidence);
    // A sent reply changes the ticket (status, version): the stream pushes that change; without
    // the stream, fetch it now instead of at the next poll.
    connect(m_outbox, &Outbox::sent, m_sync, [this] {
        if (m_events->state() != EventStreamClient::State::Online)
            m_sync->pullNow();
    });
    connect(m_outbox, &Outbox::conflict, this, [this](qint64 ticketId) {
        m_inbox->upsert(m_store->tickets({ticketId}));
        m_sync->pullNow();
    });
    connect(m_actions, &TicketActions::patched, m_sync,
            [this](qint64, const Ticket &ticket) { m_sync->announcePushed({ticket}, {}); });
    connect(m_actions, &TicketActions::conflict, m_sync,
            [this](qint64 ticketId, const Ticket &, const Ticket &current) {
                m_sync->announcePushed({current}, {ticketId});
            });
    connect(m_api, &ApiClient::unauthorized, this, &Session::sessionExpired);
    connect(m_api, &ApiClient::reachableChanged, this, [this](bool reachable) {
        if (!reachable || !m_started)
            return;
        m_outbox->retryNow();
        m_events->reconnectNow(); // the server answers again: no need to wait for the backoff
    });

    // The live stream: pushed tickets are already in the store, the engine only announces them.
    connect(m_events, &EventStreamClient::ticketsApplied, m_sync, &SyncEngine::announcePushed);
    connect(m_events, &EventStreamClient::resyncRequired, m_sync, &SyncEngine::pullNow);
    connect(m_events, &EventStreamClient::connected, m_outbox, &Outbox::retryNow);
    connect(m_events, &EventStreamClient::authenticationFailed, this, &Session::sessionExpired);
    connect(m_events, &EventStreamClient::presenceReceived, m_presence, &PresenceModel::apply);
    connect(m_events, &EventStreamClient::stateChanged, this,
            [this, wasLive = false](EventStreamClient::State state) mutable {
                // Live: the pull is a slow safety net. Not live: the pull is how changes arrive.
                const bool live = state == EventStreamClient::State::Online;
                m_sync->setInterval(live ? std::max(m_liveSyncInterval, m_fallbackSyncInterval)
                                         : m_fallbackSyncInterval);
                // The stream dropped, or failed to connect again: ask the server now, so "Offline" shows
                // within a round trip when it is gone (not "Online" until the next poll, or until a
                // request caught in the drop times out), and fetch what the stream may have missed.
                const bool dropped = std::exchange(wasLive, live) && !live;
                // Not when the stream was stopped on purpose (sign-out, a test): nothing dropped.
                if (m_started && m_sync->isRunning() && m_events->isRunning()) {
                    if (dropped)
                        m_sync->pullNow();
                    if (state == EventStreamClient::State::Offline)
                        m_api->probe();
                }
                Q_EMIT connectionStateChanged(state);
            });
    connect(m_presence, &PresenceModel::ticketPresenceChanged, m_inbox, [this](qint64 ticketId) {
        const auto state = m_presence->strongestState(ticketId);
        m_inbox->setPresence(ticketId, m_presence->summary(ticketId), state ? int(*state) : -1);
    });
}

Session::~Session()
{
    stop();
    // The engine parts use the store: they must go before it (QObject children would be
    // deleted only after the members, store included).
    delete m_crisis;
    delete m_actions;
    delete m_outboxModel;
    delete m_reporter;
    delete m_presence;
    delete m_events;
    delete m_views;
    delete m_inbox;
    delete m_autosave;
    delete m_outbox;
    delete m_sync;
    m_store.reset();
}

bool Session::start(QString *error)
{
    if (m_started)
        return true;
    if (!m_store->open()) {
        if (error)
            *error = m_store->lastError();
        return false;
    }
    // The cache first: the inbox is usable before the network answers (or when it never does).
    const QList<Ticket> cached = m_store->tickets();
    m_inbox->setTickets(cached);
    m_crisis->setBaseline(cached); // their crises were news in an earlier session
    // Never synced: the first complete pull loads what exists, it brings no news.
    m_crisis->setLearning(m_store->cursor().isEmpty());
    m_outboxModel->reload();
    m_fallbackSyncInterval = m_sync->interval();
    m_sync->start();
    m_outbox->start();
    m_events->start();
    m_started = true;
    logging::get("sync")->info("session started for user {} with {} cached tickets", m_user.id,
                               m_inbox->totalCount());
    return true;
}

void Session::stop()
{
    if (!m_started)
        return;
    m_reporter->clear();
    m_sync->stop(); // first: the stream's last state change must not start a pull
    m_events->stop();
    m_sync->setInterval(m_fallbackSyncInterval);
    m_outbox->stop();
    m_presence->clear();
    m_autosave->flush();
    m_started = false;
}

EventStreamClient::State Session::connectionState() const
{
    return m_events->state();
}

void Session::logout()
{
    stop();
    m_api->logout(this, [this](const ApiResult<NoContent> &) { Q_EMIT loggedOut(); });
}

} // namespace tandem::app
