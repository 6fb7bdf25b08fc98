#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace tandem::server {

class Database;

//! One row of the events table: every change, in commit order (seq).
struct StoredEvent
{
    qint64 seq = 0;
    QString type;
    qint64 ticketId = 0;
    QJsonObject payload;
    QDateTime createdAt;
};

//! Reads the change log for the live event stream and records ephemeral presence events.
class EventRepository
{
public:
    explicit EventRepository(Database &db) : m_db(db) {}

    QList<StoredEvent> after(qint64 seq, int limit);
    qint64 maxSeq();
    qint64 minSeq();
    qint64 insert(const QString &type, qint64 ticketId, const QJsonObject &payload, const QDateTime &at);
    //! Presence is short-lived: drop presence rows older than \a before.
    void purgePresenceBefore(const QDateTime &before);

private:
    Database &m_db;
};

} // namespace tandem::server
