// Integration: the desktop engine against a REAL tandemd (tests/support TestServer: the actual
// executable on 127.0.0.1 with its own SQLite file, demo company seeded).
#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/InboxModel.h"
#include "app/LocalStore.h"
#include "app/LoginFlow.h"
#include "app/Outbox.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include "core/JsonCodec.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::app;
using tandem::test::TestHttp;
using tandem::test::TestServer;

namespace {

const QString kAgent = u"ava@lumen.example"_s;

RetryPolicy fastRetries(int attempts)
{
    RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelay = 10ms;
    policy.maxDelay = 50ms;
    return policy;
}

QUrl closedPortUrl()
{
    QTcpServer probe; // take a free port and release it: connections there are refused
    probe.listen(QHostAddress::LocalHost);
    return QUrl(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
}

// The messages of a ticket whose body is \a body, as the server stores them.
int serverCount(TestHttp &http, qint64 ticketId, const QString &body)
{
    const auto response = http.get(u"/api/v1/tickets/%1"_s.arg(ticketId));
    int count = 0;
    const QJsonArray messages = response.json().value(u"messages"_s).toArray();
    for (const QJsonValue &message : messages)
        count += message.toObject().value(u"body"_s).toString() == body ? 1 : 0;
    return count;
}

qint64 serverVersion(TestHttp &http, qint64 ticketId)
{
    return http.get(u"/api/v1/tickets/%1"_s.arg(ticketId)).json().value(u"version"_s).toInteger();
}

} // namespace

class SyncIntegrationTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_token;
    User m_user;
    QTemporaryDir m_dir;

    // A client already holding a token (logged in through ApiClient::login, for real).
    std::unique_ptr<ApiClient> loggedInClient(const QUrl &url = {})
    {
        auto client = std::make_unique<ApiClient>(QUrl(m_server->baseUrl()));
        client->setToken(m_token);
        if (url.isValid())
            client->setBaseUrl(url);
        return client;
    }

    qint64 anyOpenTicket(LocalStore &store)
    {
        for (const Ticket &ticket : store.tickets()) {
            if (ticket.status != TicketStatus::Solved)
                return ticket.id;
        }
        return store.tickets().value(0).id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_http = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_http->login(kAgent));

