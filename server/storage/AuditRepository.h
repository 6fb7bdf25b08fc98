#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tandem::server {

class Database;

//! One state change: who, what, when, before -> after, and via which draft.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    std::optional<qint64> userId;
    QString action; //!< e.g. "ticket.patch", "reply.sent", "draft.discarded"
    std::optional<qint64> ticketId;
    std::optional<qint64> draftId;
    QJsonObject before;
    QJsonObject after;
};

//! The append-only audit log of state changes, readable by supervisors.
class AuditRepository
{
public:
    explicit AuditRepository(Database &db) : m_db(db) {}

    void append(const AuditEntry &entry);
    //! Newest first; \a ticketId filters when set.
    QList<AuditEntry> recent(std::optional<qint64> ticketId, int limit);

private:
    Database &m_db;
};

} // namespace tandem::server
