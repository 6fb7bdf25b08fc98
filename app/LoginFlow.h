#pragma once

#include "Session.h"

#include "ApiClient.h"
#include "core/ApiTypes.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace tandem::app {

class ApiClient;

//! Logs in against a server and produces a ready (not yet started) Session.
//! Usage: connect succeeded/failed, call login(); the receiver of succeeded() owns the Session.
class LoginFlow : public QObject
{
    Q_OBJECT

public:
    explicit LoginFlow(QObject *parent = nullptr);
    ~LoginFlow() override;

    //! Folder for the per-user cache files; empty (default) uses LocalStore::defaultPath().
    void setStoreDirectory(const QString &directory) { m_storeDirectory = directory; }

    //! Starts a login; a login already running is abandoned. \a serverUrl like "http://127.0.0.1:8080".
    //! The password is not kept after the request is sent.
    void login(const QUrl &serverUrl, const QString &email, const QString &password);
    //! Abandons a running login (no signal follows).
    void cancel();
    bool isBusy() const { return m_api != nullptr; }

    //! Validates a server address typed by a user; empty QString if fine, else a translated reason.
    static QString validateServerUrl(const QUrl &url);

Q_SIGNALS:
    void busyChanged(bool busy);
    //! Logged in. \a session has no parent: the receiver takes ownership and calls start().
    void succeeded(tandem::app::Session *session);
    //! The server (or the network) said no. error.code "invalid_credentials" for a wrong password.
    void failed(const tandem::ApiError &error);

private:
    QPointer<ApiClient> m_api; //!< the client of the login in flight
    QString m_storeDirectory;
    quint64 m_generation = 0; //!< bumped per login/cancel: older answers are ignored
};

} // namespace tandem::app
