// LocalStore: the outbox table (queued replies). Split from LocalStore.cpp by responsibility.
#include "LocalStore.h"

#include "SqlTransaction.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"
#include "core/Logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace tandem::app {

namespace {

const QString kOutboxColumns =
    u"id, ticket_id, idempotency_key, body, base_version, state, error, created_at, attempts"_s;

std::optional<OutboxItem> outboxItemFromQuery(const QSqlQuery &q, QString *error)
{
    OutboxItem item;
    item.id = q.value(0).toLongLong();
    item.ticketId = q.value(1).toLongLong();
    item.idempotencyKey = q.value(2).toString();
    const auto object = json::parseObject(q.value(3).toByteArray(), error);
    const auto request = object ? json::replyRequestFromJson(*object, error) : std::nullopt;
    if (!request)
        return std::nullopt;
    item.request = *request;
    item.baseVersion = q.value(4).toLongLong();
    item.state = outboxStateFromString(q.value(5).toString()).value_or(OutboxState::Queued);
    item.error = q.value(6).toString();
    item.createdAt = parseTime(q.value(7).toString());
    item.attempts = q.value(8).toInt();
    return item;
}

} // namespace

std::optional<qint64> LocalStore::insertOutboxItem(qint64 ticketId, const QString &idempotencyKey,
                                                   const ReplyRequest &request, qint64 baseVersion)
{
    // The reply must be on disk before it can reach the server: a power cut right after the
    // send must not lose it. FULL costs one extra fsync per outbox write only.
    detail::DurableWrites durable(database());
    if (!durable.ok()) {
        fail(u"cannot make the outbox write durable"_s, database().lastError().text());
        return std::nullopt;
    }
    QSqlQuery q(database());
    q.prepare(u"INSERT INTO outbox (ticket_id, idempotency_key, body, base_version, state, created_at) "
              u"VALUES (?,?,?,?,'queued',?)"_s);
    q.addBindValue(ticketId);
    q.addBindValue(idempotencyKey);
    q.addBindValue(QString::fromUtf8(json::serialize(json::toJson(request))));
    q.addBindValue(baseVersion);
    q.addBindValue(formatTime(QDateTime::currentDateTimeUtc()));
    if (!q.exec()) {
        fail(u"cannot queue the reply to ticket %1"_s.arg(ticketId), q.lastError().text());
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

QList<OutboxItem> LocalStore::outboxItems() const
{
    QList<OutboxItem> out;
    QSqlQuery q(database());
    if (!q.exec(u"SELECT "_s + kOutboxColumns + u" FROM outbox ORDER BY id"_s)) {
        fail(u"cannot read the outbox"_s, q.lastError().text());
        return out;
    }
    while (q.next()) {
        QString error;
        if (auto item = outboxItemFromQuery(q, &error))
            out.append(*item);
        else
            fail(u"unreadable outbox row %1"_s.arg(q.value(0).toLongLong()), error);
    }
    return out;
}

std::optional<OutboxItem> LocalStore::outboxItem(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT "_s + kOutboxColumns + u" FROM outbox WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    QString error;
    auto item = outboxItemFromQuery(q, &error);
    if (!item)
        fail(u"unreadable outbox row %1"_s.arg(id), error);
    return item;
}

bool LocalStore::setOutboxState(qint64 id, OutboxState state, const QString &error, bool countAttempt)
{
    detail::DurableWrites durable(database());
    QSqlQuery q(database());
    q.prepare(u"UPDATE outbox SET state = ?, error = ?, attempts = attempts + ? WHERE id = ?"_s);
    q.addBindValue(toString(state));
    q.addBindValue(error.isNull() ? u""_s : error); // the column is NOT NULL
    q.addBindValue(countAttempt ? 1 : 0);
    q.addBindValue(id);
    if (!q.exec())
        return fail(u"cannot update outbox row %1"_s.arg(id), q.lastError().text());
    return q.numRowsAffected() == 1 || fail(u"cannot update outbox row %1"_s.arg(id), u"no such row"_s);
}

bool LocalStore::rebaseOutboxItem(qint64 id, qint64 baseVersion, const QString &idempotencyKey)
{
    detail::DurableWrites durable(database());
    QSqlQuery q(database());
    q.prepare(u"UPDATE outbox SET base_version = ?, idempotency_key = ?, state = 'queued', error = '' "
              u"WHERE id = ?"_s);
    q.addBindValue(baseVersion);
    q.addBindValue(idempotencyKey);
    q.addBindValue(id);
    if (!q.exec())
        return fail(u"cannot rebase outbox row %1"_s.arg(id), q.lastError().text());
    return q.numRowsAffected() == 1 || fail(u"cannot rebase outbox row %1"_s.arg(id), u"no such row"_s);
}

bool LocalStore::removeOutboxItem(qint64 id)
{
    detail::DurableWrites durable(database());
    return deleteOutboxRow(id);
}

bool LocalStore::deleteOutboxRow(qint64 id)
{
    QSqlQuery q(database());
    q.prepare(u"DELETE FROM outbox WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return fail(u"cannot remove outbox row %1"_s.arg(id), q.lastError().text());
    return true;
}

bool LocalStore::completeOutboxItem(qint64 id, const Message &message,
                                    std::optional<std::pair<qint64, qint64>> rebase)
{
    detail::DurableWrites durable(database());
    QSqlDatabase db = database();
    detail::SqlTransaction tx(db);
    if (!tx.isActive())
        return fail(u"cannot begin a transaction"_s, db.lastError().text());
    qint64 ticketId = message.ticketId;
    {
        QSqlQuery q(db);
        q.prepare(u"SELECT ticket_id FROM outbox WHERE id = ?"_s);
        q.addBindValue(id);
        if (q.exec() && q.next())
            ticketId = q.value(0).toLongLong();
    }
    Message stored = message;
    if (stored.ticketId == 0)
        stored.ticketId = ticketId;
    if (!deleteOutboxRow(id) || !insertMessage(stored))
        return false;
    if (rebase && rebase->first > 0 && rebase->second > rebase->first) {
        QSqlQuery q(db);
        q.prepare(u"UPDATE outbox SET base_version = ? WHERE ticket_id = ? AND base_version = ? AND id > ? "
                  u"AND state IN ('queued', 'sending')"_s);
        q.addBindValue(rebase->second);
        q.addBindValue(ticketId);
        q.addBindValue(rebase->first);
        q.addBindValue(id);
        if (!q.exec())
            return fail(u"cannot rebase the replies after outbox row %1"_s.arg(id), q.lastError().text());
        // The cached ticket moves on with it: a reply the agent writes next is based on the
        // version that includes this one. Its other fields follow with the pushed event (an
        // upsert of the same version overwrites them).
        q.prepare(u"UPDATE tickets SET version = ? WHERE id = ? AND version = ?"_s);
        q.addBindValue(rebase->second);
        q.addBindValue(ticketId);
        q.addBindValue(rebase->first);
        if (!q.exec())
            return fail(u"cannot update the version of ticket %1"_s.arg(ticketId), q.lastError().text());
    }
    if (!tx.commit())
        return fail(u"cannot commit the sent reply"_s, db.lastError().text());
    return true;
}

} // namespace tandem::app
