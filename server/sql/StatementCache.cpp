#include "StatementCache.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace tandem::server {

StatementCache::Lease::Lease(QSqlQuery *query, bool *busy, bool prepared)
    : m_query(query), m_busy(busy), m_prepared(prepared)
{
    if (m_busy)
        *m_busy = true;
}

StatementCache::Lease::Lease(const QSqlDatabase &db, const QString &sql) : m_own(std::in_place, db)
{
    m_own->setForwardOnly(true);
    m_prepared = m_own->prepare(sql);
    m_query = &*m_own;
}

StatementCache::Lease::Lease(Lease &&other) noexcept
    : m_own(std::move(other.m_own)), m_query(other.m_query), m_busy(std::exchange(other.m_busy, nullptr)),
      m_prepared(other.m_prepared)
{
    if (m_own)
        m_query = &*m_own;
    other.m_query = nullptr;
}

StatementCache::Lease::~Lease()
{
    if (!m_busy)
        return;
    // Reset, not finalized: the statement stays prepared for the next caller, and an unfinished
    // read holds no snapshot open.
    m_query->finish();
    *m_busy = false;
}

StatementCache::StatementCache(QSqlDatabase db, std::size_t capacity)
    : m_db(std::move(db)), m_capacity(capacity)
{}

StatementCache::~StatementCache() = default;

StatementCache::Lease StatementCache::prepare(const QString &sql)
{
    auto it = m_slots.find(sql);
    if (it == m_slots.end()) {
        if (m_slots.size() >= m_capacity)
            return Lease(m_db, sql);
        auto slot = std::make_unique<Slot>();
        slot->query = QSqlQuery(m_db);
        slot->query.setForwardOnly(true);
        slot->prepared = slot->query.prepare(sql);
        if (!slot->prepared)
            return Lease(m_db, sql); // not kept: the caller reads the error from its own statement
        it = m_slots.emplace(sql, std::move(slot)).first;
    }
    Slot &slot = *it->second;
    if (slot.busy)
        return Lease(m_db, sql);
    return Lease(&slot.query, &slot.busy, slot.prepared);
}

StatementCache::Lease StatementCache::run(const QString &sql, const QVariantList &params, bool *ok)
{
    Lease lease = prepare(sql);
    bool done = lease.isPrepared();
    if (done) {
        bind(*lease, params);
        done = lease->exec();
    }
    if (ok)
        *ok = done;
    return lease;
}

void StatementCache::clear()
{
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        if (it->second->busy)
            ++it;
        else
            it = m_slots.erase(it);
    }
}

void StatementCache::bind(QSqlQuery &query, const QVariantList &params)
{
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QVariant &p = params.at(i);
        if (p.typeId() == QMetaType::QString && p.toString().isNull())
            query.bindValue(int(i), QString(u""_s));
        else
            query.bindValue(int(i), p);
    }
}

} // namespace tandem::server
