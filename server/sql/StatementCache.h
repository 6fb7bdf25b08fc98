#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>
#include <optional>
#include <unordered_map>

namespace tandem::server {

//! Prepared statements kept for re-use on one connection, so that SQLite parses and plans a hot
//! statement once instead of on every call (a draft runs a dozen of them; parsing was 11 % of a
//! draft, docs/performance.md "Round 22").
//!
//! A statement is lent out as a Lease and comes back, reset, when the lease ends. Asking for a
//! statement that is out (a caller still reading it) prepares a fresh one for the new caller,
//! so nested use of the same SQL stays correct; so does SQL the cache has no room for. Only
//! statements whose text is fixed belong here (not ones with inlined values).
class StatementCache
{
public:
    class Lease
    {
    public:
        Lease(Lease &&other) noexcept;
        Lease &operator=(Lease &&) = delete;
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        ~Lease();

        QSqlQuery &operator*() { return *m_query; }
        QSqlQuery *operator->() { return m_query; }
        //! False when the statement did not prepare (lastError() says why).
        bool isPrepared() const { return m_prepared; }

    private:
        friend class StatementCache;
        Lease(QSqlQuery *query, bool *busy, bool prepared);
        explicit Lease(const QSqlDatabase &db, const QString &sql);

        std::optional<QSqlQuery> m_own; // not cached: this lease's own statement
        QSqlQuery *m_query = nullptr;
        bool *m_busy = nullptr; // the cached slot's flag, cleared when the lease ends
        bool m_prepared = false;
    };

    explicit StatementCache(QSqlDatabase db, std::size_t capacity = 96);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    //! \a sql prepared (forward only) and not yet executed.
    Lease prepare(const QString &sql);
    //! Prepared, bound positionally and executed; check lastError() on the lease when it matters.
    //! A null QString is bound as "" (text columns hold "", not NULL); pass QVariant() for NULL.
    Lease run(const QString &sql, const QVariantList &params, bool *ok = nullptr);

    //! Drops every statement that is not lent out (before the connection closes).
    void clear();
    std::size_t size() const { return m_slots.size(); }

    //! Binds \a params positionally the way run() does.
    static void bind(QSqlQuery &query, const QVariantList &params);

private:
    struct Slot
    {
        QSqlQuery query;
        bool busy = false;
        bool prepared = false;
    };

    QSqlDatabase m_db;
    std::size_t m_capacity;
    std::unordered_map<QString, std::unique_ptr<Slot>> m_slots;
};

} // namespace tandem::server
