#include "TicketRepository.h"

#include "Database.h"
#include "SqlTime.h"

#include "core/JsonCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

const QString kTicketColumns =
    u"id, subject, status, priority, queue, customer_name, customer_email, customer_language, assignee_id,"
    " tags, created_at, updated_at, sla_due_at, version, intent, sentiment, language, needs_human,"
    " needs_human_reason, change_seq,"
    " (SELECT d.confidence FROM drafts d WHERE d.ticket_id = tickets.id AND d.state = 'active'"
    "  ORDER BY d.id DESC LIMIT 1), needs_human_codes"_s;

const QString kDraftColumns =
    u"id, ticket_id, body, confidence, intent, language, citations, flags, engine, created_at"_s;

QString tagsToDb(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFromDb(const QString &text)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

Ticket ticketFromRow(const QSqlQuery &q)
{
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.subject = q.value(1).toString();
    t.status = ticketStatusFromString(q.value(2).toString()).value_or(TicketStatus::New);
    t.priority = priorityFromString(q.value(3).toString()).value_or(Priority::Normal);
    t.queue = q.value(4).toString();
    t.customer = {q.value(5).toString(), q.value(6).toString(), q.value(7).toString()};
    if (!q.value(8).isNull())
        t.assigneeId = q.value(8).toLongLong();
    t.tags = tagsFromDb(q.value(9).toString());
    t.createdAt = timeFromDb(q.value(10));
    t.updatedAt = timeFromDb(q.value(11));
    t.slaDueAt = timeFromDb(q.value(12));
    t.version = q.value(13).toLongLong();
    t.intent = q.value(14).toString();
    t.sentiment = q.value(15).toString();
    t.language = q.value(16).toString();
    t.needsHuman = q.value(17).toInt() != 0;
    t.needsHumanReason = q.value(18).toString();
    if (!q.value(20).isNull())
        t.draftConfidence = q.value(20).toDouble();
    t.needsHumanCodes = tagsFromDb(q.value(21).toString());
    return t;
}

const QString kMessageColumns =
    u"id, ticket_id, author_kind, author_id, author_name, body, internal, created_at"_s;

Message messageFromRow(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.ticketId = q.value(1).toLongLong();
    m.author.kind = authorKindFromString(q.value(2).toString()).value_or(AuthorKind::System);
    if (!q.value(3).isNull())
        m.author.id = q.value(3).toLongLong();
    m.author.name = q.value(4).toString();
    m.body = q.value(5).toString();
    m.internal = q.value(6).toInt() != 0;
    m.createdAt = timeFromDb(q.value(7));
    return m;
}

QString listToDb(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Draft draftFromRow(const QSqlQuery &q)
{
    Draft d;
    d.id = q.value(0).toLongLong();
    d.ticketId = q.value(1).toLongLong();
    d.body = q.value(2).toString();
    d.confidence = q.value(3).toDouble();
    d.intent = q.value(4).toString();
    d.language = q.value(5).toString();
    // Stored by us through the same codec; decode through it so the shapes cannot drift.
    QJsonObject wrapper{{u"id"_s, 0},
                        {u"body"_s, QString()},
                        {u"confidence"_s, 0.0},
                        {u"engine"_s, QString()},
                        {u"created_at"_s, u"1970-01-01T00:00:00.000Z"_s},
                        {u"citations"_s, QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array()},
                        {u"flags"_s, QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array()}};
    if (auto decoded = json::draftFromJson(wrapper, nullptr)) {
        d.citations = decoded->citations;
        d.flags = decoded->flags;
    }
    d.engine = q.value(8).toString();
    d.createdAt = timeFromDb(q.value(9));
    return d;
}

} // namespace

qint64 TicketRepository::insertTicket(const Ticket &t)
{
    auto q =
        m_db.run(u"INSERT INTO tickets (subject, status, priority, queue, customer_name, customer_email,"
                 " customer_language, assignee_id, tags, created_at, updated_at, sla_due_at, version, "
                 "intent, sentiment,"
                 " language, needs_human, needs_human_reason, needs_human_codes, change_seq)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id"_s,
                 {t.subject, toString(t.status), toString(t.priority), t.queue, t.customer.name,
                  t.customer.email, t.customer.language, nullableId(t.assigneeId), tagsToDb(t.tags),
                  toDb(t.createdAt), toDb(t.updatedAt), toDb(t.slaDueAt), t.version, t.intent, t.sentiment,
                  t.language, t.needsHuman ? 1 : 0, t.needsHumanReason, tagsToDb(t.needsHumanCodes)});
    if (!q->next())
        throw StorageError(u"insert ticket returned no id"_s);
    return q->value(0).toLongLong();
}

std::optional<Ticket> TicketRepository::ticket(qint64 id)
{
    auto q = m_db.run(u"SELECT "_s + kTicketColumns + u" FROM tickets WHERE id = ?"_s, {id});
    if (!q->next())
        return std::nullopt;
    return ticketFromRow(*q);
}

void TicketRepository::updateTicket(const Ticket &t)
{
    m_db.run(
        u"UPDATE tickets SET subject = ?, status = ?, priority = ?, queue = ?, assignee_id = ?, tags = ?,"
        " sla_due_at = ?, intent = ?, sentiment = ?, language = ?, needs_human = ?, needs_human_reason = ?,"
        " needs_human_codes = ? WHERE id = ?"_s,
        {t.subject, toString(t.status), toString(t.priority), t.queue, nullableId(t.assigneeId),
         tagsToDb(t.tags), toDb(t.slaDueAt), t.intent, t.sentiment, t.language, t.needsHuman ? 1 : 0,
         t.needsHumanReason, tagsToDb(t.needsHumanCodes), t.id});
}

QList<Ticket> TicketRepository::customerTickets(const QString &email, qint64 excludeId,
                                                const QDateTime &since, int limit)
{
    QList<Ticket> out;
    if (email.trimmed().isEmpty())
        return out;
    auto q = m_db.run(u"SELECT "_s + kTicketColumns +
                          u" FROM tickets WHERE customer_email = ? AND id <> ? AND created_at >= ?"
                          " ORDER BY created_at DESC, id DESC LIMIT ?"_s,
                      {email.trimmed(), excludeId, toDb(since), limit});
    while (q->next())
        out.prepend(ticketFromRow(*q));
    return out;
}

void TicketRepository::setSolvedAt(qint64 ticketId, const QDateTime &at)
{
    m_db.run(u"UPDATE tickets SET solved_at = ? WHERE id = ?"_s, {toDb(at), ticketId});
}

qint64 TicketRepository::recordChange(qint64 ticketId, const QString &type, const QDateTime &at,
                                      bool bumpVersion, const QJsonObject &payload)
{
    auto e = m_db.run(u"INSERT INTO events (type, ticket_id, payload, created_at) VALUES (?, ?, ?, ?)"
                      " RETURNING seq"_s,
                      {type, ticketId, QString::fromUtf8(json::serialize(payload)), toDb(at)});
    if (!e->next())
        throw StorageError(u"insert event returned no seq"_s);
    const qint64 seq = e->value(0).toLongLong();
    auto u = m_db.run(u"UPDATE tickets SET change_seq = ?, updated_at = ?, version = version + ?"
                      " WHERE id = ? RETURNING version"_s,
                      {seq, toDb(at), bumpVersion ? 1 : 0, ticketId});
    if (!u->next())
        throw StorageError(u"change recorded for unknown ticket %1"_s.arg(ticketId));
    return u->value(0).toLongLong();
}

QList<Ticket> TicketRepository::changedAfter(qint64 afterSeq, int limit, qint64 *lastSeq, bool *hasMore)
{
    auto q = m_db.run(u"SELECT "_s + kTicketColumns +
                          u" FROM tickets WHERE change_seq > ? ORDER BY change_seq LIMIT ?"_s,
                      {afterSeq, limit + 1});
    QList<Ticket> out;
    *lastSeq = afterSeq;
    *hasMore = false;
    while (q->next()) {
        if (out.size() == limit) {
            *hasMore = true;
            break;
        }
        out.append(ticketFromRow(*q));
        *lastSeq = q->value(19).toLongLong();
    }
    return out;
}

qint64 TicketRepository::ticketCount()
{
    return m_db.scalar(u"SELECT COUNT(*) FROM tickets"_s).toLongLong();
}

qint64 TicketRepository::insertMessage(const Message &m, std::optional<qint64> draftId,
                                       const QString &outcome, std::optional<int> editDistance)
{
    auto q = m_db.run(
        u"INSERT INTO messages (ticket_id, author_kind, author_id, author_name, body, internal, created_at,"
        " draft_id, outcome, edit_distance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {m.ticketId, toString(m.author.kind), nullableId(m.author.id), m.author.name, m.body,
         m.internal ? 1 : 0, toDb(m.createdAt), nullableId(draftId),
         outcome.isEmpty() ? QVariant() : QVariant(outcome),
         editDistance ? QVariant(*editDistance) : QVariant()});
    if (!q->next())
        throw StorageError(u"insert message returned no id"_s);
    return q->value(0).toLongLong();
}

