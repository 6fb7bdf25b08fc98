// StatementCache on a real SQLite file: statements are prepared once and lent out; a statement
// that is out is never handed to a second caller; bad SQL and a full cache still answer.
#include "server/sql/StatementCache.h"

#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tandem::server::StatementCache;

class TestStatementCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;

    QStringList names(StatementCache::Lease &q)
    {
        QStringList out;
        while (q->next())
            out.append(q->value(0).toString());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"statement-cache"_s);
        m_db.setDatabaseName(m_dir.filePath(u"cache.db"_s));
        QVERIFY(m_db.open());
        QSqlQuery q(m_db);
        QVERIFY(q.exec(u"PRAGMA journal_mode=WAL"_s));
        QVERIFY(q.exec(u"CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, team TEXT)"_s));
        for (const auto &[name, team] :
             {std::pair{u"Ana"_s, u"a"_s}, {u"Ben"_s, u"a"_s}, {u"Cai"_s, u"b"_s}}) {
            QVERIFY(q.prepare(u"INSERT INTO people (name, team) VALUES (?, ?)"_s));
            q.addBindValue(name);
            q.addBindValue(team);
            QVERIFY(q.exec());
        }
    }

    void cleanupTestCase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"statement-cache"_s);
    }

    void aStatementIsPreparedOnceAndReboundEachTime()
    {
        StatementCache cache(m_db);
        const QString sql = u"SELECT name FROM people WHERE team = ? ORDER BY name"_s;
        QSqlQuery *first = nullptr;
        {
            bool ok = false;
            auto q = cache.run(sql, {u"a"_s}, &ok);
            QVERIFY(ok);
            first = &*q;
            QCOMPARE(names(q), (QStringList{u"Ana"_s, u"Ben"_s}));
        }
        {
            auto q = cache.run(sql, {u"b"_s});
            QCOMPARE(&*q, first); // the same prepared statement, bound anew
            QCOMPARE(names(q), QStringList{u"Cai"_s});
        }
        QCOMPARE(cache.size(), size_t(1));
    }

    void aStatementThatIsOutIsNotLentTwice()
    {
        StatementCache cache(m_db);
        const QString sql = u"SELECT name FROM people WHERE team = ? ORDER BY name"_s;
        auto outer = cache.run(sql, {u"a"_s});
        QVERIFY(outer->next());
        QCOMPARE(outer->value(0).toString(), u"Ana"_s);
        {
            // The same text while the outer caller still reads: a statement of its own.
            auto inner = cache.run(sql, {u"b"_s});
            QVERIFY(&*inner != &*outer);
            QCOMPARE(names(inner), QStringList{u"Cai"_s});
        }
        QVERIFY(outer->next());
        QCOMPARE(outer->value(0).toString(), u"Ben"_s);
        QVERIFY(!outer->next());
    }

    void aLeaseThatStopsEarlyHoldsNoReadOpen()
    {
        StatementCache cache(m_db);
        {
            auto q = cache.run(u"SELECT name FROM people ORDER BY name"_s, {});
            QVERIFY(q->next()); // one row of three, then the lease ends
        }
        // A write and its commit on the same connection, then a second connection reads it: no
        // statement of the cache is left mid-read.
        QVERIFY(m_db.transaction());
        {
            bool ok = false;
            auto insert =
                cache.run(u"INSERT INTO people (name, team) VALUES (?, ?)"_s, {u"Dee"_s, QVariant()}, &ok);
            QVERIFY2(ok, qPrintable(insert->lastError().text()));
        }
        QVERIFY(m_db.commit());
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"statement-cache-2"_s);
            other.setDatabaseName(m_dir.filePath(u"cache.db"_s));
            QVERIFY(other.open());
            QSqlQuery check(other);
            QVERIFY(check.exec(u"SELECT team IS NULL FROM people WHERE name = 'Dee'"_s));
            QVERIFY(check.next());
            QCOMPARE(check.value(0).toInt(), 1); // QVariant() was bound as NULL
        }
        QSqlDatabase::removeDatabase(u"statement-cache-2"_s);
        auto q = cache.run(u"SELECT name FROM people ORDER BY name"_s, {});
        QCOMPARE(names(q).size(), 4);
    }

    void badSqlIsReportedAndNotKept()
    {
        StatementCache cache(m_db);
        bool ok = true;
        auto q = cache.run(u"SELECT nothing FROM nowhere"_s, {}, &ok);
        QVERIFY(!ok);
        QVERIFY(!q.isPrepared());
        QVERIFY(!q->lastError().text().isEmpty());
        QCOMPARE(cache.size(), size_t(0));
    }

    void aFullCacheStillAnswers()
    {
        StatementCache cache(m_db, 1);
        auto a = cache.run(u"SELECT COUNT(*) FROM people"_s, {});
        QVERIFY(a->next());
        const int count = a->value(0).toInt();
        auto b = cache.run(u"SELECT COUNT(*) FROM people WHERE team = ?"_s, {u"a"_s});
        QVERIFY(b->next());
        QCOMPARE(b->value(0).toInt(), 2);
        QCOMPARE(cache.size(), size_t(1)); // the second one was not kept
        QVERIFY(count >= 3);
    }

    void clearKeepsWhatIsOut()
    {
        StatementCache cache(m_db);
        auto out = cache.run(u"SELECT name FROM people ORDER BY name"_s, {});
        {
            auto done = cache.run(u"SELECT COUNT(*) FROM people"_s, {});
            QVERIFY(done->next());
        }
        QCOMPARE(cache.size(), size_t(2));
        cache.clear();
        QCOMPARE(cache.size(), size_t(1));
        QVERIFY(out->next());
        QCOMPARE(out->value(0).toString(), u"Ana"_s);
    }
};

QTEST_GUILESS_MAIN(TestStatementCache)
#include "tst_statement_cache.moc"
