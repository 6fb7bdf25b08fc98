#include "Launcher.h"

#include "LoginDialog.h"
#include "MainWindow.h"
#include "ScreenshotTaker.h"

#include "app/ApiClient.h" // LoginFlow.h holds a QPointer<ApiClient>: needs the full type
#include "app/InboxModel.h"
#include "app/LoginFlow.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include "core/Logging.h"

#include <QApplication>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tandem::ui {

Launcher::Launcher(LaunchOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_flow(new app::LoginFlow(this))
{
    if (!m_options.storeDirectory.isEmpty())
        m_flow->setStoreDirectory(m_options.storeDirectory);
    connect(m_flow, &app::LoginFlow::succeeded, this, &Launcher::startSession);
    connect(m_flow, &app::LoginFlow::failed, this, [this](const ApiError &error) {
        logging::get("ui")->error("automatic sign-in failed: {} ({})", error.code.toStdString(),
                                  error.status);
        if (!m_options.screenshotPath.isEmpty()) {
            Q_EMIT exitRequested(1);
            return;
        }
        showLogin(LoginDialog::describeError(error));
    });
}

Launcher::~Launcher()
{
    m_window.reset();
    m_session.reset();
    delete m_login.data();
}

void Launcher::start()
{
    if (!m_options.autoLoginEmail.isEmpty())
        autoLogin();
    else
        showLogin({});
}

void Launcher::autoLogin()
{
    logging::get("ui")->info("signing in to {} automatically", m_options.serverUrl.toString().toStdString());
    m_flow->login(m_options.serverUrl, m_options.autoLoginEmail, m_options.autoLoginPassword);
}

void Launcher::showLogin(const QString &message)
{
    if (m_login) {
        m_login->setMessage(message);
        m_login->raise();
        return;
    }
    auto *dialog = new LoginDialog;
    m_login = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_options.storeDirectory.isEmpty())
        dialog->setStoreDirectory(m_options.storeDirectory);
    if (m_options.serverUrl.isValid() && !m_options.serverUrl.isEmpty())
        dialog->setServerUrl(m_options.serverUrl.toString());
    if (!m_options.email.isEmpty())
        dialog->setEmail(m_options.email);
    else if (!m_options.autoLoginEmail.isEmpty())
        dialog->setEmail(m_options.autoLoginEmail);
    dialog->setMessage(message);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startSession(dialog->takeSession()); });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (!m_session)
            Q_EMIT exitRequested(0);
    });
    dialog->show();
    if (dialog->emailEdit()->text().isEmpty())
        dialog->emailEdit()->setFocus();
    else
        dialog->passwordEdit()->setFocus();
}

void Launcher::startSession(app::Session *session)
{
    if (!session)
        return;
    endSession();
    m_session.reset(session);
    QString error;
    if (!m_session->start(&error)) {
        logging::get("ui")->error("cannot open the local cache: {}", error.toStdString());
        m_session.reset();
        if (!m_options.screenshotPath.isEmpty()) {
            Q_EMIT exitRequested(1);
            return;
        }
        showLogin(tr("Tandem cannot open its local cache: %1").arg(error));
        return;
    }
    const bool screenshot = !m_options.screenshotPath.isEmpty();
    m_window = std::make_unique<MainWindow>(m_session.get(), !screenshot);
    m_session->sync()->refreshUsers();
    connect(m_window.get(), &MainWindow::logoutRequested, this, [this] {
        if (m_session)
            m_session->logout();
    });
    connect(m_session.get(), &app::Session::loggedOut, this, [this] {
        showLogin(tr("You signed out."));
        endSession();
    });
    connect(m_session.get(), &app::Session::sessionExpired, this, [this] {
        showLogin(tr("Your session expired. Please sign in again."));
        endSession();
    });
    if (m_options.openTicketId != 0) {
        // Once the ticket is in the inbox (the cache, or the first pull).
        connect(m_session->sync(), &app::SyncEngine::lastSyncAtChanged, this, &Launcher::openRequestedTicket);
        QTimer::singleShot(0, this, &Launcher::openRequestedTicket);
    }
    m_window->show();
    if (screenshot)
        QTimer::singleShot(m_options.screenshotDelayMs, this, &Launcher::startScreenshot);
}

void Launcher::openRequestedTicket()
{
    if (!m_window || !m_session || m_options.openTicketId == 0)
        return;
    if (m_session->inbox()->totalCount() == 0)
        return; // not synced yet
    m_window->revealTicket(m_options.openTicketId);
    disconnect(m_session->sync(), &app::SyncEngine::lastSyncAtChanged, this, &Launcher::openRequestedTicket);
}

void Launcher::startScreenshot()
{
    if (!m_window || !m_session || m_screenshot)
        return;
    int row = m_options.screenshotRow;
    if (m_options.openTicketId != 0) {
        if (const int open = m_session->inbox()->rowOfTicket(m_options.openTicketId); open >= 0)
            row = open;
    }
    m_screenshot = new ScreenshotTaker(m_window.get(), m_session.get(), m_options.screenshotPath, row,
                                       m_options.screenshotSize, this);
    connect(m_screenshot, &ScreenshotTaker::finished, this, &Launcher::exitRequested);
    m_screenshot->start();
}

void Launcher::endSession()
{
    if (m_window) {
        m_window->saveState();
        // Deleted later: this may run inside one of the window's own signal emissions.
        m_window.release()->deleteLater();
    }
    if (m_session) {
        m_session->stop();
        m_session.release()->deleteLater();
    }
}

} // namespace tandem::ui
