#include "LoginDialog.h"

#include "Icons.h"
#include "Theme.h"

#include "app/ApiClient.h" // LoginFlow.h holds a QPointer<ApiClient>: needs the full type
#include "app/LoginFlow.h"
#include "app/Session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr auto kServerKey = "login/serverUrl";
constexpr auto kEmailKey = "login/email";

} // namespace

LoginDialog::LoginDialog(QWidget *parent) : QDialog(parent), m_flow(new app::LoginFlow(this))
{
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("Sign in to Tandem"));
    setWindowIcon(Icons::get(u"app-tandem"));
    setAccessibleName(tr("Sign in"));

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Sign in to your support workspace"), this);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);

    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *form = new QFormLayout;
    m_server = new QLineEdit(this);
    m_server->setObjectName(u"serverEdit"_s);
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(u"http://127.0.0.1:8080"_s);
    form->addRow(tr("&Server:"), m_server);
    m_email = new QLineEdit(this);
    m_email->setObjectName(u"emailEdit"_s);
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("you@example.com"));
    form->addRow(tr("&Email:"), m_email);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(u"loginError"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Sign-in error"));
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, theme::dangerColor(palette()));
    m_error->setPalette(errorPalette);
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Sign in"));
    ok->setAccessibleName(tr("Sign in"));
    ok->setObjectName(u"signInButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    const QSettings settings;
    m_server->setText(settings.value(QLatin1StringView(kServerKey), u"http://127.0.0.1:8080"_s).toString());
    m_email->setText(settings.value(QLatin1StringView(kEmailKey)).toString());

    connect(m_flow, &app::LoginFlow::busyChanged, this, &LoginDialog::setBusy);
    connect(m_flow, &app::LoginFlow::succeeded, this, &LoginDialog::onSucceeded);
    connect(m_flow, &app::LoginFlow::failed, this,
            [this](const ApiError &error) { showError(describeError(error)); });
    setMinimumWidth(420);
}

LoginDialog::~LoginDialog()
{
    delete m_session.data(); // a session nobody took
}

void LoginDialog::setServerUrl(const QString &url)
{
    m_server->setText(url);
}

void LoginDialog::setEmail(const QString &email)
{
    m_email->setText(email);
}

void LoginDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void LoginDialog::setStoreDirectory(const QString &directory)
{
    m_flow->setStoreDirectory(directory);
}

app::Session *LoginDialog::takeSession()
{
    app::Session *session = m_session.data();
    m_session.clear();
    return session;
}

QString LoginDialog::describeError(const ApiError &error)
{
    if (error.code == u"invalid_credentials")
        return tr("The email or password is wrong.");
    if (error.status == 0)
        return tr("Cannot reach the server. Check the address and your connection.");
    if (!error.message.isEmpty())
        return tr("The server refused the sign-in: %1").arg(error.message.left(200));
    return tr("The server refused the sign-in (HTTP %1).").arg(error.status);
}

void LoginDialog::accept()
{
    if (m_flow->isBusy())
        return;
    const QUrl url = QUrl::fromUserInput(m_server->text().trimmed());
    if (const QString problem = app::LoginFlow::validateServerUrl(url); !problem.isEmpty()) {
        showError(problem);
        m_server->setFocus();
        return;
    }
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || !email.contains(u'@')) {
        showError(tr("Enter the email address you sign in with."));
        m_email->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Enter your password."));
        m_password->setFocus();
        return;
    }
    m_error->hide();
    m_flow->login(url, email, m_password->text());
}

void LoginDialog::reject()
{
    m_flow->cancel();
    QDialog::reject();
}

void LoginDialog::setBusy(bool busy)
{
    m_server->setEnabled(!busy);
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!busy);
    ok->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void LoginDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    m_password->selectAll();
}

void LoginDialog::onSucceeded(app::Session *session)
{
    QSettings settings;
    settings.setValue(QLatin1StringView(kServerKey),
                      QUrl::fromUserInput(m_server->text().trimmed()).toString());
    settings.setValue(QLatin1StringView(kEmailKey), m_email->text().trimmed());
    m_password->clear();
    delete m_session.data();
    m_session = session;
    QDialog::accept();
}

} // namespace tandem::ui
