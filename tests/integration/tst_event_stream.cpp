// The live event stream: GET /api/v1/events upgraded to a WebSocket, against a real tandemd.
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using tandem::test::TestHttp;
using tandem::test::TestServer;

namespace {

//! A test client of the stream that keeps every JSON message it receives.
struct StreamClient
{
    QWebSocket socket;
    QList<QJsonObject> received;

    StreamClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            received.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }

    bool open(const QString &baseUrl, const QString &token, const QString &query = {})
    {
        QString url = baseUrl;
        url.replace(u"http://"_s, u"ws://"_s);
        QNetworkRequest request(QUrl(url + u"/api/v1/events"_s + query));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(request);
        return connected.wait(10000);
    }

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : received) {
            if (o.value(u"type").toString() == type)
                out.append(o);
        }
        return out;
    }
};

QJsonObject newTicket(const QString &subject)
{
    return {{u"subject"_s, subject},
            {u"customer"_s, QJsonObject{{u"name"_s, u"Eva Stream"_s},
                                        {u"email"_s, u"eva@example.com"_s},
                                        {u"language"_s, u"en"_s}}},
            {u"body"_s, u"My card has not arrived yet."_s},
            {u"queue"_s, u"orders"_s}};
}

} // namespace

class TestEventStream : public QObject
{
    Q_OBJECT