QList<Message> TicketRepository::messages(qint64 ticketId)
{
    auto q = m_db.run(u"SELECT "_s + kMessageColumns + u" FROM messages WHERE ticket_id = ? ORDER BY id"_s,
                      {ticketId});
    QList<Message> out;
    while (q->next())
        out.append(messageFromRow(*q));
    return out;
}

QHash<qint64, QList<Message>> TicketRepository::messagesOf(const QList<qint64> &ticketIds)
{
    QHash<qint64, QList<Message>> out;
    if (ticketIds.isEmpty())
        return out;
    // Integers only, so they can stand in the statement itself (Database::exec binds a fixed list).
    QStringList ids;
    for (const qint64 id : ticketIds)
        ids.append(QString::number(id));
    QSqlQuery q = m_db.exec(u"SELECT "_s + kMessageColumns + u" FROM messages WHERE ticket_id IN ("_s +
                            ids.join(u',') + u") ORDER BY ticket_id, id"_s);
    while (q.next()) {
        Message m = messageFromRow(q);
        out[m.ticketId].append(std::move(m));
    }
    return out;
}

qint64 TicketRepository::insertDraft(const Draft &d)
{
    m_db.run(u"UPDATE drafts SET state = 'superseded' WHERE ticket_id = ? AND state = 'active'"_s,
             {d.ticketId});
    QJsonArray citations;
    for (const Citation &c : d.citations)
        citations.append(json::toJson(c));
    QJsonArray flags;
    for (const DraftFlag &f : d.flags)
        flags.append(json::toJson(f));
    auto q =
        m_db.run(u"INSERT INTO drafts (ticket_id, body, confidence, intent, language, citations, flags,"
                 " engine, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active') RETURNING id"_s,
                 {d.ticketId, d.body, d.confidence, d.intent, d.language, listToDb(citations),
                  listToDb(flags), d.engine, toDb(d.createdAt)});
    if (!q->next())
        throw StorageError(u"insert draft returned no id"_s);
    return q->value(0).toLongLong();
}

