#include "AlertNotifier.h"

#include "Icons.h"
#include "Theme.h"

#include <QAccessible>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {
constexpr int kTrayMessageMs = 10000;

QPointer<QSystemTrayIcon> g_tray;
//! The notifier whose message the tray shows last: a click on it is for that one.
QPointer<AlertNotifier> g_trayOwner;
} // namespace

AlertNotifier::AlertNotifier(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"alertBanner"_s);
    setAccessibleName(tr("Alert"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    m_title = new QLabel(this);
    m_title->setObjectName(u"alertTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    texts->addWidget(m_title);
    m_text = new QLabel(this);
    m_text->setObjectName(u"alertText"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    texts->addWidget(m_text);
    layout->addLayout(texts, 1);
    m_open = new QPushButton(tr("Open ticket"), this);
    m_open->setObjectName(u"alertOpenButton"_s);
    m_open->setAccessibleName(tr("Open the ticket of the alert"));
    m_open->setFocusPolicy(Qt::TabFocus);
    m_open->hide();
    layout->addWidget(m_open, 0, Qt::AlignTop);
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_dismiss->setObjectName(u"alertDismissButton"_s);
    m_dismiss->setAccessibleName(tr("Dismiss the alert"));
    m_dismiss->setFocusPolicy(Qt::TabFocus);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    connect(m_dismiss, &QPushButton::clicked, this, &AlertNotifier::dismiss);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const qint64 ticketId = m_ticketId;
        dismiss();
        if (ticketId > 0)
            Q_EMIT openTicketRequested(ticketId);
    });
    updateColours();
    hide();
}

AlertNotifier::~AlertNotifier() = default;

AlertNotifier::Channel AlertNotifier::effectiveChannel() const
{
    if (m_channel != Channel::Automatic)
        return m_channel;
    return QSystemTrayIcon::isSystemTrayAvailable() ? Channel::Tray : Channel::Banner;
}

QSystemTrayIcon *AlertNotifier::trayIcon()
{
    return g_tray;
}

QSystemTrayIcon *AlertNotifier::ensureTray()
{
    if (!g_tray) {
        // Owned by the application: it only exists to carry notifications, for every window.
        g_tray = new QSystemTrayIcon(Icons::get(u"app-tandem"), qApp);
        g_tray->setToolTip(tr("Tandem"));
        QObject::connect(g_tray, &QSystemTrayIcon::messageClicked, g_tray, [] {
            AlertNotifier *owner = g_trayOwner;
            if (!owner || owner->m_trayTicketId <= 0)
                return;
            if (QWidget *window = owner->window()) {
                window->show();
                window->raise();
                window->activateWindow();
            }
            Q_EMIT owner->openTicketRequested(owner->m_trayTicketId);
        });
    }
    return g_tray;
}

void AlertNotifier::notify(const QString &title, const QString &message, Severity severity, qint64 ticketId)
{
    if (effectiveChannel() == Channel::Tray) {
        QSystemTrayIcon *tray = ensureTray();
        g_trayOwner = this;
        m_trayTicketId = ticketId;
        tray->show();
        tray->showMessage(title, message,
                          severity == Severity::Critical ? QSystemTrayIcon::Critical
                                                         : QSystemTrayIcon::Warning,
                          kTrayMessageMs);
    } else {
        m_severity = severity;
        m_ticketId = ticketId;
        m_title->setText(title);
        m_text->setText(message);
        m_open->setVisible(ticketId > 0);
        updateColours();
        show();
        // Screen readers hear the alert without the focus moving.
        QAccessibleEvent event(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
    // A window in the background is flagged (taskbar entry, dock bounce) until it is activated.
    if (severity == Severity::Critical && window())
        QApplication::alert(window());
    Q_EMIT notified(title, message);
}

void AlertNotifier::dismiss()
{
    hide();
}

QString AlertNotifier::bannerTitle() const
{
    return m_title->text();
}

QString AlertNotifier::bannerText() const
{
    return m_text->text();
}

void AlertNotifier::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void AlertNotifier::updateColours()
{
    QPalette pal = palette();
    const QColor danger = theme::dangerColor(pal);
    const QPalette app;
    const QColor window = app.color(QPalette::Window);
    const bool dark = theme::isDark(app);
    const double amount = m_severity == Severity::Critical ? (dark ? 0.4 : 0.2) : (dark ? 0.25 : 0.12);
    pal.setColor(QPalette::Window, theme::blend(window, danger, amount));
    setPalette(pal);
}

} // namespace tandem::ui
