#include "LoginFlow.h"

#include "ApiClient.h"
#include "LocalStore.h"
#include "Session.h"

#include "core/Logging.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace tandem::app {

LoginFlow::LoginFlow(QObject *parent) : QObject(parent) {}

LoginFlow::~LoginFlow()
{
    cancel();
}

QString LoginFlow::validateServerUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("Enter a server address such as https://support.example.com.");
    if (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
        return tr("The server address must start with http:// or https://.");
    return {};
}

void LoginFlow::cancel()
{
    ++m_generation;
    if (m_api) {
        delete m_api.data();
        m_api = nullptr;
        Q_EMIT busyChanged(false);
    }
}

void LoginFlow::login(const QUrl &serverUrl, const QString &email, const QString &password)
{
    cancel();
    const QString invalid = validateServerUrl(serverUrl);
    if (!invalid.isEmpty()) {
        Q_EMIT failed(ApiError{0, u"invalid_server_url"_s, invalid});
        return;
    }
    const quint64 generation = m_generation;
    auto *api = new ApiClient(serverUrl, this);
    m_api = api;
    Q_EMIT busyChanged(true);
    api->login(email, password, this,
               [this, generation, api, serverUrl](const ApiResult<LoginResult> &result) {
                   if (generation != m_generation)
                       return; // cancelled or superseded; that client is gone already
                   m_api = nullptr;
                   Q_EMIT busyChanged(false);
                   if (!result.ok()) {
                       api->deleteLater();
                       logging::get("net")->info("login failed: {}", result.error().code.toStdString());
                       Q_EMIT failed(result.error());
                       return;
                   }
                   const User user = result.value().user;
                   QString path = LocalStore::defaultPath(serverUrl, user.email);
                   if (!m_storeDirectory.isEmpty())
                       path = QDir(m_storeDirectory).filePath(QFileInfo(path).fileName());
                   api->setParent(nullptr);
                   auto *session = new Session(api, user, path);
                   Q_EMIT succeeded(session);
               });
}

} // namespace tandem::app
