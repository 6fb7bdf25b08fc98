#include "Session.h"

#include "ApiClient.h"
#include "DraftAutosave.h"
#include "InboxModel.h"
#include "LocalStore.h"
#include "Outbox.h"
#include "SyncEngine.h"
#include "ViewsModel.h"

#include "core/Logging.h"

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

    connect(m_sync, &SyncEngine::ticketsUpdated, m_inbox, &InboxModel::upsert);
    connect(m_sync, &SyncEngine::draftConfidenceChanged, m_inbox, &InboxModel::setConfidence);
    // A sent reply changes the ticket (status, version): fetch the change now, not in 5 s.
    connect(m_outbox, &Outbox::sent, m_sync, [this] { m_sync->pullNow(); });
    connect(m_outbox, &Outbox::conflict, this, [this](qint64 ticketId) {
        m_inbox->upsert(m_store->tickets({ticketId}));
        m_sync->pullNow();
    });
    connect(m_api, &ApiClient::unauthorized, this, &Session::sessionExpired);
    connect(m_api, &ApiClient::reachableChanged, this, [this](bool reachable) {
        if (reachable && m_started)
            m_outbox->retryNow();
    });
}

Session::~Session()
{
    stop();
    // The engine parts use the store: they must go before it (QObject children would be
    // deleted only after the members, store included).
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
    m_inbox->setTickets(m_store->tickets());
    m_inbox->setConfidences(m_store->draftConfidences());
    m_sync->start();
    m_outbox->start();
    m_started = true;
    logging::get("sync")->info("session started for user {} with {} cached tickets", m_user.id,
                               m_inbox->totalCount());
    return true;
}

void Session::stop()
{
    if (!m_started)
        return;
    m_sync->stop();
    m_outbox->stop();
    m_autosave->flush();
    m_started = false;
}

void Session::logout()
{
    stop();
    m_api->logout(this, [this](const ApiResult<NoContent> &) { Q_EMIT loggedOut(); });
}

} // namespace tandem::app
