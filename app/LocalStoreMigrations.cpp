#include "LocalStoreMigrations.h"

#include "core/Logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace tandem::app {

namespace {

bool execAll(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    for (const QString &statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            *error = query.lastError().text() + u" (in: "_s + statement.simplified().left(80) + u')';
            return false;
        }
    }
    return true;
}

} // namespace

int LocalStoreMigrations::userVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool LocalStoreMigrations::migrate(QSqlDatabase &db, QString *error)
{
    const auto log = logging::get("db");
    const int current = userVersion(db);
    if (current < 0) {
        *error = u"cannot read the schema version"_s;
        return false;
    }
    if (current > kLatest) {
        *error =
            u"the cache was written by a newer Tandem (schema %1; this build knows up to %2)"_s.arg(current)
                .arg(kLatest);
        return false;
    }
    using Step = bool (*)(QSqlDatabase &, QString *);
    static constexpr Step steps[] = {&LocalStoreMigrations::migrateTo1, &LocalStoreMigrations::migrateTo2,
                                     &LocalStoreMigrations::migrateTo3, &LocalStoreMigrations::migrateTo4};
    static_assert(std::size(steps) == kLatest);

    for (int target = current + 1; target <= kLatest; ++target) {
        if (!db.transaction()) {
            *error = u"migration to schema %1: cannot begin a transaction: %2"_s.arg(target).arg(
                db.lastError().text());
            return false;
        }
        QString stepError;
        bool ok = steps[target - 1](db, &stepError);
        if (ok)
            ok = execAll(db, {u"PRAGMA user_version = %1"_s.arg(target)}, &stepError);
        if (ok && !db.commit()) {
            ok = false;
            stepError = db.lastError().text();
        }
        if (!ok) {
            db.rollback();
            *error = u"migration to schema %1 failed and was rolled back: %2"_s.arg(target).arg(stepError);
            log->error("{}", error->toStdString());
            return false;
        }
        log->info("local store migrated to schema {}", target);
    }
    return true;
}

// Schema 1: the read cache (tickets, threads, users, sync cursor).
bool LocalStoreMigrations::migrateTo1(QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       uR"(CREATE TABLE tickets (
                id INTEGER PRIMARY KEY,
                subject TEXT NOT NULL,
                status TEXT NOT NULL,
                priority TEXT NOT NULL,
                queue TEXT NOT NULL,
                customer_name TEXT NOT NULL,
                customer_email TEXT NOT NULL,
                customer_language TEXT NOT NULL,
                assignee_id INTEGER,
                tags TEXT NOT NULL DEFAULT '[]',
                created_at TEXT,
                updated_at TEXT,
                sla_due_at TEXT,
                version INTEGER NOT NULL,
                intent TEXT NOT NULL DEFAULT '',
                sentiment TEXT NOT NULL DEFAULT '',
                language TEXT NOT NULL DEFAULT '',
                needs_human INTEGER NOT NULL DEFAULT 0,
                needs_human_reason TEXT NOT NULL DEFAULT ''))"_s,
                       uR"(CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL,
                author_kind TEXT NOT NULL,
                author_id INTEGER,
                author_name TEXT NOT NULL,
                body TEXT NOT NULL,
                internal INTEGER NOT NULL DEFAULT 0,
                created_at TEXT))"_s,
                       u"CREATE INDEX messages_by_ticket ON messages(ticket_id, created_at)"_s,
                       u"CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                       uR"(CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                role TEXT NOT NULL))"_s,
                   },
                   error);
}

// Schema 2: drafts, the outbox, the editor autosave, and when a ticket's thread was fetched.
bool LocalStoreMigrations::migrateTo2(QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       u"ALTER TABLE tickets ADD COLUMN detail_fetched_at TEXT"_s,
                       u"CREATE INDEX tickets_by_update ON tickets(updated_at)"_s,
                       uR"(CREATE TABLE drafts (
                ticket_id INTEGER PRIMARY KEY,
                id INTEGER NOT NULL,
                confidence REAL NOT NULL,
                json TEXT NOT NULL))"_s,
                       uR"(CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                ticket_id INTEGER NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL,
                base_version INTEGER NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'conflict', 'failed')),
                error TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0))"_s,
                       uR"(CREATE TABLE draft_autosave (
                ticket_id INTEGER PRIMARY KEY,
                text TEXT NOT NULL,
                updated_at TEXT NOT NULL))"_s,
                   },
                   error);
}

// Schema 3: why a ticket needs a person, as the codes of core/ReasonCodes.h (a JSON array, most
// serious first). Older rows get "[]": the next change of the ticket brings its codes.
bool LocalStoreMigrations::migrateTo3(QSqlDatabase &db, QString *error)
{
    return execAll(db, {u"ALTER TABLE tickets ADD COLUMN needs_human_codes TEXT NOT NULL DEFAULT '[]'"_s},
                   error);
}

// Schema 4: the list's draft confidence kept with the ticket (the inbox column without opening
// each ticket); seeded from the drafts already fetched, the rest arrives with the next changes.
bool LocalStoreMigrations::migrateTo4(QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {u"ALTER TABLE tickets ADD COLUMN draft_confidence REAL"_s,
                    u"UPDATE tickets SET draft_confidence = "
                    u"(SELECT confidence FROM drafts WHERE drafts.ticket_id = tickets.id)"_s},
                   error);
}

} // namespace tandem::app
