#include "Database.h"

#include "core/Logging.h"

#include <QAtomicInteger>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
QAtomicInteger<quint64> s_connectionCounter;
}

Database::Database() : m_connectionName(u"tandemd-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1))) {}

Database::~Database()
{
    close();
}

bool Database::openSqlite(const QString &path, QString *error)
{
    m_dialect = Dialect::Sqlite;
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!m_db.open()) {
        if (error)
            *error = u"cannot open database %1: %2"_s.arg(path, m_db.lastError().text());
        return false;
    }
    m_statements = std::make_unique<StatementCache>(m_db);
    try {
        const QString mode = scalar(u"PRAGMA journal_mode=WAL"_s).toString();
        if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0)
            tandem::logging::get("db")->warn("journal_mode is {}, not WAL", mode.toStdString());
        exec(u"PRAGMA foreign_keys=ON"_s);
        exec(u"PRAGMA synchronous=NORMAL"_s);
    } catch (const StorageError &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void Database::close()
{
    if (!m_db.isValid())
        return;
    m_statements.reset();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlQuery Database::exec(const QString &sql, std::initializer_list<QVariant> params)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw StorageError(u"prepare failed: %1 [%2]"_s.arg(query.lastError().text(), sql.left(120)));
    // A null QString is bound as "" (text columns hold "", not NULL); QVariant() is NULL.
    StatementCache::bind(query, QVariantList(params));
    if (!query.exec())
        throw StorageError(u"query failed: %1 [%2]"_s.arg(query.lastError().text(), sql.left(120)));
    return query;
}

StatementCache::Lease Database::run(const QString &sql, std::initializer_list<QVariant> params)
{
    if (!m_statements)
        throw StorageError(u"the database is not open [%1]"_s.arg(sql.left(120)));
    bool ok = false;
    StatementCache::Lease q = m_statements->run(sql, QVariantList(params), &ok);
    if (!ok)
        throw StorageError(u"query failed: %1 [%2]"_s.arg(q->lastError().text(), sql.left(120)));
    return q;
}

QVariant Database::scalar(const QString &sql, std::initializer_list<QVariant> params)
{
    QSqlQuery query = exec(sql, params);
    return query.next() ? query.value(0) : QVariant();
}

int Database::userVersion()
{
    if (m_dialect == Dialect::Sqlite)
        return scalar(u"PRAGMA user_version"_s).toInt();
    return scalar(u"SELECT version FROM schema_version"_s).toInt();
}

void Database::setUserVersion(int version)
{
    // PRAGMA takes no bound parameters; the value is an int we produced ourselves.
    if (m_dialect == Dialect::Sqlite)
        exec(u"PRAGMA user_version=%1"_s.arg(version));
    else
        exec(u"UPDATE schema_version SET version=?"_s, {version});
}

void Database::begin()
{
    if (m_depth++ > 0)
        return;
    m_rollbackOnly = false;
    // IMMEDIATE takes the write lock up front, so two tandemd processes on one file
    // serialize instead of failing with SQLITE_BUSY at commit.
    exec(m_dialect == Dialect::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
}

void Database::commit()
{
    if (--m_depth > 0)
        return;
    if (m_rollbackOnly) {
        rollbackNow();
        throw StorageError(u"an inner transaction failed; everything was rolled back"_s);
    }
    exec(u"COMMIT"_s);
    if (m_commitHook)
        m_commitHook();
}

void Database::rollback()
{
    if (--m_depth > 0) {
        m_rollbackOnly = true;
        return;
    }
    rollbackNow();
}

void Database::rollbackNow()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"ROLLBACK"_s))
        tandem::logging::get("db")->error("rollback failed: {}", query.lastError().text().toStdString());
}

} // namespace tandem::server