        // The real login path: LoginFlow -> ApiClient::login -> Session.
        LoginFlow flow;
        flow.setStoreDirectory(m_dir.filePath(u"login"_s));
        QSignalSpy succeeded(&flow, &LoginFlow::succeeded);
        QSignalSpy failed(&flow, &LoginFlow::failed);
        flow.login(QUrl(m_server->baseUrl()), kAgent, u"wrong"_s);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).value<ApiError>().code, u"invalid_credentials"_s);
        flow.login(QUrl(m_server->baseUrl()), kAgent, u"demo"_s);
        QVERIFY(succeeded.wait(10000));
        std::unique_ptr<Session> session(succeeded.at(0).at(0).value<Session *>());
        QVERIFY(session->api()->hasToken());
        QCOMPARE(session->currentUser().email, kAgent);
        QVERIFY(session->store()->path().startsWith(m_dir.filePath(u"login"_s)));
        m_user = session->currentUser();
        // Keep this session's token for the other suites (ApiClient never exposes it, so log in again).
        ApiClient client(QUrl(m_server->baseUrl()));
        bool done = false;
        client.login(kAgent, u"demo"_s, this, [&](const ApiResult<LoginResult> &result) {
            QVERIFY(result.ok());
            m_token = result.value().token;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }

    void initialSyncThenCacheFirstStart()
    {
        const QString path = m_dir.filePath(u"initial.sqlite"_s);
        {
            Session session(loggedInClient().release(), m_user, path);
            session.sync()->setPageSize(100); // several pages
            QSignalSpy changed(session.sync(), &SyncEngine::ticketsChanged);
            QVERIFY(session.start());
            QCOMPARE(session.inbox()->totalCount(), 0);
            QTRY_VERIFY_WITH_TIMEOUT(session.store()->ticketCount() >= 300 &&
                                         session.sync()->state() == SyncEngine::State::Online &&
                                         session.sync()->lastSyncAt().isValid(),
                                     20000);
            QVERIFY(changed.size() >= 3); // one signal per page
            QCOMPARE(session.inbox()->totalCount(), session.store()->ticketCount());
            QVERIFY(!session.store()->cursor().isEmpty());
            QVERIFY(session.store()->users().size() >= 2);
        }
        // Second start: the inbox is served from the cache before any answer arrives.
        auto offline = std::make_unique<ApiClient>(closedPortUrl());
        Session session(offline.release(), m_user, path);
        QVERIFY(session.start());
        QVERIFY(session.inbox()->totalCount() >= 300);
        QTRY_COMPARE_WITH_TIMEOUT(session.sync()->state(), SyncEngine::State::Offline, 10000);
        QVERIFY(session.inbox()->totalCount() >= 300);
    }

    void deltaSyncSeesANewTicket()
    {
        Session session(loggedInClient().release(), m_user, m_dir.filePath(u"delta.sqlite"_s));
        session.sync()->setInterval(60s); // only explicit pulls in this test
        QVERIFY(session.start());
        QTRY_VERIFY_WITH_TIMEOUT(session.sync()->lastSyncAt().isValid(), 20000);
        // The delta cursor alone: the live stream would otherwise bring the ticket first.
        session.events()->stop();
        session.sync()->setInterval(60s); // the stream going offline shortened it
        const int before = session.store()->ticketCount();
        const QString cursorBefore = session.store()->cursor();

        const auto created =
            m_http->post(u"/api/v1/tickets"_s,
                         json::toJson(NewTicketRequest{u"Delta sync probe"_s,
                                                       Customer{u"Probe"_s, u"probe@example.com"_s, u"en"_s},
                                                       u"My card was charged twice."_s, u"payments"_s}));
        QCOMPARE(created.status, 201);
        const qint64 newId = created.json().value(u"id"_s).toInteger();

        QSignalSpy changed(session.sync(), &SyncEngine::ticketsChanged);
        QSignalSpy failed(session.sync(), &SyncEngine::syncFailed);
        session.sync()->pullNow();
        QTRY_VERIFY2_WITH_TIMEOUT(
            !changed.isEmpty(), // a failed pull says why (CI flake of 2026-12-04)
            qPrintable(u"state %1, failed pulls %2, last error '%3'"_s.arg(int(session.sync()->state()))
                           .arg(failed.size())
                           .arg(session.sync()->lastError())),
            10000);
        const auto ids = changed.at(0).at(0).value<QList<qint64>>();
        QVERIFY(ids.contains(newId));
        QVERIFY2(ids.size() < 10, "a delta pull must not replay the whole inbox");
        QCOMPARE(session.store()->ticketCount(), before + 1);
        QVERIFY(session.store()->cursor() != cursorBefore);
        QVERIFY(session.inbox()->rowOfTicket(newId) >= 0);
        QCOMPARE(session.inbox()->count(InboxView::all()), before + 1);

        // Opening it fetches and caches the thread and the AI draft.
        QSignalSpy detail(session.sync(), &SyncEngine::ticketDetailChanged);
        session.sync()->openTicket(newId);
        QVERIFY(detail.wait(10000));
        const auto cached = session.store()->ticketDetail(newId);
        QVERIFY(cached);
        QVERIFY(!cached->messages.isEmpty());
        QVERIFY(session.store()->hasTicketDetail(newId));
    }

    void sendSurvivesNetworkFailureWithTheSameKey()
    {
        const QString path = m_dir.filePath(u"outbox-net.sqlite"_s);
        LocalStore store(path);
        QVERIFY(store.open());
        // Sync once so the store knows tickets and versions.
        {
            auto client = loggedInClient();
            SyncEngine sync(client.get(), &store);
            sync.start();
            QTRY_VERIFY_WITH_TIMEOUT(sync.lastSyncAt().isValid(), 20000);
        }
        const qint64 ticketId = anyOpenTicket(store);
        const qint64 version = store.ticket(ticketId)->version;

        auto client = loggedInClient(closedPortUrl()); // the network is "down"
        client->setRetryPolicy(fastRetries(2));
        Outbox outbox(client.get(), &store);
        outbox.setBackoff(50ms, 200ms);
        outbox.start();
        const QString body = u"Refund is on its way (%1)."_s.arg(QUuid::createUuid().toString());
        const auto id =
            outbox.queueReply(ticketId, ReplyRequest{body, {}, ReplyOutcome::Own, false}, version);
        QVERIFY(id);
        const QString key = store.outboxItem(*id)->idempotencyKey;
        QVERIFY(!key.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(store.outboxItem(*id)->attempts >= 2, 10000);
        QCOMPARE(store.outboxItem(*id)->idempotencyKey, key);
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(serverCount(*m_http, ticketId, body), 0);

        // The network comes back.
        QSignalSpy sent(&outbox, &Outbox::sent);
        client->setBaseUrl(QUrl(m_server->baseUrl()));
        outbox.retryNow();
        QVERIFY(sent.wait(10000));
        QCOMPARE(sent.at(0).at(0).toLongLong(), *id);
        QCOMPARE(outbox.pendingCount(), 0);
        QVERIFY(store.outboxItems().isEmpty());
        QCOMPARE(serverCount(*m_http, ticketId, body), 1);
        const auto messages = store.messages(ticketId);
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(),
                            [&](const Message &m) { return m.body == body; }));

        // The server saw exactly that key: the same key + body now replays instead of posting again.
        const QJsonObject replay = json::toJson(ReplyRequest{body, {}, ReplyOutcome::Own, false});
        const auto again = m_http->post(u"/api/v1/tickets/%1/replies"_s.arg(ticketId), replay,
                                        {{"Idempotency-Key", key.toUtf8()}});
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(serverCount(*m_http, ticketId, body), 1);
    }

    void conflictThenResendWithCurrentVersion()
    {
        LocalStore store(m_dir.filePath(u"outbox-412.sqlite"_s));
        QVERIFY(store.open());
        auto client = loggedInClient();
        {
            SyncEngine sync(client.get(), &store);
            sync.start();
            QTRY_VERIFY_WITH_TIMEOUT(sync.lastSyncAt().isValid(), 20000);
        }
        const qint64 ticketId = anyOpenTicket(store);
        const qint64 seen = serverVersion(*m_http, ticketId);
        // Someone else changes the ticket after the agent loaded it.
        // (Tags: something any agent may change; priorities are a lead's call.)
        const auto patched = m_http->patch(u"/api/v1/tickets/%1"_s.arg(ticketId),
                                           {{u"tags"_s, QJsonArray{u"changed-by-someone"_s}}},
                                           {{"If-Match", '"' + QByteArray::number(seen) + '"'}});
        QCOMPARE(patched.status, 200);

        Outbox outbox(client.get(), &store);
        outbox.start();
        QSignalSpy conflict(&outbox, &Outbox::conflict);
        QSignalSpy counts(&outbox, &Outbox::countsChanged);
        const QString body = u"Conflicting reply %1"_s.arg(QUuid::createUuid().toString());
        const auto id = outbox.queueReply(ticketId, ReplyRequest{body, {}, ReplyOutcome::Own, false}, seen);
        QVERIFY(id);
        QVERIFY(conflict.wait(10000));
        QCOMPARE(conflict.at(0).at(0).toLongLong(), ticketId);
        QCOMPARE(conflict.at(0).at(1).toLongLong(), *id);
        QVERIFY(store.outboxItem(*id)->state == OutboxState::Conflict);
        QVERIFY(!store.outboxItem(*id)->error.isEmpty());
        QCOMPARE(outbox.attentionCount(), 1);
        QVERIFY(!counts.isEmpty());
        // The fresh thread is cached for the UI to show what changed.
        QVERIFY(store.hasTicketDetail(ticketId));
        QVERIFY(store.ticket(ticketId)->tags.contains(u"changed-by-someone"_s));
        QCOMPARE(serverCount(*m_http, ticketId, body), 0);

        QSignalSpy sent(&outbox, &Outbox::sent);
        outbox.resendIgnoringConflict(*id);
        QVERIFY(sent.wait(10000));
        QCOMPARE(serverCount(*m_http, ticketId, body), 1);
        QCOMPARE(outbox.attentionCount(), 0);
        QVERIFY(store.outboxItems().isEmpty());

        // discard() on a second conflicting reply drops it without sending.
        const qint64 stale = serverVersion(*m_http, ticketId) - 1;
        const auto second =
            outbox.queueReply(ticketId, ReplyRequest{body + u" 2"_s, {}, ReplyOutcome::Own, false}, stale);
        QVERIFY(conflict.wait(10000));
        QVERIFY(outbox.discard(*second));
        QVERIFY(store.outboxItems().isEmpty());
        QCOMPARE(serverCount(*m_http, ticketId, body + u" 2"_s), 0);
    }

    void rowLeftSendingIsSentExactlyOnceOnRestart()
    {
        const QString path = m_dir.filePath(u"outbox-crash.sqlite"_s);
        qint64 ticketId = 0;
        const QString delivered = u"Sent before the crash %1"_s.arg(QUuid::createUuid().toString());
        const QString lost = u"Never left before the crash %1"_s.arg(QUuid::createUuid().toString());
        {
            LocalStore store(path);
            QVERIFY(store.open());
            auto client = loggedInClient();
            SyncEngine sync(client.get(), &store);
            sync.start();
            QTRY_VERIFY_WITH_TIMEOUT(sync.lastSyncAt().isValid(), 20000);
            ticketId = anyOpenTicket(store);

            // Run 1 "crashes" mid-send twice over: row A reached the server (its answer was lost),
            // row B did not. Both are left "sending", as a killed process leaves them.
            const ReplyRequest a{delivered, {}, ReplyOutcome::Own, false};
            const auto rowA =
                store.insertOutboxItem(ticketId, QUuid::createUuid().toString(QUuid::WithoutBraces), a, 0);
            QVERIFY(rowA);
            QVERIFY(store.setOutboxState(*rowA, OutboxState::Sending, {}, true));
            const auto posted =
                m_http->post(u"/api/v1/tickets/%1/replies"_s.arg(ticketId), json::toJson(a),
                             {{"Idempotency-Key", store.outboxItem(*rowA)->idempotencyKey.toUtf8()}});
            QCOMPARE(posted.status, 201);
            const auto rowB =
                store.insertOutboxItem(ticketId, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                       ReplyRequest{lost, {}, ReplyOutcome::Own, false}, 0);
            QVERIFY(rowB);
            QVERIFY(store.setOutboxState(*rowB, OutboxState::Sending, {}, true));
        }
        QCOMPARE(serverCount(*m_http, ticketId, delivered), 1);
        QCOMPARE(serverCount(*m_http, ticketId, lost), 0);

        // Run 2: a fresh process opens the same file and resumes.
        LocalStore store(path);
        QVERIFY(store.open());
        QCOMPARE(store.outboxItems().size(), 2);
        auto client = loggedInClient();
        Outbox outbox(client.get(), &store);
        QSignalSpy sent(&outbox, &Outbox::sent);
        outbox.start();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, 10000);
        QVERIFY(store.outboxItems().isEmpty());
        QCOMPARE(serverCount(*m_http, ticketId, delivered), 1); // replayed, not posted twice
        QCOMPARE(serverCount(*m_http, ticketId, lost), 1);
        // Drained in order: A before B.
        QCOMPARE(sent.at(0).at(2).value<Message>().body, delivered);
        QCOMPARE(sent.at(1).at(2).value<Message>().body, lost);
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(SyncIntegrationTest)
#include "SyncIntegrationTest.moc"
