#pragma once

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tandem {
struct ApiError;
}

namespace tandem::app {
class LoginFlow;
class Session;
} // namespace tandem::app

namespace tandem::ui {

//! Asks for the server address, email and password and logs in through app::LoginFlow.
//! The address and email are remembered in QSettings; the password and the token never are.
//! Accepting the dialog means a Session is ready: takeSession() hands it over.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget *parent = nullptr);
    ~LoginDialog() override;

    //! Pre-fills the address (e.g. from --server); otherwise the remembered one is used.
    void setServerUrl(const QString &url);
    void setEmail(const QString &email);
    //! Shows \a text above the form (e.g. "Your session expired").
    void setMessage(const QString &text);
    //! Forwarded to app::LoginFlow::setStoreDirectory().
    void setStoreDirectory(const QString &directory);

    //! The session of the successful login (once); nullptr before that. The caller owns it.
    app::Session *takeSession();

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *passwordEdit() const { return m_password; }

    //! Turns a login failure into a sentence for people.
    static QString describeError(const ApiError &error);

public Q_SLOTS:
    //! Starts the login; the dialog closes itself when it succeeds.
    void accept() override;
    void reject() override;

private:
    void setBusy(bool busy);
    void showError(const QString &text);
    void onSucceeded(app::Session *session);

    app::LoginFlow *m_flow = nullptr;
    QPointer<app::Session> m_session;
    QLabel *m_message = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace tandem::ui
