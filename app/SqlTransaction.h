#pragma once

// Internal helpers of LocalStore (not part of the engine's API).

#include <QSqlDatabase>
#include <QSqlQuery>

#include <utility>

namespace tandem::app::detail {

//! Rolls back unless commit() succeeded: every multi-row write is all-or-nothing.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db) : m_db(std::move(db)) { m_active = m_db.transaction(); }
    ~SqlTransaction()
    {
        if (m_active)
            m_db.rollback();
    }
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;
    bool isActive() const { return m_active; }
    bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        if (m_db.commit())
            return true;
        m_db.rollback();
        return false;
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

//! PRAGMA synchronous=FULL for its lifetime (the cache runs with NORMAL): a commit made while it
//! lives is on disk when it returns, even across a power cut. Create it BEFORE a transaction.
class DurableWrites
{
public:
    explicit DurableWrites(QSqlDatabase db) : m_db(std::move(db))
    {
        m_ok = QSqlQuery(m_db).exec(QStringLiteral("PRAGMA synchronous=FULL"));
    }
    ~DurableWrites() { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA synchronous=NORMAL")); }
    DurableWrites(const DurableWrites &) = delete;
    DurableWrites &operator=(const DurableWrites &) = delete;
    bool ok() const { return m_ok; }

private:
    QSqlDatabase m_db;
    bool m_ok = false;
};

} // namespace tandem::app::detail
