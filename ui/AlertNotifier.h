#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QSystemTrayIcon;

namespace tandem::ui {

//! Desktop alerts (the lead workspace's SLA breaches, every user's crisis tickets): a
//! notification through the system tray where there is one, and otherwise this non-modal banner
//! inside the window (hidden until an alert, dismissed with its close button; a newer alert
//! replaces the text). Never steals the focus. A critical alert also asks the window system to
//! flag the window (QApplication::alert) when it is in the background. An alert about one ticket
//! offers to open it (the banner's button, or a click on the tray message).
//! All notifiers share one tray icon, so a user never sees two Tandem icons.
class AlertNotifier : public QFrame
{
    Q_OBJECT

public:
    //! Where alerts go. Automatic: the tray when QSystemTrayIcon::isSystemTrayAvailable().
    enum class Channel
    {
        Automatic,
        Tray,
        Banner,
    };
    Q_ENUM(Channel)

    enum class Severity
    {
        Warning,  //!< e.g. an SLA breach
        Critical, //!< e.g. a crisis ticket: a person must read it now
    };
    Q_ENUM(Severity)

    //! Set the accessibleName of each instance to what it announces.
    explicit AlertNotifier(QWidget *parent = nullptr);
    ~AlertNotifier() override;

    void setChannel(Channel channel) { m_channel = channel; }
    Channel channel() const { return m_channel; }
    //! Tray or Banner, after resolving Automatic.
    Channel effectiveChannel() const;

    //! Shows an alert now; with \a ticketId it offers to open that ticket.
    void notify(const QString &title, const QString &message, Severity severity = Severity::Warning,
                qint64 ticketId = 0);
    //! Hides the banner.
    void dismiss();

    QString bannerTitle() const;
    QString bannerText() const;
    Severity severity() const { return m_severity; }
    QPushButton *dismissButton() const { return m_dismiss; }
    //! "Open ticket": shown when the banner's alert is about one ticket.
    QPushButton *openButton() const { return m_open; }
    //! The shared tray icon once a tray alert was shown (null before).
    static QSystemTrayIcon *trayIcon();

Q_SIGNALS:
    //! An alert went out (on either channel).
    void notified(const QString &title, const QString &message);
    //! The user asked to open the ticket of an alert (banner button or tray message).
    void openTicketRequested(qint64 ticketId);

protected:
    void changeEvent(QEvent *event) override;

private:
    static QSystemTrayIcon *ensureTray();
    void updateColours();

    Channel m_channel = Channel::Automatic;
    Severity m_severity = Severity::Warning;
    qint64 m_ticketId = 0;     //!< of the banner's alert
    qint64 m_trayTicketId = 0; //!< of this notifier's last tray message
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_dismiss = nullptr;
};

} // namespace tandem::ui
