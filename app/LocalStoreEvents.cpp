// LocalStore: the live event stream's resume point and its batched ticket upserts.
// Split from LocalStore.cpp by responsibility.
#include "LocalStore.h"

#include "SqlTransaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace tandem::app {

qint64 LocalStore::eventSeq() const
{
    QSqlQuery q(database());
    if (!q.exec(u"SELECT value FROM sync_state WHERE key = 'event_seq'"_s) || !q.next())
        return 0;
    bool ok = false;
    const qint64 seq = q.value(0).toString().toLongLong(&ok);
    return ok && seq > 0 ? seq : 0;
}

bool LocalStore::setEventSeq(qint64 seq)
{
    QSqlQuery q(database());
    q.prepare(u"INSERT OR REPLACE INTO sync_state (key, value) VALUES ('event_seq', ?)"_s);
    q.addBindValue(QString::number(std::max<qint64>(0, seq)));
    if (!q.exec())
        return fail(u"cannot save the event stream position"_s, q.lastError().text());
    return true;
}

bool LocalStore::applyEventBatch(const QList<Ticket> &tickets, qint64 seq)
{
    detail::SqlTransaction tx(database());
    if (!tx.isActive())
        return fail(u"cannot begin a transaction"_s, database().lastError().text());
    for (const Ticket &ticket : tickets) {
        if (!upsertTicket(ticket))
            return false;
    }
    if (seq > 0 && !setEventSeq(seq))
        return false;
    if (!tx.commit())
        return fail(u"cannot commit an event batch"_s, database().lastError().text());
    return true;
}

} // namespace tandem::app
