// Integration (slow): the server is down for 60 s (killed), the agent keeps replying, the server
// comes back: with the engine's PRODUCTION timings the outbox must drain within 30 s of the
// return, each reply exactly once. TANDEM_OUTAGE_SECONDS shortens the outage for a quick local run.
#include "FaultProxy.h"
#include "LiveFixture.h"
#include "TestServer.h"

#include "app/LocalStore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::app;
using namespace tandem::test;

class OutageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outboxDrainsWithin30sOfTheServersReturn()
    {
        const int outageSeconds = qEnvironmentVariableIsSet("TANDEM_OUTAGE_SECONDS")
                                      ? qEnvironmentVariableIntValue("TANDEM_OUTAGE_SECONDS")
                                      : 60;
        TestServer::Options options;
        options.demo = true;
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.error()));
        TestHttp http(server.baseUrl());
        QVERIFY(http.login(u"ava@lumen.example"_s));
        const Agent ava = loginAgent(server.baseUrl(), u"ava@lumen.example"_s);
        // The client talks to a fixed address; the restarted server gets a new port behind it.
        FaultProxy proxy(server.port());
        QVERIFY(proxy.start());

        QTemporaryDir dir;
        auto session = makeSession(proxy.baseUrl(), ava, dir.filePath(u"outage.sqlite"_s), false);
        QVERIFY(session->start());
        QTRY_VERIFY_WITH_TIMEOUT(session->connectionState() == EventStreamClient::State::Online &&
                                     session->sync()->state() == SyncEngine::State::Online &&
                                     session->store()->ticketCount() >= 300,
                                 30000);
        QList<Ticket> open;
        for (const Ticket &t : session->store()->tickets()) {
            if (t.status != TicketStatus::Solved && open.size() < 3)
                open.append(t);
        }
        QCOMPARE(open.size(), 3);

        server.kill(); // SIGKILL: no goodbye to anyone
        QElapsedTimer down;
        down.start();
        QList<QPair<qint64, QString>> queued;
        for (int i = 0; i < 6; ++i) {
            const Ticket &t = open.at(i % open.size());
            const QString body = uniqueBody(u"Written while the server was down %1"_s.arg(i));
            QVERIFY(session->outbox()->queueReply(t.id, ReplyRequest{body},
                                                  session->store()->ticket(t.id)->version));
            queued.append({t.id, body});
        }
        QTRY_COMPARE_WITH_TIMEOUT(session->connectionState(), EventStreamClient::State::Offline, 20000);
        // The outage lasts; nothing may get lost meanwhile and the queue stays intact.
        QTRY_VERIFY_WITH_TIMEOUT(down.elapsed() >= outageSeconds * 1000LL &&
                                     session->outbox()->pendingCount() == 6,
                                 (outageSeconds + 30) * 1000);

        QVERIFY2(server.start(), qPrintable(server.error()));
        proxy.setTargetPort(server.port());
        QElapsedTimer back;
        back.start();
        QTRY_VERIFY_WITH_TIMEOUT(session->outbox()->pendingCount() == 0, 45000);
        const qint64 drainMs = back.elapsed();
        qInfo("outage %d s; outbox drained %lld ms after the server came back", outageSeconds, drainMs);
        QVERIFY2(drainMs <= 30000, "the outbox must drain within 30 s of the server's return");
        QVERIFY(session->outbox()->items().isEmpty());
        TestHttp after(server.baseUrl());
        QVERIFY(after.login(u"ava@lumen.example"_s));
        for (const auto &[ticketId, body] : std::as_const(queued))
            QCOMPARE(serverCount(after, ticketId, body), 1);
        QTRY_COMPARE_WITH_TIMEOUT(session->connectionState(), EventStreamClient::State::Online, 30000);
    }
};

QTEST_GUILESS_MAIN(OutageTest)
#include "OutageTest.moc"
