#include "ReviewRepository.h"

#include "Database.h"
#include "SqlTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

const QString kSampleKey = u"((m.id * 2654435761) % 1000003)"_s;

const QString kSelect =
    u"SELECT m.id, t.id, t.subject, t.queue, d.intent, t.language, m.author_id, m.author_name, m.created_at,"
    " m.outcome, d.id, d.body, m.body, d.confidence, d.citations, d.flags, m.edit_distance,"
    " CASE WHEN EXISTS (SELECT 1 FROM messages c WHERE c.ticket_id = m.ticket_id"
    "  AND c.author_kind = 'customer' AND c.id > m.id) THEN 1 ELSE 0 END,"
    " r.verdict, r.note, ru.name, r.at, "_s +
    kSampleKey +
    u" FROM messages m JOIN tickets t ON t.id = m.ticket_id JOIN drafts d ON d.id = m.draft_id"
    " LEFT JOIN reviews r ON r.message_id = m.id LEFT JOIN users ru ON ru.id = r.reviewer_id"
    " WHERE m.author_kind = 'agent' AND m.internal = 0 AND m.outcome IN ('as_is', 'edited', 'own')"_s;

QJsonArray arrayFromDb(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

ReviewItem itemFromRow(const QSqlQuery &q)
{
    ReviewItem i;
    i.id = q.value(0).toLongLong();
    i.ticketId = q.value(1).toLongLong();
    i.ticketSubject = q.value(2).toString();
    i.queue = q.value(3).toString();
    i.intent = q.value(4).toString();
    i.language = q.value(5).toString();
    i.agentId = q.value(6).toLongLong();
    i.agentName = q.value(7).toString();
    i.sentAt = timeFromDb(q.value(8));
    i.outcome = q.value(9).toString();
    i.draftId = q.value(10).toLongLong();
    i.draftBody = q.value(11).toString();
    i.sentBody = q.value(12).toString();
    i.confidence = q.value(13).toDouble();
    for (const QJsonValue &v : arrayFromDb(q.value(14))) {
        const QJsonObject o = v.toObject();
        i.citations.append(
            {o.value(u"source_id").toString(), o.value(u"title").toString(), o.value(u"snippet").toString()});
    }
    for (const QJsonValue &v : arrayFromDb(q.value(15))) {
        const QJsonObject o = v.toObject();
        i.flags.append({o.value(u"kind").toString(), o.value(u"message").toString(),
                        o.value(u"start").toInt(-1), o.value(u"length").toInt(0)});
    }
    i.editDistance = q.value(16).toInt();
    i.reopened = q.value(17).toInt() != 0;
    i.verdict = q.value(18).toString();
    i.verdictNote = q.value(19).toString();
    i.reviewerName = q.value(20).toString();
    i.reviewedAt = timeFromDb(q.value(21));
    return i;
}

} // namespace

QList<ReviewItem> ReviewRepository::list(const ReviewFilter &f,
                                         std::optional<std::pair<qint64, qint64>> *next)
{
    QString sql = kSelect;
    QVariantList params;
    auto where = [&](const QString &clause, const QVariantList &values = {}) {
        sql += u" AND "_s + clause;
        params += values;
    };
    if (f.from.isValid())
        where(u"m.created_at >= ?"_s, {toDb(f.from)});
    if (f.to.isValid())
        where(u"m.created_at < ?"_s, {toDb(f.to)});
    if (!f.outcome.isEmpty())
        where(u"m.outcome = ?"_s, {f.outcome});
    if (!f.intent.isEmpty())
        where(u"d.intent = ?"_s, {f.intent});
    if (!f.language.isEmpty())
        where(u"t.language = ?"_s, {f.language});
    if (!f.queue.isEmpty())
        where(u"t.queue = ?"_s, {f.queue});
    if (f.agentId)
        where(u"m.author_id = ?"_s, {*f.agentId});
    if (f.verdict == u"none")
        where(u"r.message_id IS NULL"_s);
    else if (!f.verdict.isEmpty())
        where(u"r.verdict = ?"_s, {f.verdict});
    if (f.spotCheck) {
        where(u"m.outcome = 'as_is' AND r.message_id IS NULL"_s);
        if (f.after)
            where(u"(%1 > ? OR (%1 = ? AND m.id > ?))"_s.arg(kSampleKey),
                  {f.after->first, f.after->first, f.after->second});
        sql += u" ORDER BY "_s + kSampleKey + u", m.id"_s;
    } else {
        if (f.after)
            where(u"(m.created_at < ? OR (m.created_at = ? AND m.id < ?))"_s,
                  {f.after->first, f.after->first, f.after->second});
        sql += u" ORDER BY m.created_at DESC, m.id DESC"_s;
    }
    sql += u" LIMIT %1"_s.arg(f.limit + 1);

    // Database::exec takes an initializer list; this query's parameters vary, so bind here.
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw StorageError(u"prepare failed: %1"_s.arg(q.lastError().text()));
    for (const QVariant &p : std::as_const(params))
        q.addBindValue(p);
    if (!q.exec())
        throw StorageError(u"query failed: %1"_s.arg(q.lastError().text()));
    QList<ReviewItem> items;
    QList<qint64> keys;
    while (q.next()) {
        items.append(itemFromRow(q));
        keys.append(q.value(f.spotCheck ? 22 : 8).toLongLong());
    }
    next->reset();
    if (items.size() > f.limit) {
        items.resize(f.limit);
        *next = std::pair{keys.at(f.limit - 1), items.last().id};
    }
    return items;
}

std::optional<ReviewItem> ReviewRepository::item(qint64 messageId)
{
    QSqlQuery q = m_db.exec(kSelect + u" AND m.id = ?"_s, {messageId});
    if (!q.next())
        return std::nullopt;
    return itemFromRow(q);
}

void ReviewRepository::setVerdict(qint64 messageId, const QString &verdict, const QString &note,
                                  qint64 reviewerId, const QDateTime &at)
{
    m_db.exec(u"INSERT INTO reviews (message_id, verdict, note, reviewer_id, at) VALUES (?, ?, ?, ?, ?)"
              " ON CONFLICT (message_id) DO UPDATE SET verdict = excluded.verdict, note = excluded.note,"
              " reviewer_id = excluded.reviewer_id, at = excluded.at"_s,
              {messageId, verdict, note, reviewerId, toDb(at)});
}

} // namespace tandem::server
