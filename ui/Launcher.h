#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QUrl>

#include <memory>

namespace tandem::app {
class LoginFlow;
class Session;
} // namespace tandem::app

namespace tandem::ui {

class LoginDialog;
class MainWindow;
class ScreenshotTaker;

//! What the command line asked for (see ui/main.cpp).
struct LaunchOptions
{
    QUrl serverUrl;         //!< pre-fills the login dialog; with autoLoginEmail, the server to use
    QString autoLoginEmail; //!< set: log in without asking (demo mode)
    QString autoLoginPassword;
    QString email;          //!< pre-fills the login dialog
    QString storeDirectory; //!< empty: the per-user default under AppData
    QString screenshotPath; //!< set: take a screenshot after the first sync, then exit
    int screenshotRow = 0;
    QSize screenshotSize{1280, 800}; //!< the window size of the screenshot
    int screenshotDelayMs = 0;       //!< wait this long before the screenshot (live presence, ...)
    qint64 openTicketId = 0;         //!< set: open this ticket once it is in the inbox
};

//! Drives the app's lifetime: login (dialog, or automatic in demo mode), the main window for
//! the session, sign-out and expired sessions back to the login, and the screenshot mode.
//! Owns the session and the window; the window always goes first.
class Launcher : public QObject
{
    Q_OBJECT

public:
    explicit Launcher(LaunchOptions options, QObject *parent = nullptr);
    ~Launcher() override;

    void start();
    MainWindow *window() const { return m_window.get(); }
    app::Session *session() const { return m_session.get(); }

Q_SIGNALS:
    //! The app should end with \a code (login cancelled, screenshot written, fatal error).
    void exitRequested(int code);

private:
    void showLogin(const QString &message);
    void autoLogin();
    void startSession(app::Session *session);
    void endSession();
    void openRequestedTicket();
    void startScreenshot();

    LaunchOptions m_options;
    std::unique_ptr<app::Session> m_session;
    std::unique_ptr<MainWindow> m_window; //!< declared after m_session, so destroyed before it
    QPointer<LoginDialog> m_login;
    app::LoginFlow *m_flow = nullptr;
    ScreenshotTaker *m_screenshot = nullptr;
};

} // namespace tandem::ui
