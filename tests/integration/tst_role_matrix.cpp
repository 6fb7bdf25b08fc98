// Every route x every role: tandemd answers 403 exactly where the permission matrix
// (core/Permissions.h, docs/api/permissions.md) says the role may not go.
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using tandem::test::TestHttp;
using tandem::test::TestServer;

namespace {
enum Level
{
    Agent = 0,
    Lead = 1,
    Supervisor = 2,
    Admin = 3
};

struct RouteCase
{
    QByteArray method;
    QString path;
    QByteArray body;
    Level minimum;
};

const QStringList kUsers{u"ava@lumen.example"_s, u"leo@lumen.example"_s, u"sam@lumen.example"_s,
                         u"ada@lumen.example"_s};
} // namespace

class TestRoleMatrix : public QObject
{
    Q_OBJECT

    TestServer m_server{TestServer::Options{true, 0, {}, u"warn"_s}};
    QList<std::shared_ptr<TestHttp>> m_clients;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        for (const QString &email : kUsers) {
            auto http = std::make_shared<TestHttp>(m_server.baseUrl());
            QVERIFY(http->login(email));
            m_clients.append(http);
        }
    }

    void everyRouteEveryRole_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("minimum");
        // Bodies are deliberately invalid where the route checks permissions before content: a 400
        // proves the request got past the role check, a 403 that it did not.
        const QList<RouteCase> routes{
            {"GET", u"/api/v1/me"_s, {}, Agent},
            {"GET", u"/api/v1/users"_s, {}, Agent},
            {"GET", u"/api/v1/tickets"_s, {}, Agent},
            {"GET", u"/api/v1/tickets/1"_s, {}, Agent},
            {"POST", u"/api/v1/tickets"_s, "{}", Agent},
            {"POST", u"/api/v1/tickets/1/replies"_s, "{}", Agent},
            {"POST", u"/api/v1/tickets/1/messages"_s, "{}", Agent},
            {"PATCH", u"/api/v1/tickets/1"_s, "{\"tags\":[\"x\"]}", Agent},
            {"GET", u"/api/v1/kb/1"_s, {}, Agent},
            {"GET", u"/api/v1/events"_s, {}, Agent},
            {"GET", u"/api/v1/audit"_s, {}, Supervisor},
            {"GET", u"/api/v1/stats/queues"_s, {}, Lead},
            {"GET", u"/api/v1/stats/agents"_s, {}, Lead},
            {"GET", u"/api/v1/stats/suggestions?group_by=queue"_s, {}, Supervisor},
            {"GET", u"/api/v1/reviews?limit=1"_s, {}, Supervisor},
            {"POST", u"/api/v1/reviews/1/verdict"_s, "{}", Supervisor},
            {"GET", u"/api/v1/policy/escalation"_s, {}, Supervisor},
            {"PUT", u"/api/v1/policy/escalation"_s, "{}", Supervisor},
            {"POST", u"/api/v1/policy/escalation/preview"_s, "{}", Supervisor},
        };
        for (const RouteCase &r : routes) {
            for (int role = Agent; role <= Admin; ++role) {
                QTest::addRow("%s %s as %s", r.method.constData(), qPrintable(r.path),
                              qPrintable(kUsers.at(role).section(u'@', 0, 0)))
                    << r.method << r.path << r.body << int(r.minimum) * 10 + role;
            }
        }
    }

    void everyRouteEveryRole()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, minimum);
        const int role = minimum % 10;
        const int needed = minimum / 10;
        TestHttp &http = *m_clients.at(role);
        const auto r = http.request(method, path, body, {{"Idempotency-Key", "role-matrix"}});
        if (role >= needed) {
            QVERIFY2(r.status != 403 && r.status != 401, qPrintable(QString::number(r.status)));
        } else {
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), u"forbidden"_s);
        }
        TestHttp anonymous(m_server.baseUrl());
        QCOMPARE(anonymous.request(method, path, body).status, 401);
    }

    void fieldLevelRulesOnPatch()
    {
        // Priorities and reassigning others' tickets need a lead; an agent may take unowned work.
        TestHttp &agent = *m_clients.at(Agent);
        TestHttp &lead = *m_clients.at(Lead);
        const auto created = agent.post(
            u"/api/v1/tickets"_s,
            {{u"subject"_s, u"Role check"_s},
             {u"customer"_s,
              QJsonObject{{u"name"_s, u"R"_s}, {u"email"_s, u"r@example.com"_s}, {u"language"_s, u"en"_s}}},
             {u"body"_s, u"Where is my card?"_s},
             {u"queue"_s, u"orders"_s}});
        const QString path = u"/api/v1/tickets/%1"_s.arg(created.json().value(u"id").toInteger());
        qint64 v = created.json().value(u"version").toInteger();
        auto etag = [&v] {
            return QList<QPair<QByteArray, QByteArray>>{{"If-Match", QByteArray::number(v)}};
        };
        QCOMPARE(agent.patch(path, {{u"priority"_s, u"high"_s}}, etag()).status, 403);
        auto r = agent.patch(path, {{u"assignee_id"_s, 1}}, etag()); // Ava takes it
        QCOMPARE(r.status, 200);
        v = r.json().value(u"version").toInteger();
        TestHttp noah(m_server.baseUrl());
        QVERIFY(noah.login(u"noah@lumen.example"_s));
        QCOMPARE(noah.patch(path, {{u"assignee_id"_s, 2}}, etag()).status, 403); // not from Ava
        r = lead.patch(path, {{u"assignee_id"_s, 2}, {u"priority"_s, u"high"_s}}, etag());
        QCOMPARE(r.status, 200);
        v = r.json().value(u"version").toInteger();

        // Every change above is in the audit log, with before and after.
        TestHttp &supervisor = *m_clients.at(Supervisor);
        const auto audit = supervisor.get(u"/api/v1/audit?ticket_id="_s + path.section(u'/', -1));
        QCOMPARE(audit.status, 200);
        const QJsonArray items = audit.json().value(u"items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0)[u"user_id"].toInteger(), 3); // Leo, newest first
        QCOMPARE(items.at(0)[u"before"][u"priority"].toString(), u"normal"_s);
        QCOMPARE(items.at(0)[u"after"][u"priority"].toString(), u"high"_s);
        QCOMPARE(items.at(0)[u"after"][u"assignee_id"].toInteger(), 2);
        QCOMPARE(items.at(1)[u"action"].toString(), u"ticket.patch"_s);
    }
};

QTEST_GUILESS_MAIN(TestRoleMatrix)
#include "tst_role_matrix.moc"
