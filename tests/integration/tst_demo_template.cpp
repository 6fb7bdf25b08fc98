// The demo starts from a seeded template written at build time (`tandemd build-demo-model`):
// a new demo database is a copy of it with every time moved forward to now. Checked here
// against a real tandemd: the copy serves the whole demo company, its history ends now, and an
// existing database is never replaced by the template.
#include "TestServer.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tandem::test::TestHttp;
using tandem::test::TestServer;

namespace {
struct Span
{
    int tickets = 0;
    QDateTime newest;
    QDateTime oldest;
};

Span ticketSpan(TestHttp &http)
{
    Span span;
    QString cursor;
    for (int page = 0; page < 20; ++page) {
        const auto r = http.get(u"/api/v1/tickets?limit=500&cursor="_s +
                                QString::fromUtf8(QUrl::toPercentEncoding(cursor)));
        if (r.status != 200)
            return {};
        const QJsonObject body = r.json();
        for (const QJsonValue &item : body.value(u"items"_s).toArray()) {
            const QDateTime created =
                QDateTime::fromString(item.toObject().value(u"created_at"_s).toString(), Qt::ISODateWithMs);
            ++span.tickets;
            if (!span.newest.isValid() || created > span.newest)
                span.newest = created;
            if (!span.oldest.isValid() || created < span.oldest)
                span.oldest = created;
        }
        cursor = body.value(u"next_cursor"_s).toString();
        if (!body.value(u"has_more"_s).toBool())
            break;
    }
    return span;
}
} // namespace

class DemoTemplateTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_out;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        QProcess build;
        build.start(TestServer::tandemdPath(), {u"build-demo-model"_s, u"--out"_s, m_out.path()});
        QVERIFY(build.waitForFinished(240000));
        QCOMPARE(build.exitCode(), 0);
        const QStringList written = QDir(m_out.path()).entryList(QDir::Files);
        QCOMPARE(written.filter(u".model"_s).size(), 1);
        QCOMPARE(written.filter(u".db"_s).size(), 1);
        qputenv("TANDEM_DEMO_MODEL_DIR", m_out.path().toLocal8Bit());
    }

    void newDemoStartsFromTheTemplateMovedToNow()
    {
        TestServer::Options options;
        options.demo = true;
        options.logLevel = u"info"_s;
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.error()));
        TestHttp http(server.baseUrl());
        QVERIFY(http.login(u"ava@lumen.example"_s));
        const Span span = ticketSpan(http);
        QVERIFY2(span.tickets >= 300, qPrintable(QString::number(span.tickets)));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // The template was seeded minutes ago; its newest ticket must now be recent, not that old.
        QVERIFY2(span.newest.secsTo(now) < 3600 && span.newest.secsTo(now) > -60,
                 qPrintable(span.newest.toString(Qt::ISODate)));
        QVERIFY(span.oldest.daysTo(now) >= 13);
        // Demo users sign in with the demo password: the copied users are usable.
        TestHttp lead(server.baseUrl());
        QVERIFY(lead.login(u"leo@lumen.example"_s));
    }

    void aRestartKeepsTheDemoDatabase()
    {
        TestServer::Options options;
        options.demo = true;
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.error()));
        TestHttp http(server.baseUrl());
        QVERIFY(http.login(u"ava@lumen.example"_s));
        const QString subject = u"Template restart check %1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        const auto created =
            http.post(u"/api/v1/tickets"_s, {{u"subject"_s, subject},
                                             {u"customer"_s, QJsonObject{{u"name"_s, u"Rita Restart"_s},
                                                                         {u"email"_s, u"rita@example.org"_s},
                                                                         {u"language"_s, u"en"_s}}},
                                             {u"body"_s, u"My card was declined at the bakery."_s},
                                             {u"queue"_s, u"payments"_s}});
        QCOMPARE(created.status, 201);
        const Span before = ticketSpan(http);
        // Same database file, demo again: the template must not be copied over what exists.
        QVERIFY2(server.restart(), qPrintable(server.error()));
        TestHttp again(server.baseUrl());
        QVERIFY(again.login(u"ava@lumen.example"_s));
        const Span after = ticketSpan(again);
        QCOMPARE(after.tickets, before.tickets);
        const auto r = again.get(u"/api/v1/tickets/%1"_s.arg(created.json().value(u"id"_s).toInteger()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"subject"_s).toString(), subject);
    }
};

QTEST_GUILESS_MAIN(DemoTemplateTest)
#include "tst_demo_template.moc"