void TicketRepository::saveEscalationSignals(qint64 ticketId, const QJsonObject &signalsJson)
{
    m_db.run(u"INSERT INTO draft_signals (ticket_id, signals) VALUES (?, ?)"
             " ON CONFLICT (ticket_id) DO UPDATE SET signals = excluded.signals"_s,
             {ticketId, QString::fromUtf8(QJsonDocument(signalsJson).toJson(QJsonDocument::Compact))});
}

std::optional<Draft> TicketRepository::activeDraft(qint64 ticketId)
{
    auto q = m_db.run(u"SELECT "_s + kDraftColumns +
                          u" FROM drafts WHERE ticket_id = ? AND state = 'active' ORDER BY id DESC LIMIT 1"_s,
                      {ticketId});
    if (!q->next())
        return std::nullopt;
    return draftFromRow(*q);
}

std::optional<Draft> TicketRepository::draft(qint64 id)
{
    auto q = m_db.run(u"SELECT "_s + kDraftColumns + u" FROM drafts WHERE id = ?"_s, {id});
    if (!q->next())
        return std::nullopt;
    return draftFromRow(*q);
}

void TicketRepository::decideDraft(qint64 draftId, const QString &state, const QString &outcome,
                                   qint64 userId, const QDateTime &at)
{
    m_db.run(u"UPDATE drafts SET state = ?, outcome = ?, decided_by = ?, decided_at = ? WHERE id = ?"_s,
             {state, outcome, userId, toDb(at), draftId});
}

} // namespace tandem::server
