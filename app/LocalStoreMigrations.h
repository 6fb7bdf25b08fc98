#pragma once

#include <QString>

class QSqlDatabase;

namespace tandem::app {

//! The LocalStore schema history: one migrateToN() per `PRAGMA user_version` step. Each step
//! runs in its own transaction together with the version bump; a failure rolls it back and is
//! reported (never just logged), so a half-migrated cache cannot exist.
class LocalStoreMigrations
{
public:
    //! The newest schema version known to this build.
    static constexpr int kLatest = 4;

    //! Brings \a db from its current user_version to kLatest. False with \a error when the file
    //! is from a newer build or a step failed (that step is rolled back; earlier steps stay).
    static bool migrate(QSqlDatabase &db, QString *error);
    //! PRAGMA user_version, -1 when it cannot be read.
    static int userVersion(QSqlDatabase &db);

private:
    static bool migrateTo1(QSqlDatabase &db, QString *error);
    static bool migrateTo2(QSqlDatabase &db, QString *error);
    static bool migrateTo3(QSqlDatabase &db, QString *error);
    static bool migrateTo4(QSqlDatabase &db, QString *error);
};

} // namespace tandem::app
