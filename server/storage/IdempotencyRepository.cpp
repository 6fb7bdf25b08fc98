#include "IdempotencyRepository.h"

#include "Database.h"
#include "SqlTime.h"

using namespace Qt::StringLiterals;

namespace tandem::server {

std::optional<IdempotencyRepository::Stored> IdempotencyRepository::find(qint64 userId, const QString &key)
{
    QSqlQuery q = m_db.exec(
        u"SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = ? AND idem_key = ?"_s,
        {userId, key});
    if (!q.next())
        return std::nullopt;
    return Stored{q.value(0).toString().toLatin1(), q.value(1).toInt(), q.value(2).toString().toUtf8()};
}

void IdempotencyRepository::store(qint64 userId, const QString &key, const Stored &value, const QDateTime &at)
{
    m_db.exec(u"INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, response, created_at)"
              " VALUES (?, ?, ?, ?, ?, ?)"_s,
              {userId, key, QString::fromLatin1(value.requestHash), value.status,
               QString::fromUtf8(value.response), toDb(at)});
}

void IdempotencyRepository::purgeOlderThan(const QDateTime &before)
{
    m_db.exec(u"DELETE FROM idempotency_keys WHERE created_at < ?"_s, {toDb(before)});
}

} // namespace tandem::server
