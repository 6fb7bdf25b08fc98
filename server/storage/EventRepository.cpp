#include "EventRepository.h"

#include "Database.h"
#include "SqlTime.h"

#include "core/JsonCodec.h"

using namespace Qt::StringLiterals;

namespace tandem::server {

QList<StoredEvent> EventRepository::after(qint64 seq, int limit)
{
    QSqlQuery q = m_db.exec(
        u"SELECT seq, type, ticket_id, payload, created_at FROM events WHERE seq > ? ORDER BY seq LIMIT ?"_s,
        {seq, limit});
    QList<StoredEvent> out;
    while (q.next()) {
        StoredEvent e;
        e.seq = q.value(0).toLongLong();
        e.type = q.value(1).toString();
        e.ticketId = q.value(2).toLongLong();
        e.payload = json::parseObject(q.value(3).toString().toUtf8(), nullptr).value_or(QJsonObject());
        e.createdAt = timeFromDb(q.value(4));
        out.append(e);
    }
    return out;
}

qint64 EventRepository::maxSeq()
{
    return m_db.scalar(u"SELECT COALESCE(MAX(seq), 0) FROM events"_s).toLongLong();
}

qint64 EventRepository::minSeq()
{
    return m_db.scalar(u"SELECT COALESCE(MIN(seq), 0) FROM events"_s).toLongLong();
}

qint64 EventRepository::insert(const QString &type, qint64 ticketId, const QJsonObject &payload,
                               const QDateTime &at)
{
    QSqlQuery q = m_db.exec(u"INSERT INTO events (type, ticket_id, payload, created_at) VALUES (?, ?, ?, ?)"
                            " RETURNING seq"_s,
                            {type, ticketId, QString::fromUtf8(json::serialize(payload)), toDb(at)});
    if (!q.next())
        throw StorageError(u"insert event returned no seq"_s);
    return q.value(0).toLongLong();
}

void EventRepository::purgePresenceBefore(const QDateTime &before)
{
    m_db.exec(u"DELETE FROM events WHERE type = 'presence' AND created_at < ?"_s, {toDb(before)});
}

} // namespace tandem::server
