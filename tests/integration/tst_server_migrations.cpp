// Schema migrations: from nothing, and from a database of the first schema (a checked-in fixture).
#include "TestServer.h"

#include "server/storage/Database.h"
#include "server/storage/Migrations.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tandem::server::Database;
using tandem::server::Migrations;

namespace {
bool loadFixture(const QString &dbPath, QString *error)
{
    QFile file(QStringLiteral(TANDEM_FIXTURES) + u"/schema_v1.sql"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"fixture missing"_s;
        return false;
    }
    Database db;
    if (!db.openSqlite(dbPath, error))
        return false;
    const QString script = QString::fromUtf8(file.readAll());
    for (const QString &statement : script.split(u";\n"_s, Qt::SkipEmptyParts)) {
        QString sql;
        for (const QString &line : statement.split(u'\n')) {
            if (!line.trimmed().startsWith(u"--"_s))
                sql += line + u'\n';
        }
        if (sql.trimmed().isEmpty())
            continue;
        QSqlQuery q(db.connection());
        if (!q.exec(sql)) {
            *error = q.lastError().text() + u" in: "_s + sql.left(80);
            return false;
        }
    }
    return true;
}

QStringList columns(Database &db, const QString &table)
{
    QStringList out;
    QSqlQuery q = db.exec(u"PRAGMA table_info(%1)"_s.arg(table));
    while (q.next())
        out.append(q.value(1).toString());
    return out;
}
} // namespace

class TestServerMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEmptyDatabase()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY2(db.openSqlite(dir.filePath(u"empty.db"_s), &error), qPrintable(error));
        QCOMPARE(db.userVersion(), 0);
        QVERIFY2(Migrations(db).run(&error), qPrintable(error));
        QCOMPARE(db.userVersion(), Migrations::kCurrentVersion);
        QCOMPARE(db.scalar(u"PRAGMA journal_mode"_s).toString().toLower(), u"wal"_s);
        QVERIFY(columns(db, u"drafts"_s).contains(u"outcome"_s));
        QVERIFY(columns(db, u"messages"_s).contains(u"edit_distance"_s));
        // Running again is a no-op.
        QVERIFY2(Migrations(db).run(&error), qPrintable(error));
        QCOMPARE(db.userVersion(), Migrations::kCurrentVersion);
    }

    void fromFirstSchemaFixtureKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v1.db"_s);
        QString error;
        QVERIFY2(loadFixture(path, &error), qPrintable(error));
        Database db;
        QVERIFY2(db.openSqlite(path, &error), qPrintable(error));
        QCOMPARE(db.userVersion(), 1);
        QVERIFY2(Migrations(db).run(&error), qPrintable(error));
        QCOMPARE(db.userVersion(), Migrations::kCurrentVersion);
        QCOMPARE(db.scalar(u"SELECT COUNT(*) FROM tickets"_s).toInt(), 1);
        QCOMPARE(db.scalar(u"SELECT body FROM messages WHERE id = 1"_s).toString(),
                 u"Varför fick jag en förseningsavgift?"_s);
        QVERIFY(db.scalar(u"SELECT outcome FROM drafts WHERE id = 1"_s).isNull());
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.openSqlite(dir.filePath(u"future.db"_s), &error));
        db.setUserVersion(Migrations::kCurrentVersion + 7);
        QVERIFY(!Migrations(db).run(&error));
        QVERIFY(error.contains(u"newer"_s));
    }

    void failingStepRollsBack()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.openSqlite(dir.filePath(u"broken.db"_s), &error));
        // A table that step 1 wants to create already exists: step 1 must fail and leave nothing.
        db.exec(u"CREATE TABLE tickets (x INTEGER)"_s);
        QVERIFY(!Migrations(db).run(&error));
        QVERIFY(error.contains(u"migration failed"_s));
        QCOMPARE(db.userVersion(), 0);
        QCOMPARE(db.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'users'"_s).toInt(), 0);
    }

    void tandemdServesAMigratedFixture()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"served.db"_s);
        QString error;
        QVERIFY2(loadFixture(path, &error), qPrintable(error));
        tandem::test::TestServer server(tandem::test::TestServer::Options{false, 0, path, u"warn"_s});
        QVERIFY2(server.start(), qPrintable(server.error()));
        tandem::test::TestHttp http(server.baseUrl());
        QVERIFY(http.login(u"fixture@lumen.example"_s, u"demo"_s));
        const auto ticket = http.get(u"/api/v1/tickets/1"_s);
        QCOMPARE(ticket.status, 200);
        QCOMPARE(ticket.json().value(u"subject").toString(), u"Why a late fee?"_s);
        QCOMPARE(ticket.json().value(u"messages").toArray().size(), 1);
        const auto page = http.get(u"/api/v1/tickets"_s);
        QCOMPARE(page.json().value(u"items").toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServerMigrations)
#include "tst_server_migrations.moc"
