// The lead workspace's engine against a REAL tandemd (demo company): QueueStatsClient fetches
// GET /stats/queues and /stats/agents, the models take the live reports (and update in place on
// the next one), agents get 403, and a new ticket's event brings fresh figures long before the
// periodic refresh would.
#include "LiveFixture.h"
#include "TestServer.h"

#include "app/AgentStatsModel.h"
#include "app/QueueStatsClient.h"
#include "app/QueueStatsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::app;
using namespace tandem::test;

class LeadStatsLiveTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_http;
    Agent m_leo;
    Agent m_ava;
    QTemporaryDir m_dir;

    static int openIn(const QueueStatsReport &report, const QString &queue)
    {
        for (const QueueStats &q : report.queues) {
            if (q.queue == queue)
                return q.open;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_http = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_http->login(u"leo@lumen.example"_s));
        m_leo = loginAgent(m_server->baseUrl(), u"leo@lumen.example"_s);
        m_ava = loginAgent(m_server->baseUrl(), u"ava@lumen.example"_s);
        QVERIFY(!m_leo.token.isEmpty());
        QVERIFY(!m_ava.token.isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }

    void fetchesBothReportsIntoTheModels()
    {
        ApiClient api{QUrl(m_server->baseUrl())};
        api.setToken(m_leo.token);
        QueueStatsClient client(&api);
        QueueStatsModel queues;
        AgentStatsModel agents;
        QAbstractItemModelTester queueTester(&queues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester agentTester(&agents, QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(&client, &QueueStatsClient::queueStatsReceived, &queues, &QueueStatsModel::setReport);
        connect(&client, &QueueStatsClient::agentStatsReceived, &agents, &AgentStatsModel::setReport);
        QSignalSpy finished(&client, &QueueStatsClient::refreshFinished);
        QSignalSpy failed(&client, &QueueStatsClient::failed);

        client.start();
        QVERIFY(client.isRefreshing());
        QVERIFY(finished.wait(20000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(client.lastRefreshedAt().isValid());
        QVERIFY(queues.rowCount() > 0);
        QCOMPARE(queues.hourly().size(), 25);
        for (const QueueStats &queue : queues.report().queues) {
            QVERIFY(!queue.queue.isEmpty());
            QCOMPARE(queue.hourly.size(), 25);
            QVERIFY(queue.open >= queue.breached);
        }
        QVERIFY(agents.rowCount() > 0);
        const int ava = agents.rowOfUser(m_ava.user.id);
        QVERIFY(ava >= 0);
        const QString presence = agents.index(ava, 0).data(AgentStatsModel::PresenceRole).toString();
        QVERIFY2(QStringList({u"online"_s, u"away"_s, u"offline"_s}).contains(presence),
                 qPrintable(presence));

        // The next refresh with the same queues and people changes rows in place.
        QSignalSpy queueResets(&queues, &QAbstractItemModel::modelReset);
        QSignalSpy agentResets(&agents, &QAbstractItemModel::modelReset);
        client.refresh();
        client.refresh(); // asked again while in flight: runs once more afterwards, never twice at once
        QVERIFY(finished.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 20000);
        QCOMPARE(queueResets.count(), 0);
        QCOMPARE(agentResets.count(), 0);
        QCOMPARE(failed.count(), 0);
    }

    void agentsAreRefused()
    {
        ApiClient api{QUrl(m_server->baseUrl())};
        api.setToken(m_ava.token);
        QueueStatsClient client(&api);
        QSignalSpy failed(&client, &QueueStatsClient::failed);
        QSignalSpy received(&client, &QueueStatsClient::queueStatsReceived);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().status, 403);
        QCOMPARE(received.count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!client.isRefreshing(), 5000);
        QVERIFY(!client.isRunning()); // no point asking again every minute
    }

    void aNewTicketRefreshesTheFiguresSoon()
    {
        auto session = makeSession(m_server->baseUrl(), m_leo, m_dir.filePath(u"leo.sqlite"_s));
        QVERIFY(session->start());
        QTRY_VERIFY_WITH_TIMEOUT(session->connectionState() == EventStreamClient::State::Online, 20000);

        QueueStatsClient client(session->api());
        client.setDebounce(300ms);
        client.setInterval(600s); // only events can explain a refresh in this test
        client.followEvents(session->events());
        QSignalSpy received(&client, &QueueStatsClient::queueStatsReceived);
        client.start();
        QVERIFY(received.wait(20000));
        const int before = openIn(received.last().at(0).value<QueueStatsReport>(), u"orders"_s);
        QVERIFY(before >= 0);

        QVERIFY(createTicket(*m_http, uniqueBody(u"Stats nudge"_s)) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(received.count() >= 2 &&
                                     openIn(received.last().at(0).value<QueueStatsReport>(), u"orders"_s) ==
                                         before + 1,
                                 15000);
        client.stop();
    }
};

QTEST_GUILESS_MAIN(LeadStatsLiveTest)
#include "LeadStatsLiveTest.moc"
