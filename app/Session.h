#pragma once

#include "EventStreamClient.h"

#include "core/ApiTypes.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

namespace tandem::app {

class ApiClient;
class CrisisDetector;
class DraftAutosave;
class InboxModel;
class LocalStore;
class Outbox;
class OutboxModel;
class PresenceModel;
class PresenceReporter;
class SyncEngine;
class TicketActions;
class ViewsModel;

//! Everything one signed-in user needs, wired together: the logged-in ApiClient, the
//! LocalStore, SyncEngine, the live EventStreamClient, Outbox, DraftAutosave, TicketActions,
//! presence (PresenceModel + PresenceReporter), the inbox/views/outbox models and the
//! CrisisDetector that feeds the crisis alerts. The UI gets
//! one from LoginFlow (or builds it from an ApiClient that holds a token) and calls start().
//! While the event stream is online the periodic pull is only a slow safety net (60 s).
class Session : public QObject
{
    Q_OBJECT

public:
    //! Takes ownership of \a api (already holding a token). \a storePath empty means
    //! LocalStore::defaultPath(api->baseUrl(), user.email).
    Session(ApiClient *api, const User &user, const QString &storePath = {}, QObject *parent = nullptr);
    ~Session() override;

    //! Opens the store, fills the inbox from the cache at once, then starts sync and the outbox.
    //! False (with \a error) when the store cannot be opened; nothing is started then.
    bool start(QString *error = nullptr);
    //! Stops sync and the outbox, flushes the autosave. The store stays open until destruction.
    void stop();
    bool isStarted() const { return m_started; }

    //! Revokes the token on the server, then emits loggedOut(). The cache stays on disk.
    void logout();

    const User &currentUser() const { return m_user; }
    ApiClient *api() const { return m_api; }
    LocalStore *store() const { return m_store.get(); }
    SyncEngine *sync() const { return m_sync; }
    Outbox *outbox() const { return m_outbox; }
    DraftAutosave *autosave() const { return m_autosave; }
    InboxModel *inbox() const { return m_inbox; }
    ViewsModel *views() const { return m_views; }
    EventStreamClient *events() const { return m_events; }
    PresenceModel *presence() const { return m_presence; }
    PresenceReporter *presenceReporter() const { return m_reporter; }
    OutboxModel *outboxModel() const { return m_outboxModel; }
    TicketActions *actions() const { return m_actions; }
    //! Announces crisis tickets as they arrive (for the desktop alert), from start() on.
    CrisisDetector *crisis() const { return m_crisis; }

    //! The connection state for the status bar (the event stream's): online / connecting / offline.
    EventStreamClient::State connectionState() const;
    //! The periodic pull's interval while the stream is online (default 60 s); when it is not,
    //! the SyncEngine's own interval at start() applies (default 5 s).
    void setLiveSyncInterval(std::chrono::milliseconds interval) { m_liveSyncInterval = interval; }

Q_SIGNALS:
    //! logout() finished (whatever the server said); the UI shows the login screen.
    void loggedOut();
    //! The server refused the token (expired/revoked): the user must log in again.
    void sessionExpired();
    //! connectionState() changed.
    void connectionStateChanged(tandem::app::EventStreamClient::State state);

private:
    ApiClient *m_api;
    User m_user;
    std::unique_ptr<LocalStore> m_store;
    SyncEngine *m_sync = nullptr;
    Outbox *m_outbox = nullptr;
    DraftAutosave *m_autosave = nullptr;
    InboxModel *m_inbox = nullptr;
    ViewsModel *m_views = nullptr;
    EventStreamClient *m_events = nullptr;
    PresenceModel *m_presence = nullptr;
    PresenceReporter *m_reporter = nullptr;
    OutboxModel *m_outboxModel = nullptr;
    TicketActions *m_actions = nullptr;
    CrisisDetector *m_crisis = nullptr;
    std::chrono::milliseconds m_liveSyncInterval{60000};
    std::chrono::milliseconds m_fallbackSyncInterval{5000};
    bool m_started = false;
};

} // namespace tandem::app