    TestServer m_server{TestServer::Options{true, 0, {}, u"warn"_s}};
    std::unique_ptr<TestHttp> m_ava;
    std::unique_ptr<TestHttp> m_noah;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_ava = std::make_unique<TestHttp>(m_server.baseUrl());
        m_noah = std::make_unique<TestHttp>(m_server.baseUrl());
        QVERIFY(m_ava->login(u"ava@lumen.example"_s));
        QVERIFY(m_noah->login(u"noah@lumen.example"_s));
    }

    void aConnectedUserIsNotedAsSeenInTheStore()
    {
        // The leads' agent list (any instance) reads "online" from the store, not from memory.
        const QString db = m_server.databasePath();
        auto lastSeen = [&db](const QString &email) -> qint64 {
            const QString name = u"lastseen"_s;
            qint64 at = 0;
            {
                QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
                c.setDatabaseName(db);
                c.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
                if (c.open()) {
                    QSqlQuery q(c);
                    q.prepare(u"SELECT p.last_seen_at FROM user_presence p JOIN users u ON u.id = p.user_id"
                              " WHERE u.email = ?"_s);
                    q.addBindValue(email);
                    if (q.exec() && q.next())
                        at = q.value(0).toLongLong();
                }
            }
            QSqlDatabase::removeDatabase(name);
            return at;
        };
        QCOMPARE(lastSeen(u"noah@lumen.example"_s), qint64(0));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        StreamClient noah;
        QVERIFY(noah.open(m_server.baseUrl(), m_noah->token()));
        QTRY_VERIFY_WITH_TIMEOUT(lastSeen(u"noah@lumen.example"_s) >= before - 1000, 5000);
    }

    void plainGetAsksForAnUpgrade()
    {
        const auto r = m_ava->get(u"/api/v1/events"_s);
        QCOMPARE(r.status, 426);
        QCOMPARE(r.errorCode(), u"upgrade_required"_s);
    }

    void badTokenIsClosedWith1008()
    {
        StreamClient client;
        QSignalSpy closed(&client.socket, &QWebSocket::disconnected);
        client.open(m_server.baseUrl(), u"tdm_forged"_s);
        QVERIFY(closed.count() > 0 || closed.wait(10000));
        QCOMPARE(int(client.socket.closeCode()), 1008);
    }

    void newTicketArrivesLiveWithIncreasingSeq()
    {
        StreamClient client;
        QVERIFY(client.open(m_server.baseUrl(), m_ava->token()));
        const auto created = m_noah->post(u"/api/v1/tickets"_s, newTicket(u"Live one"_s));
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value(u"id").toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(!client.ofType(u"ticket.created"_s).isEmpty(), 5000);
        const QJsonObject event = client.ofType(u"ticket.created"_s).last();
        QCOMPARE(event.value(u"ticket_id").toInteger(), id);
        QCOMPARE(event[u"ticket"][u"subject"].toString(), u"Live one"_s);

        const auto reply = m_noah->post(
            u"/api/v1/tickets/%1/replies"_s.arg(id),
            {{u"body"_s, u"On its way."_s}, {u"draft_id"_s, QJsonValue()}, {u"outcome"_s, u"own"_s}},
            {{"Idempotency-Key", "stream-reply-1"}});
        QCOMPARE(reply.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(!client.ofType(u"message.created"_s).isEmpty(), 5000);
        QCOMPARE(client.ofType(u"message.created"_s).last()[u"ticket"][u"status"].toString(), u"pending"_s);
        qint64 last = 0;
        for (const QJsonObject &o : std::as_const(client.received)) {
            QVERIFY(o.value(u"seq").toInteger() > last);
            last = o.value(u"seq").toInteger();
        }
    }

    void reconnectWithAfterReplaysWhatWasMissed()
    {
        qint64 lastSeq = 0;
        {
            StreamClient first;
            QVERIFY(first.open(m_server.baseUrl(), m_ava->token()));
            QCOMPARE(m_ava->post(u"/api/v1/tickets"_s, newTicket(u"Before the gap"_s)).status, 201);
            QTRY_VERIFY_WITH_TIMEOUT(!first.received.isEmpty(), 5000);
            lastSeq = first.received.last().value(u"seq").toInteger();
        }
        // Offline for a while: three tickets arrive meanwhile.
        QList<qint64> missed;
        for (int i = 0; i < 3; ++i)
            missed.append(m_noah->post(u"/api/v1/tickets"_s, newTicket(u"Missed %1"_s.arg(i)))
                              .json()[u"id"]
                              .toInteger());
        StreamClient again;
        QVERIFY(again.open(m_server.baseUrl(), m_ava->token(), u"?after=%1"_s.arg(lastSeq)));
        QTRY_COMPARE_WITH_TIMEOUT(again.ofType(u"ticket.created"_s).size(), 3, 5000);
        QList<qint64> got;
        for (const QJsonObject &o : again.ofType(u"ticket.created"_s))
            got.append(o.value(u"ticket_id").toInteger());
        QCOMPARE(got, missed);
        QCOMPARE(again.received.first().value(u"seq").toInteger(), lastSeq + 1);
    }

    void unknownResumePointAsksForResync()
    {
        StreamClient client;
        QVERIFY(client.open(m_server.baseUrl(), m_ava->token(), u"?after=999999999"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!client.ofType(u"resync_required"_s).isEmpty(), 5000);
    }

    void presenceReachesOthersButNotTheSender()
    {
        StreamClient ava;
        StreamClient noah;
        QVERIFY(ava.open(m_server.baseUrl(), m_ava->token()));
        QVERIFY(noah.open(m_server.baseUrl(), m_noah->token()));
        ava.socket.sendTextMessage(u"{\"type\":\"presence\",\"ticket_id\":3,\"state\":\"typing\"}"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!noah.ofType(u"presence"_s).isEmpty(), 5000);
        const QJsonObject p = noah.ofType(u"presence"_s).last().value(u"presence").toObject();
        QCOMPARE(p.value(u"name").toString(), u"Ava Lindqvist"_s);
        QCOMPARE(p.value(u"state").toString(), u"typing"_s);
        QCOMPARE(p.value(u"ticket_id").toInteger(), 3);
        // Garbage from a client is ignored, never fatal.
        ava.socket.sendTextMessage(u"{not json"_s);
        ava.socket.sendTextMessage(u"{\"type\":\"presence\",\"ticket_id\":\"x\",\"state\":\"typing\"}"_s);
        ava.socket.sendTextMessage(QString(10000, u'x'));
        QCOMPARE(m_ava->get(u"/healthz"_s).status, 200);
        QVERIFY(ava.ofType(u"presence"_s).isEmpty());
    }

    void survivesAThousandAbruptDisconnects()
    {
        int opened = 0;
        for (int round = 0; round < 20; ++round) {
            std::vector<std::unique_ptr<StreamClient>> clients;
            for (int i = 0; i < 50; ++i) {
                auto c = std::make_unique<StreamClient>();
                QString url = m_server.baseUrl();
                url.replace(u"http://"_s, u"ws://"_s);
                QNetworkRequest request(QUrl(url + u"/api/v1/events?after=1"_s)); // a large catch-up
                request.setRawHeader("Authorization", "Bearer " + m_ava->token().toLatin1());
                c->socket.open(request);
                clients.push_back(std::move(c));
            }
            QTRY_VERIFY_WITH_TIMEOUT(std::all_of(clients.begin(), clients.end(),
                                                 [](const auto &c) {
                                                     return c->socket.state() ==
                                                            QAbstractSocket::ConnectedState;
                                                 }),
                                     20000);
            // Events are being written while everyone vanishes mid-stream.
            QCOMPARE(m_noah->post(u"/api/v1/tickets"_s, newTicket(u"Burst %1"_s.arg(round))).status, 201);
            for (auto &c : clients)
                c->socket.abort();
            opened += int(clients.size());
        }
        QCOMPARE(opened, 1000);
        QVERIFY(m_server.isRunning());
        QCOMPARE(m_ava->get(u"/healthz"_s).status, 200);
        StreamClient after;
        QVERIFY(after.open(m_server.baseUrl(), m_ava->token()));
        QCOMPARE(m_noah->post(u"/api/v1/tickets"_s, newTicket(u"Still live"_s)).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(!after.ofType(u"ticket.created"_s).isEmpty(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_event_stream.moc"
