#pragma once

#include "app/EventStreamClient.h"
#include "app/InboxModel.h"
#include "app/LocalStore.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class QWebSocket;

namespace tandem::bench {

//! One desktop client as the app builds it, minus the widgets: an EventStreamClient applying
//! pushed tickets to its own LocalStore (SQLite file) and an InboxModel on top. Records, per
//! ticket id, when the ticket.created frame reached its socket and when the ticket was a row of
//! the inbox model (the moment an agent would see it).
class InboxClient : public QObject
{
    Q_OBJECT

public:
    //! \a api is shared (one per signed-in user) and must outlive the client.
    InboxClient(app::ApiClient *api, const QString &storePath, const app::EventStreamClient::Timing &timing,
                QObject *parent = nullptr);
    ~InboxClient() override;

    //! Opens the LocalStore; false with \a error set when that fails.
    bool open(QString *error);
    void start();
    void stop();

    bool isOnline() const;
    //! Times the stream went from Online to anything else (a reconnect during the run).
    int drops() const { return m_drops; }
    //! Ticket id -> benchNowNs() when the ticket.created frame arrived.
    const QHash<qint64, qint64> &receivedAt() const { return m_receivedAt; }
    //! Ticket id -> benchNowNs() when the ticket became a row of the inbox model.
    const QHash<qint64, qint64> &inInboxAt() const { return m_inInboxAt; }

Q_SIGNALS:
    void online();

private:
    void onStateChanged(app::EventStreamClient::State state);
    void tapSocket();
    void onFrame(const QString &text);
    void onApplied(const QList<Ticket> &tickets);

    // Destroyed in reverse order: the stream flushes into the store when it stops.
    app::LocalStore m_store;
    app::InboxModel m_model;
    std::unique_ptr<app::EventStreamClient> m_stream;
    QPointer<QWebSocket> m_tapped;
    bool m_wasOnline = false;
    int m_drops = 0;
    QHash<qint64, qint64> m_receivedAt;
    QHash<qint64, qint64> m_inInboxAt;
};

} // namespace tandem::bench
