#pragma once

#include "core/ApiTypes.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace tandem::app {

class ApiClient;
class DraftAutosave;
class InboxModel;
class LocalStore;
class Outbox;
class SyncEngine;
class ViewsModel;

//! Everything one signed-in user needs, wired together: the logged-in ApiClient, the
//! LocalStore, SyncEngine, Outbox, DraftAutosave and the inbox/views models. The UI gets one
//! from LoginFlow (or builds it from an ApiClient that holds a token) and calls start().
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

Q_SIGNALS:
    //! logout() finished (whatever the server said); the UI shows the login screen.
    void loggedOut();
    //! The server refused the token (expired/revoked): the user must log in again.
    void sessionExpired();

private:
    ApiClient *m_api;
    User m_user;
    std::unique_ptr<LocalStore> m_store;
    SyncEngine *m_sync = nullptr;
    Outbox *m_outbox = nullptr;
    DraftAutosave *m_autosave = nullptr;
    InboxModel *m_inbox = nullptr;
    ViewsModel *m_views = nullptr;
    bool m_started = false;
};

} // namespace tandem::app
