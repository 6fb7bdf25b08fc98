#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QSystemTrayIcon;

namespace tandem::ui {

//! SLA breach alerts: a desktop notification through the system tray where there is one, and
//! otherwise this non-modal banner inside the lead workspace (hidden until an alert, dismissed
//! with its close button; a newer alert replaces the text). Never steals the focus.
class BreachNotifier : public QFrame
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

    explicit BreachNotifier(QWidget *parent = nullptr);
    ~BreachNotifier() override;

    void setChannel(Channel channel) { m_channel = channel; }
    Channel channel() const { return m_channel; }
    //! Tray or Banner, after resolving Automatic.
    Channel effectiveChannel() const;

    //! Shows an alert now.
    void notify(const QString &title, const QString &message);
    //! Hides the banner.
    void dismiss();

    QString bannerTitle() const;
    QString bannerText() const;
    QPushButton *dismissButton() const { return m_dismiss; }
    //! The tray icon once a tray alert was shown (null before).
    QSystemTrayIcon *trayIcon() const { return m_tray; }

Q_SIGNALS:
    //! An alert went out (on either channel).
    void notified(const QString &title, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();

    Channel m_channel = Channel::Automatic;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_dismiss = nullptr;
    QSystemTrayIcon *m_tray = nullptr; //!< a child, created on the first tray alert
};

} // namespace tandem::ui
