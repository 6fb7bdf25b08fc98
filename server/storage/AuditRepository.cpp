#include "AuditRepository.h"

#include "Database.h"
#include "SqlTime.h"

#include "core/JsonCodec.h"

using namespace Qt::StringLiterals;

namespace tandem::server {

void AuditRepository::append(const AuditEntry &e)
{
    m_db.exec(u"INSERT INTO audit_log (at, user_id, action, ticket_id, draft_id, before_json, after_json)"
              " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
              {toDb(e.at), nullableId(e.userId), e.action, nullableId(e.ticketId), nullableId(e.draftId),
               QString::fromUtf8(json::serialize(e.before)), QString::fromUtf8(json::serialize(e.after))});
}

QList<AuditEntry> AuditRepository::recent(std::optional<qint64> ticketId, int limit)
{
    const QString columns = u"SELECT id, at, user_id, action, ticket_id, draft_id, before_json, after_json"
                            " FROM audit_log"_s;
    QSqlQuery q =
        ticketId ? m_db.exec(columns + u" WHERE ticket_id = ? ORDER BY id DESC LIMIT ?"_s, {*ticketId, limit})
                 : m_db.exec(columns + u" ORDER BY id DESC LIMIT ?"_s, {limit});
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = timeFromDb(q.value(1));
        if (!q.value(2).isNull())
            e.userId = q.value(2).toLongLong();
        e.action = q.value(3).toString();
        if (!q.value(4).isNull())
            e.ticketId = q.value(4).toLongLong();
        if (!q.value(5).isNull())
            e.draftId = q.value(5).toLongLong();
        e.before = json::parseObject(q.value(6).toString().toUtf8(), nullptr).value_or(QJsonObject());
        e.after = json::parseObject(q.value(7).toString().toUtf8(), nullptr).value_or(QJsonObject());
        out.append(e);
    }
    return out;
}

} // namespace tandem::server
