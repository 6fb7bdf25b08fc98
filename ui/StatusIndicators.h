#pragma once

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace tandem::app {
class Session;
}

namespace tandem::ui {

//! The status bar's permanent part: connection state (dot + word), the last successful sync
//! and the outbox (replies waiting to be sent, and those that need the agent).
class StatusIndicators : public QWidget
{
    Q_OBJECT

public:
    explicit StatusIndicators(app::Session *session, QWidget *parent = nullptr);

    QString connectionText() const;
    QString lastSyncText() const;
    QString outboxText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QPointer<app::Session> m_session;
    QLabel *m_dot = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_outbox = nullptr;
    int m_pending = 0;
    int m_attention = 0;
    QTimer m_tick; //!< keeps "x min ago" current
};

} // namespace tandem::ui
