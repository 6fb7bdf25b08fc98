#pragma once

#include "server/sql/StatementCache.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <memory>
#include <stdexcept>

namespace tandem::server {

//! Thrown by storage code when the database fails; the HTTP layer turns it into a 500.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message) : std::runtime_error(message.toStdString()) {}
};

//! One database connection with its SQL dialect. Repositories write portable SQL through it;
//! the few dialect differences (DDL, transaction start) live here and in Migrations.
class Database
{
public:
    enum class Dialect
    {
        Sqlite,
        Postgres
    };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    //! Opens (creating if needed) an SQLite file with WAL and a busy timeout.
    bool openSqlite(const QString &path, QString *error);
    void close();

    Dialect dialect() const { return m_dialect; }
    QSqlDatabase &connection() { return m_db; }

    //! Prepares, binds positionally and executes; throws StorageError on failure.
    //! Pass QVariant() for SQL NULL; a null QString is stored as "".
    QSqlQuery exec(const QString &sql, std::initializer_list<QVariant> params = {});
    //! exec() for the hot statements of fixed text: prepared once per connection and re-used
    //! (StatementCache). Read the rows before the lease ends; throws StorageError on failure.
    StatementCache::Lease run(const QString &sql, std::initializer_list<QVariant> params = {});
    //! Runs a statement and returns the first column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql, std::initializer_list<QVariant> params = {});

    int userVersion();
    void setUserVersion(int version);

    void begin();
    void commit();
    //! Called after every outermost COMMIT (e.g. to wake the event stream).
    void setCommitHook(std::function<void()> hook) { m_commitHook = std::move(hook); }
    void rollback();

private:
    void rollbackNow();

    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
    QString m_connectionName;
    int m_depth = 0; // nested Transactions join the outermost one
    std::function<void()> m_commitHook;
    bool m_rollbackOnly = false; // an inner Transaction failed: the outer one must not commit
    Dialect m_dialect = Dialect::Sqlite;
};

//! RAII write transaction: rolls back unless commit() was called. Nested ones join the outer one.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db) { m_db.begin(); }
    ~Transaction()
    {
        if (!m_done)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit()
    {
        m_db.commit();
        m_done = true;
    }

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace tandem::server
