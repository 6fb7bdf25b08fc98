// Integration: the engine against a REAL tandemd through tests/support FaultProxy. First the
// proxy's own modes, then "pull the network and put it back": resets after the server did the
// work, refusals, stalls and latency while replies are queued and tickets arrive. Nothing may be
// lost, nothing duplicated, nothing reordered.
#include "FaultProxy.h"
#include "LiveFixture.h"
#include "TestServer.h"

#include "app/InboxModel.h"
#include "app/LocalStore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::app;
using namespace tandem::test;

namespace {

QJsonObject replyJson(const QString &body)
{
    return json::toJson(ReplyRequest{body, {}, ReplyOutcome::Own, false});
}

} // namespace

class FaultToleranceTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_http; //!< straight to the server (the truth)
    Agent m_ava;
    QTemporaryDir m_dir;

    QList<qint64> openTickets(int count)
    {
        QList<qint64> out;
        QString cursor;
        for (int page = 0; page < 20 && out.size() < count; ++page) {
            const QJsonObject body = m_http
                                         ->get(u"/api/v1/tickets?limit=500"_s +
                                               (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor))
                                         .json();
            for (const QJsonValue &item : body.value(u"items"_s).toArray()) {
                if (item[u"status"_s].toString() != u"solved"_s && out.size() < count)
                    out.append(item[u"id"_s].toInteger());
            }
            cursor = body.value(u"next_cursor"_s).toString();
            if (!body.value(u"has_more"_s).toBool())
                break;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_http = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_http->login(u"ava@lumen.example"_s));
        m_ava = loginAgent(m_server->baseUrl(), u"ava@lumen.example"_s);
        QVERIFY(m_ava.user.id > 0);
    }

    void proxyPassesAddsLatencyAndRefuses()
    {
        FaultProxy proxy(m_server->port());
        QVERIFY(proxy.start());
        TestHttp through(proxy.baseUrl());
        QCOMPARE(through.get(u"/healthz"_s).status, 200);

        QVERIFY(proxy.setMode(FaultProxy::Mode::Latency, 300ms));
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(through.get(u"/healthz"_s).status, 200);
        QVERIFY2(clock.elapsed() >= 550, "300 ms each way");

        QVERIFY(proxy.setMode(FaultProxy::Mode::Refuse));
        QTcpSocket refused;
        QSignalSpy failed(&refused, &QAbstractSocket::errorOccurred);
        refused.connectToHost(u"127.0.0.1"_s, proxy.port());
        QVERIFY(failed.count() > 0 || failed.wait(5000));
        QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);
        QVERIFY(proxy.setMode(FaultProxy::Mode::Pass)); // listens on the same port again
        TestHttp fresh(proxy.baseUrl());                // the old keep-alive connection was reset
        QCOMPARE(fresh.get(u"/healthz"_s).status, 200);
    }

    void proxyStallHoldsBytesUntilReleased()
    {
        FaultProxy proxy(m_server->port());
        QVERIFY(proxy.start());
        QVERIFY(proxy.setMode(FaultProxy::Mode::Stall));
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, proxy.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
        QVERIFY(!readyRead.wait(400)); // held: nothing comes back
        QVERIFY(proxy.setMode(FaultProxy::Mode::Pass));
        QVERIFY(readyRead.count() > 0 || readyRead.wait(5000));
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 200"));
    }

    void resetMidRequestNeverReachesTheServer()
    {
        FaultProxy proxy(m_server->port());
        QVERIFY(proxy.start());
        TestHttp through(proxy.baseUrl());
        through.setToken(m_http->token());
        const qint64 ticketId = openTickets(1).value(0);
        QVERIFY(ticketId > 0);
        const QString body = uniqueBody(u"Cut in half"_s);
        QVERIFY(proxy.setMode(FaultProxy::Mode::ResetMidRequest));
        const auto cut = through.post(u"/api/v1/tickets/%1/replies"_s.arg(ticketId), replyJson(body),
                                      {{"Idempotency-Key", "cut-" + QUuid::createUuid().toByteArray()}});
        QCOMPARE(cut.status, 0);
        QVERIFY(proxy.resetCount() >= 1);
        QCOMPARE(serverCount(*m_http, ticketId, body), 0);
    }

    void resetBeforeResponseIsHealedByTheIdempotencyKey()
    {
        FaultProxy proxy(m_server->port());
        QVERIFY(proxy.start());
        TestHttp through(proxy.baseUrl());
        through.setToken(m_http->token());
        const qint64 ticketId = openTickets(1).value(0);
        QVERIFY(ticketId > 0);
        const QString body = uniqueBody(u"Answer lost"_s);
        const QByteArray key = "lost-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        QVERIFY(proxy.setMode(FaultProxy::Mode::ResetBeforeResponse));
        QCOMPARE(through
                     .post(u"/api/v1/tickets/%1/replies"_s.arg(ticketId), replyJson(body),
                           {{"Idempotency-Key", key}})
                     .status,
                 0);
        QCOMPARE(serverCount(*m_http, ticketId, body), 1); // the server did the work
        QVERIFY(proxy.setMode(FaultProxy::Mode::Pass));
        const auto again = through.post(u"/api/v1/tickets/%1/replies"_s.arg(ticketId), replyJson(body),
                                        {{"Idempotency-Key", key}});
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(serverCount(*m_http, ticketId, body), 1);
    }

    void pullingTheNetworkLosesAndDuplicatesNothing()
    {
        FaultProxy proxy(m_server->port());
        QVERIFY(proxy.start());
        auto session = makeSession(proxy.baseUrl(), m_ava, m_dir.filePath(u"network.sqlite"_s));
        QVERIFY(session->start());
        QTRY_VERIFY_WITH_TIMEOUT(session->connectionState() == EventStreamClient::State::Online &&
                                     session->sync()->state() == SyncEngine::State::Online &&
                                     session->store()->ticketCount() >= 300,
                                 20000);
        const QList<qint64> tickets = openTickets(3);
        QCOMPARE(tickets.size(), 3);
        QList<QPair<qint64, QString>> queued;
        QList<qint64> created;
        QSignalSpy conflicts(session->outbox(), &Outbox::conflict);
        QSignalSpy failures(session->outbox(), &Outbox::failed);
        auto queue = [&](int count) {
            for (int i = 0; i < count; ++i) {
                const qint64 ticketId = tickets.at(queued.size() % tickets.size());
                const QString body = uniqueBody(u"Reply %1"_s.arg(queued.size() + 1));
                const auto cached = session->store()->ticket(ticketId);
                QVERIFY(cached);
                QVERIFY(session->outbox()->queueReply(ticketId, ReplyRequest{body}, cached->version));
                queued.append({ticketId, body});
            }
        };

        // 1. Answers are lost after the server did the work (replies, pulls, stream handshakes).
        QVERIFY(proxy.setMode(FaultProxy::Mode::ResetBeforeResponse));
        proxy.dropAll();
        queue(4);
        QTRY_COMPARE_WITH_TIMEOUT(serverCount(*m_http, queued.first().first, queued.first().second), 1,
                                  10000);
        QVERIFY(session->outbox()->pendingCount() >= 4); // the client does not know yet
        // 2. Nothing answers at all; meanwhile customers write in.
        QVERIFY(proxy.setMode(FaultProxy::Mode::Refuse));
        for (int i = 0; i < 3; ++i)
            created.append(createTicket(*m_http, u"Written during the outage %1"_s.arg(i)));
        queue(4);
        QTRY_VERIFY_WITH_TIMEOUT(session->connectionState() == EventStreamClient::State::Offline, 10000);
        // 3. A black hole, then a slow line.
        QVERIFY(proxy.setMode(FaultProxy::Mode::Stall));
        queue(2);
        QTRY_VERIFY_WITH_TIMEOUT(session->outbox()->pendingCount() == 10, 5000);
        QVERIFY(proxy.setMode(FaultProxy::Mode::Latency, 80ms));
        queue(2);
        // 4. The network is back.
        QVERIFY(proxy.setMode(FaultProxy::Mode::Pass));
        QTRY_COMPARE_WITH_TIMEOUT(session->outbox()->pendingCount(), 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(created.cbegin(), created.cend(),
                        [&](qint64 id) { return session->store()->ticket(id).has_value(); }),
            15000);
        QCOMPARE(conflicts.size(), 0);
        QCOMPARE(failures.size(), 0);
        QVERIFY(session->outbox()->items().isEmpty());
        QVERIFY(proxy.resetCount() > 0);

        // Every reply exactly once, and in the order it was queued per ticket.
        for (const auto &[ticketId, body] : std::as_const(queued))
            QCOMPARE(serverCount(*m_http, ticketId, body), 1);
        for (qint64 ticketId : tickets) {
            QStringList expected;
            for (const auto &[id, body] : std::as_const(queued)) {
                if (id == ticketId)
                    expected.append(body);
            }
            QStringList actual;
            const auto thread =
                m_http->get(u"/api/v1/tickets/%1"_s.arg(ticketId)).json()[u"messages"_s].toArray();
            for (const QJsonValue &m : thread) {
                if (expected.contains(m[u"body"_s].toString()))
                    actual.append(m[u"body"_s].toString());
            }
            QCOMPARE(actual, expected);
        }
        // No duplicate rows in the inbox either.
        QCOMPARE(session->inbox()->totalCount(), session->store()->ticketCount());
        QTRY_COMPARE_WITH_TIMEOUT(session->connectionState(), EventStreamClient::State::Online, 10000);
    }

    // Issue 18, truthful states, with the production timings: when the server goes away the
    // client says so within a round trip (the dropped stream triggers a probe), and a reply
    // written then shows "waiting to send" after its first try instead of "sending" through the
    // API client's own retries (the outbox keeps the one retry loop, with the same key).
    void aDeadServerIsSeenAtOnce()
    {
        FaultProxy proxy(m_server->port());
        QVERIFY(proxy.start());
        auto session = makeSession(proxy.baseUrl(), m_ava, m_dir.filePath(u"dead.sqlite"_s), false);
        QVERIFY(session->start());
        QTRY_VERIFY_WITH_TIMEOUT(session->connectionState() == EventStreamClient::State::Online &&
                                     session->sync()->state() == SyncEngine::State::Online,
                                 20000);
        QVERIFY(session->api()->isReachable());
        const qint64 ticketId = openTickets(1).value(0);
        QVERIFY(ticketId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(session->store()->ticket(ticketId).has_value(), 20000);

        QVERIFY(proxy.setMode(FaultProxy::Mode::Refuse));
        QTRY_VERIFY_WITH_TIMEOUT(session->connectionState() != EventStreamClient::State::Online, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!session->api()->isReachable(), 3000);

        const QString body = uniqueBody(u"Written while the server is gone"_s);
        const auto outboxId = session->outbox()->queueReply(ticketId, ReplyRequest{body},
                                                            session->store()->ticket(ticketId)->version);
        QVERIFY(outboxId);
        auto itemState = [&]() -> std::optional<OutboxItem> {
            for (const OutboxItem &item : session->outbox()->items()) {
                if (item.id == *outboxId)
                    return item;
            }
            return std::nullopt;
        };
        // The client's retry policy alone would keep it "sending" for 0.5 + 1 + 2 s of backoff.
        QTRY_VERIFY_WITH_TIMEOUT(
            itemState() && itemState()->state == OutboxState::Queued && itemState()->attempts >= 1, 1500);
        QVERIFY(!itemState()->error.isEmpty());

        QVERIFY(proxy.setMode(FaultProxy::Mode::Pass));
        QTRY_COMPARE_WITH_TIMEOUT(session->outbox()->pendingCount(), 0, 30000);
        QCOMPARE(serverCount(*m_http, ticketId, body), 1);
        QTRY_VERIFY_WITH_TIMEOUT(session->api()->isReachable(), 5000);
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(FaultToleranceTest)
#include "FaultToleranceTest.moc"
