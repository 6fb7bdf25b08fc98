#include "QueueRepository.h"

#include "Database.h"

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
Queue fromRow(const QSqlQuery &q)
{
    Queue out;
    out.id = q.value(0).toString();
    out.name = q.value(1).toString();
    out.slaMinutes[static_cast<int>(Priority::Urgent)] = q.value(2).toInt();
    out.slaMinutes[static_cast<int>(Priority::High)] = q.value(3).toInt();
    out.slaMinutes[static_cast<int>(Priority::Normal)] = q.value(4).toInt();
    out.slaMinutes[static_cast<int>(Priority::Low)] = q.value(5).toInt();
    return out;
}
const QString kColumns = u"id, name, sla_urgent_min, sla_high_min, sla_normal_min, sla_low_min"_s;
} // namespace

void QueueRepository::insert(const Queue &q)
{
    m_db.exec(u"INSERT INTO queues ("_s + kColumns + u") VALUES (?, ?, ?, ?, ?, ?)"_s,
              {q.id, q.name, q.slaFor(Priority::Urgent), q.slaFor(Priority::High), q.slaFor(Priority::Normal),
               q.slaFor(Priority::Low)});
}

std::optional<Queue> QueueRepository::queue(const QString &id)
{
    auto q = m_db.run(u"SELECT "_s + kColumns + u" FROM queues WHERE id = ?"_s, {id});
    if (!q->next())
        return std::nullopt;
    return fromRow(*q);
}

QList<Queue> QueueRepository::all()
{
    QSqlQuery q = m_db.exec(u"SELECT "_s + kColumns + u" FROM queues ORDER BY id"_s);
    QList<Queue> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

} // namespace tandem::server
