#pragma once

#include "StreamEvent.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QList>
#include <QTimer>

#include <chrono>
#include <optional>

namespace tandem::app {

//! Who else is on which ticket, from the event stream's presence events: one row per
//! (user, ticket), "Noah is typing". Rows expire by themselves 30 s after their last refresh
//! (the reporter of each agent refreshes every 20 s); "left" removes a row at once.
class PresenceModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        UserIdRole = Qt::UserRole + 1, //!< qint64
        NameRole,                      //!< QString, the agent's full name
        TicketIdRole,                  //!< qint64
        StateRole,                     //!< QString "viewing" | "typing"
        TypingRole,                    //!< bool
    };
    Q_ENUM(Role)

    //! One other agent on one ticket.
    struct Entry
    {
        qint64 userId = 0;
        QString name;
        qint64 ticketId = 0;
        PresenceState state = PresenceState::Viewing;
        qint64 expiresAtMs = 0; //!< on the model's monotonic clock
    };

    explicit PresenceModel(QObject *parent = nullptr);
    ~PresenceModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! How long a presence lasts without a refresh (default 30 s, the protocol's).
    void setTimeToLive(std::chrono::milliseconds ttl);
    //! Our own user: their presence (from another device) is not shown.
    void setCurrentUserId(qint64 userId) { m_currentUserId = userId; }

    //! Applies one presence event (EventStreamClient::presenceReceived).
    void apply(const tandem::app::Presence &presence);
    //! Forgets everyone (e.g. on logout).
    void clear();

    //! The others on \a ticketId, typing ones first.
    QList<Entry> others(qint64 ticketId) const;
    //! "Noah is typing", "Noah is viewing, Mia is viewing"; empty when nobody else is there.
    QString summary(qint64 ticketId) const;
    //! Typing beats viewing; nullopt when nobody else is on \a ticketId.
    std::optional<PresenceState> strongestState(qint64 ticketId) const;

Q_SIGNALS:
    //! Someone arrived, changed state, left or expired on \a ticketId.
    void ticketPresenceChanged(qint64 ticketId);

private:
    void expire();
    void scheduleExpiry();
    qint64 nowMs() const { return m_clock.elapsed(); }
    int rowOf(qint64 userId, qint64 ticketId) const;

    QList<Entry> m_entries;
    QElapsedTimer m_clock;
    QTimer m_expiryTimer;
    std::chrono::milliseconds m_ttl{30000};
    qint64 m_currentUserId = 0;
};

} // namespace tandem::app
