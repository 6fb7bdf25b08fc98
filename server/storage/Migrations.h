#pragma once

#include <QString>

namespace tandem::server {

class Database;

//! Brings a database to the current schema, one numbered step at a time (PRAGMA user_version).
//! Each step runs in its own transaction; a failing step rolls back and stops loudly.
class Migrations
{
public:
    static constexpr int kCurrentVersion = 7;

    explicit Migrations(Database &db) : m_db(db) {}
    //! Returns false (with \a error) when a step fails or the database is newer than this build.
    bool run(QString *error);

private:
    void migrateTo1();
    void migrateTo2();
    void migrateTo3();
    void migrateTo4();
    void migrateTo5();
    void migrateTo6();
    void migrateTo7();
    void execDdl(const QString &ddl);

    Database &m_db;
};

} // namespace tandem::server
