#pragma once

#include "LocalStoreMigrations.h"
#include "OutboxItem.h"

#include "core/ApiTypes.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

class QSqlDatabase;

namespace tandem::app {

//! The desktop app's offline cache and outbox: one SQLite file per server + user, WAL mode,
//! schema migrated by `PRAGMA user_version` steps (each in a transaction that rolls back and
//! fails loudly). Owns its own named QSqlDatabase connection; use it from one thread only.
//! Every write method returns false on failure and leaves the reason in lastError().
class LocalStore
{
public:
    //! The schema version this build writes.
    static constexpr int kSchemaVersion = LocalStoreMigrations::kLatest;

    //! The default file for (server, user) under QStandardPaths::AppDataLocation:
    //! "<data>/accounts/<host>-<port>-<hash>.sqlite" (the email itself is not in the name).
    static QString defaultPath(const QUrl &serverUrl, const QString &userEmail);

    //! Does not touch the disk; call open(). \a path is the SQLite file (its folder is created).
    explicit LocalStore(QString path);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    //! Opens the file, enables WAL and migrates to kSchemaVersion. False (with lastError()) when
    //! the file cannot be opened, is from a newer build, or a migration step failed (rolled back).
    bool open();
    bool isOpen() const;
    void close();
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    //! The current PRAGMA user_version of the open file.
    int schemaVersion() const;

    // --- tickets ----------------------------------------------------------------------------
    //! Upserts \a tickets and, when \a cursor is set, saves it: all in ONE transaction.
    bool applyTicketBatch(const QList<Ticket> &tickets, const std::optional<QString> &cursor);
    //! Every cached ticket (for the inbox at start-up).
    QList<Ticket> tickets() const;
    //! The cached tickets with the given ids (unknown ids are skipped).
    QList<Ticket> tickets(const QList<qint64> &ids) const;
    std::optional<Ticket> ticket(qint64 id) const;
    int ticketCount() const;

    // --- ticket detail (thread + draft) -----------------------------------------------------
    //! Stores the ticket, replaces its cached thread and its current draft, in one transaction.
    bool saveTicketDetail(const TicketDetail &detail);
    //! The cached ticket with its thread and draft; nullopt if the ticket is not cached.
    //! messages is empty and draft nullopt when the detail was never fetched.
    std::optional<TicketDetail> ticketDetail(qint64 id) const;
    //! True once saveTicketDetail() stored the thread of \a id.
    bool hasTicketDetail(qint64 id) const;
    QList<Message> messages(qint64 ticketId) const;
    std::optional<Draft> draft(qint64 ticketId) const;

    // --- sync state -------------------------------------------------------------------------
    QString cursor() const;
    bool setCursor(const QString &cursor);
    QDateTime lastSyncAt() const;
    bool setLastSyncAt(const QDateTime &time);

    // --- live event stream (LocalStoreEvents.cpp) -------------------------------------------
    //! The seq of the last event-stream event applied; 0 when none was (connect without "after").
    qint64 eventSeq() const;
    bool setEventSeq(qint64 seq);
    //! Upserts tickets pushed by the event stream and records \a seq: all in ONE transaction, so
    //! the saved seq never runs ahead of what the cache holds. A ticket older than the cached
    //! one is skipped by the upsert.
    bool applyEventBatch(const QList<Ticket> &tickets, qint64 seq);

    // --- users cache ------------------------------------------------------------------------
    bool saveUsers(const QList<User> &users);
    QList<User> users() const;

    // --- outbox -----------------------------------------------------------------------------
    //! Every outbox write runs with PRAGMA synchronous=FULL so it survives a power cut.
    //! Inserts a queued reply.
    //! Returns the new row id, nullopt on failure (nothing was sent then).
    std::optional<qint64> insertOutboxItem(qint64 ticketId, const QString &idempotencyKey,
                                           const ReplyRequest &request, qint64 baseVersion);
    //! Every outbox row, oldest first.
    QList<OutboxItem> outboxItems() const;
    std::optional<OutboxItem> outboxItem(qint64 id) const;
    //! Sets state and error text; \a countAttempt adds one to attempts.
    bool setOutboxState(qint64 id, OutboxState state, const QString &error = {}, bool countAttempt = false);
    //! Rebases a row for a resend: new If-Match version and (for a conflict resend) a new key.
    bool rebaseOutboxItem(qint64 id, qint64 baseVersion, const QString &idempotencyKey);
    bool removeOutboxItem(qint64 id);
    //! 201: removes the row and stores the message the server returned, in one transaction.
    //! When \a rebase is set ({from, to}), later rows of the same ticket still based on version
    //! `from` move to `to` in that same transaction: the only change between the two versions was
    //! this reply, so the agent's own replies never conflict with each other; the cached
    //! ticket moves from `from` to `to` too (for replies queued afterwards).
    bool completeOutboxItem(qint64 id, const Message &message,
                            std::optional<std::pair<qint64, qint64>> rebase = std::nullopt);

    // --- draft autosave ---------------------------------------------------------------------
    bool saveAutosave(qint64 ticketId, const QString &text);
    std::optional<QString> autosave(qint64 ticketId) const;
    bool clearAutosave(qint64 ticketId);

private:
    friend class LocalStoreMigrations;
    QSqlDatabase database() const;
    bool fail(const QString &what, const QString &detail) const;
    bool upsertTicket(const Ticket &ticket);
    bool insertMessage(const Message &message);
    bool deleteOutboxRow(qint64 id);

    QString m_path;
    QString m_connectionName;
    mutable QString m_lastError;
};

} // namespace tandem::app
