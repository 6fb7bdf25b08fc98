#pragma once

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QToolButton;

namespace tandem::app {
class Session;
}

namespace tandem::ui {

//! The status bar's permanent part, always visible: the connection (dot + "Online",
//! "Connecting…", "Offline · retrying in 8 s"), the live stream ("Live" or "Live updates paused"),
//! a "Retry now" button while something is down, the last successful sync, and the outbox count
//! as a button that opens the outbox view. Never a modal "disconnected" dialog.
class StatusIndicators : public QWidget
{
    Q_OBJECT

public:
    enum class Connection
    {
        Connecting, //!< no answer from the server yet
        Online,     //!< the server answers (the live stream may still be down)
        Offline,    //!< the last request got no answer; the engine keeps retrying
    };
    Q_ENUM(Connection)

    explicit StatusIndicators(app::Session *session, QWidget *parent = nullptr);

    Connection connection() const { return m_state; }
    QString connectionText() const;
    //! "Live", "Live updates paused · retrying in 3 s", ... (empty while offline).
    QString liveText() const;
    QString lastSyncText() const;
    QString outboxText() const;
    QToolButton *outboxButton() const { return m_outbox; }
    QToolButton *retryButton() const { return m_retry; }

public Q_SLOTS:
    //! Tries the stream, a pull and the outbox now instead of waiting for their backoff.
    void retryNow();

Q_SIGNALS:
    //! The agent clicked the outbox count.
    void outboxRequested();
    //! connection() changed.
    void connectionChanged(tandem::ui::StatusIndicators::Connection connection);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void setReachable(bool reachable);

    QPointer<app::Session> m_session;
    QLabel *m_dot = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_live = nullptr;
    QToolButton *m_retry = nullptr;
    QLabel *m_lastSync = nullptr;
    QToolButton *m_outbox = nullptr;
    std::optional<bool> m_reachable; //!< unknown until the first answer (or failure)
    Connection m_state = Connection::Connecting;
    int m_pending = 0;
    int m_attention = 0;
    QTimer m_tick; //!< keeps "retrying in N s" and "x min ago" current
};

} // namespace tandem::ui
