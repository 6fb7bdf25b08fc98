#include "ProtocolFake.h"

#include "app/ApiClient.h"

#include "core/JsonCodec.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::app;
using tandem::test::ProtocolFake;

namespace {

// Collects one callback result; wait() spins the test's event loop (QTRY), never the client's.
template <typename T> struct Outcome
{
    std::optional<ApiResult<T>> result;
    int calls = 0;
    ApiCallback<T> callback()
    {
        return [this](const ApiResult<T> &r) {
            result.emplace(r);
            ++calls;
        };
    }
};

RetryPolicy fastRetries(int attempts = 4)
{
    RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelay = 10ms;
    policy.maxDelay = 40ms;
    return policy;
}

QByteArray usersBody()
{
    return R"({"items":[{"id":1,"name":"Ann","email":"ann@example.com","role":"lead"}]})";
}

} // namespace

class ApiClientTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getRetriesAfter503ThenSucceeds()
    {
        ProtocolFake fake;
        fake.script(
            {ProtocolFake::error(503, "unavailable", "Busy."), ProtocolFake::reply(200, usersBody())});
        ApiClient client(fake.url());
        client.setRetryPolicy(fastRetries());
        client.setToken(u"secret-token"_s);
        Outcome<QList<User>> outcome;
        client.users(this, outcome.callback());
        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY(outcome.result->ok());
        QCOMPARE(outcome.result->value().size(), 1);
        QVERIFY(outcome.result->value().at(0).role == Role::Lead);
        QCOMPARE(fake.requests().size(), 2);
        for (const auto &request : fake.requests()) {
            QCOMPARE(request.method, QByteArray("GET"));
            QCOMPARE(request.target, QByteArray("/api/v1/users"));
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer secret-token"));
        }
        QCOMPARE(client.pendingRequests(), 0);
    }

    void honours429RetryAfter()
    {
        ProtocolFake fake;
        fake.script({ProtocolFake::error(429, "rate_limited", "Slow down.", {{"Retry-After", "1"}}),
                     ProtocolFake::reply(200, usersBody())});
        ApiClient client(fake.url());
        client.setRetryPolicy(fastRetries()); // 10 ms backoff: the 1 s must come from Retry-After
        Outcome<QList<User>> outcome;
        QElapsedTimer clock;
        clock.start();
        client.users(this, outcome.callback());
        QTRY_COMPARE_WITH_TIMEOUT(outcome.calls, 1, 5000);
        QVERIFY(outcome.result->ok());
        QVERIFY2(clock.elapsed() >= 900, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(fake.requests().size(), 2);
    }

    void postWithoutKeyIsNotRetried()
    {
        ProtocolFake fake;
        fake.script({ProtocolFake::error(503, "unavailable", "Busy.")});
        ApiClient client(fake.url());
        client.setRetryPolicy(fastRetries());
        Outcome<Ticket> outcome;
        client.createTicket(
            NewTicketRequest{u"S"_s, Customer{u"N"_s, u"n@example.com"_s, u"en"_s}, u"B"_s, u"orders"_s},
            this, outcome.callback());
        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().status, 503);
        QCOMPARE(outcome.result->error().code, u"unavailable"_s);
        QCOMPARE(outcome.result->error().message, u"Busy."_s);
        QCOMPARE(fake.requests().size(), 1);
    }

    // A reply is tried once per call: the Outbox is its one retry loop (it shows "not delivered,
    // retrying" at once), calling again with the same key. Every try carries key and If-Match.
    void replyIsTriedOnceAndRetriedByTheCallerWithTheSameKey()
    {
        Message message;
        message.id = 77;
        message.ticketId = 5;
        message.author = Author{AuthorKind::Agent, 1, u"Ann"_s};
        message.body = u"Hello"_s;
        message.createdAt = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
        const QByteArray created = json::serialize(json::toJson(ReplyResult{message, 4}));

        ProtocolFake fake;
        // (Not a connection closed without an answer: Qt's own network stack resends a request
        // once on that, below any retry policy.)
        fake.script({ProtocolFake::error(503, "unavailable", "Busy."),
                     ProtocolFake::error(502, "bad_gateway", "Proxy."),
                     ProtocolFake::reply(201, created, {{"ETag", "\"4\""}})});
        ApiClient client(fake.url());
        client.setRetryPolicy(fastRetries()); // would retry a keyed POST: postReply must not
        const ReplyRequest reply{u"Hello"_s, 12, ReplyOutcome::Edited, false};
        Outcome<ReplyResult> outcome;
        client.postReply(5, reply, u"key-123"_s, 3, this, outcome.callback());
        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().status, 503);
        QCOMPARE(fake.requests().size(), 1);
        client.postReply(5, reply, u"key-123"_s, 3, this, outcome.callback());
        QTRY_COMPARE(outcome.calls, 2);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().status, 502);
        QCOMPARE(fake.requests().size(), 2);
        client.postReply(5, reply, u"key-123"_s, 3, this, outcome.callback());
        QTRY_COMPARE(outcome.calls, 3);
        QVERIFY(outcome.result->ok());
        QCOMPARE(outcome.result->value().ticketVersion, 4);
        QCOMPARE(outcome.result->value().message, message);
        QCOMPARE(fake.requests().size(), 3);
        for (const auto &request : fake.requests()) {
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.target, QByteArray("/api/v1/tickets/5/replies"));
            QCOMPARE(request.header("Idempotency-Key"), QByteArray("key-123"));
            QCOMPARE(request.header("If-Match"), QByteArray("\"3\""));
            QCOMPARE(request.body, fake.requests().first().body);
        }
        const auto body = json::parseObject(fake.requests().first().body, nullptr);
        QVERIFY(body);
        QCOMPARE(body->value(u"outcome"_s).toString(), u"edited"_s);
        QCOMPARE(body->value(u"draft_id"_s).toInt(), 12);
    }

    void retriesAreBounded()
    {
        ProtocolFake fake;
        fake.script({ProtocolFake::error(503, "unavailable", "1"),
                     ProtocolFake::error(503, "unavailable", "2"),
                     ProtocolFake::error(503, "unavailable", "3"), ProtocolFake::reply(200, usersBody())});
        ApiClient client(fake.url());
        client.setRetryPolicy(fastRetries(3));
        Outcome<QList<User>> outcome;
        client.users(this, outcome.callback());
        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().message, u"3"_s);
        QCOMPARE(fake.requests().size(), 3);
    }

    void networkErrorHasStatusZero()
    {
        quint16 port = 0;
        {
            QTcpServer probe; // find a port, then close it: connections are refused
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ApiClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        client.setRetryPolicy(fastRetries(2));
        QSignalSpy reachable(&client, &ApiClient::reachableChanged);
        Outcome<User> outcome;
        client.me(this, outcome.callback());
        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().status, 0);
        QCOMPARE(outcome.result->error().code, u"network_error"_s);
        QVERIFY(!outcome.result->error().message.isEmpty());
        QCOMPARE(reachable.size(), 1);
        QCOMPARE(reachable.at(0).at(0).toBool(), false);
    }

    void timeoutHasItsOwnCode()
    {
        ProtocolFake fake;
        fake.script({ProtocolFake::hang()});
        ApiClient client(fake.url());
        client.setRetryPolicy(fastRetries(1));
        ApiRequest request;
        request.path = u"/api/v1/me"_s;
        request.timeout = 200ms;
        Outcome<ApiResponse> outcome;
        client.send(request, this, outcome.callback());
        QTRY_COMPARE_WITH_TIMEOUT(outcome.calls, 1, 5000);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().status, 0);
        QCOMPARE(outcome.result->error().code, u"timeout"_s);
    }

    void errorEnvelopeAndUnauthorized()
    {
        ProtocolFake fake;
        fake.script({ProtocolFake::error(404, "not_found", "No ticket 5."),
                     ProtocolFake::error(401, "unauthorized", "Token expired."),
                     ProtocolFake::reply(500, "<html>oops</html>")});
        ApiClient client(fake.url());
        client.setRetryPolicy(fastRetries(1));
        client.setToken(u"t"_s);
        QSignalSpy unauthorized(&client, &ApiClient::unauthorized);

        Outcome<Versioned<TicketDetail>> missing;
        client.ticket(5, this, missing.callback());
        QTRY_COMPARE(missing.calls, 1);
        QCOMPARE(missing.result->error().status, 404);
        QCOMPARE(missing.result->error().code, u"not_found"_s);
        QCOMPARE(missing.result->error().message, u"No ticket 5."_s);

        Outcome<User> expired;
        client.me(this, expired.callback());
        QTRY_COMPARE(expired.calls, 1);
        QCOMPARE(expired.result->error().status, 401);
        QCOMPARE(unauthorized.size(), 1);

        Outcome<User> garbled;
        client.me(this, garbled.callback());
        QTRY_COMPARE(garbled.calls, 1);
        QCOMPARE(garbled.result->error().status, 500);
        QCOMPARE(garbled.result->error().code, u"http_error"_s);
    }

    void ticketVersionComesFromEtagAndBadJsonIsAnError()
    {
        TicketDetail detail;
        detail.ticket.id = 5;
        detail.ticket.subject = u"Card"_s;
        detail.ticket.queue = u"payments"_s;
        detail.ticket.customer = Customer{u"Bo"_s, u"bo@example.com"_s, u"en"_s};
        detail.ticket.createdAt = detail.ticket.updatedAt =
            QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
        detail.ticket.slaDueAt = detail.ticket.createdAt.addSecs(3600);
        detail.ticket.version = 8;
        ProtocolFake fake;
        fake.script({ProtocolFake::reply(200, json::serialize(json::toJson(detail)), {{"ETag", "\"9\""}}),
                     ProtocolFake::reply(200, "{\"items\": 3}")});
        ApiClient client(fake.url());
        Outcome<Versioned<TicketDetail>> outcome;
        client.ticket(5, this, outcome.callback());
        QTRY_COMPARE(outcome.calls, 1);
        QVERIFY2(outcome.result->ok(),
                 qPrintable(outcome.result->ok() ? QString() : outcome.result->error().message));
        QCOMPARE(outcome.result->value().version, 9);
        QCOMPARE(outcome.result->value().value.ticket.subject, u"Card"_s);

        Outcome<QList<User>> bad;
        client.users(this, bad.callback());
        QTRY_COMPARE(bad.calls, 1);
        QVERIFY(!bad.result->ok());
        QCOMPARE(bad.result->error().code, u"invalid_response"_s);
        QCOMPARE(bad.result->error().status, 200);
    }

    void loginKeepsTokenAndListTicketsSendsCursor()
    {
        ProtocolFake fake;
        fake.script(
            {ProtocolFake::reply(
                 200,
                 R"({"token":"tok-1","user":{"id":3,"name":"Ann","email":"ann@example.com","role":"agent"}})"),
             ProtocolFake::reply(200, R"({"items":[],"next_cursor":"Q1w-_","has_more":false})")});
        ApiClient client(fake.url());
        Outcome<LoginResult> login;
        client.login(u"ann@example.com"_s, u"pw"_s, this, login.callback());
        QTRY_COMPARE(login.calls, 1);
        QVERIFY(login.result->ok());
        QVERIFY(client.hasToken());
        QVERIFY(fake.requests().at(0).header("Authorization").isEmpty());
        Outcome<TicketPage> page;
        client.listTickets(u"Q1w-_"_s, 900, this, page.callback());
        QTRY_COMPARE(page.calls, 1);
        QVERIFY(page.result->ok());
        QCOMPARE(page.result->value().nextCursor, u"Q1w-_"_s);
        QCOMPARE(fake.requests().at(1).target, QByteArray("/api/v1/tickets?cursor=Q1w-_&limit=500"));
        QCOMPARE(fake.requests().at(1).header("Authorization"), QByteArray("Bearer tok-1"));
    }

    void destroyedContextDropsTheCallback()
    {
        ProtocolFake fake;
        fake.script({ProtocolFake::reply(200, usersBody()), ProtocolFake::reply(200, usersBody())});
        ApiClient client(fake.url());
        Outcome<QList<User>> dropped;
        Outcome<QList<User>> delivered;
        {
            QObject context;
            client.users(&context, dropped.callback());
        }
        client.users(this, delivered.callback());
        QTRY_COMPARE(delivered.calls, 1);
        QTRY_COMPARE(client.pendingRequests(), 0);
        QCOMPARE(dropped.calls, 0);
    }

    void abortAllCompletesWithAborted()
    {
        ProtocolFake fake;
        fake.script({ProtocolFake::hang()});
        ApiClient client(fake.url());
        QSignalSpy received(&fake, &ProtocolFake::requestReceived);
        Outcome<User> outcome;
        client.me(this, outcome.callback());
        QVERIFY(received.wait(5000));
        client.abortAll();
        QTRY_COMPARE(outcome.calls, 1);
        QCOMPARE(outcome.result->error().code, u"aborted"_s);
    }

    void backoffAndRetryAfterParsing()
    {
        RetryPolicy policy;
        policy.baseDelay = 100ms;
        policy.maxDelay = 1000ms;
        policy.jitter = 0.25;
        for (int i = 0; i < 50; ++i) {
            const auto first = ApiClient::backoffDelay(policy, 1);
            QVERIFY(first >= 75ms && first <= 125ms);
            const auto third = ApiClient::backoffDelay(policy, 3);
            QVERIFY(third >= 300ms && third <= 500ms);
            const auto capped = ApiClient::backoffDelay(policy, 20);
            QVERIFY(capped >= 750ms && capped <= 1250ms);
        }
        QCOMPARE(ApiClient::parseRetryAfter("3"), std::optional(3000ms));
        QCOMPARE(ApiClient::parseRetryAfter(""), std::nullopt);
        QCOMPARE(ApiClient::parseRetryAfter("soon"), std::nullopt);
        QCOMPARE(ApiClient::parseRetryAfter("-1"), std::nullopt);
        QCOMPARE(ApiClient::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"),
                 std::optional(0ms)); // in the past
    }
};

QTEST_GUILESS_MAIN(ApiClientTest)
#include "ApiClientTest.moc"
