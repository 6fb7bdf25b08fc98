#pragma once

#include "OutboxItem.h"

#include <QAbstractListModel>
#include <QList>

namespace tandem::app {

class LocalStore;
class Outbox;

//! The outbox view: one row per reply not yet accepted by the server, oldest first, with its
//! state (queued, sending, conflict, failed + reason) and what the agent may do with it
//! (retry(), discard()). Follows Outbox::itemChanged row by row (no resets).
class OutboxModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        OutboxIdRole = Qt::UserRole + 1, //!< qint64
        TicketIdRole,                    //!< qint64
        SubjectRole,                     //!< QString, the ticket's subject (from the cache)
        BodyRole,                        //!< QString, the reply text
        StateRole,                       //!< QString "queued" | "sending" | "conflict" | "failed"
        StateValueRole,                  //!< int(tandem::app::OutboxState)
        ErrorRole,                       //!< QString, the last failure for people; empty if none
        CreatedAtRole,                   //!< QDateTime (UTC)
        AttemptsRole,                    //!< int
        CanRetryRole,                    //!< bool: conflict, failed, or queued and waiting
        CanDiscardRole,                  //!< bool: everything but a request on the wire
    };
    Q_ENUM(Role)

    //! Neither \a outbox nor \a store is owned; both must outlive the model.
    OutboxModel(Outbox *outbox, LocalStore *store, QObject *parent = nullptr);
    ~OutboxModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Re-reads every row (after start-up); later changes arrive through the outbox's signals.
    void reload();
    //! Conflict: resend against the current version; failed: retry with a new key; queued: now.
    void retry(int row);
    //! Drops the row (not while its request is on the wire). False if it could not.
    bool discard(int row);
    OutboxItem itemAt(int row) const { return m_items.value(row); }

private:
    void refreshItem(qint64 outboxId);
    int rowOf(qint64 outboxId) const;

    Outbox *m_outbox;
    LocalStore *m_store;
    QList<OutboxItem> m_items;
};

} // namespace tandem::app
