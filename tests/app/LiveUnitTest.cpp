// Unit tests of the live/lossless pieces that need no server: the event decoder, presence,
// the inbox presence role, the event batch in the LocalStore and the outbox's own-reply rebase.
#include "app/ApiClient.h"
#include "app/InboxModel.h"
#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/OutboxModel.h"
#include "app/PresenceModel.h"
#include "app/StreamEvent.h"

#include "core/JsonCodec.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tandem;
using namespace tandem::app;

namespace {

Ticket sampleTicket(qint64 id, qint64 version = 1)
{
    Ticket t;
    t.id = id;
    t.subject = u"Parcel %1"_s.arg(id);
    t.queue = u"orders"_s;
    t.customer = Customer{u"Eva"_s, u"eva@example.com"_s, u"en"_s};
    t.createdAt = QDateTime::currentDateTimeUtc();
    t.updatedAt = t.createdAt;
    t.version = version;
    return t;
}

QByteArray eventJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject ticketEvent(qint64 seq, const QString &type, const Ticket &ticket)
{
    return {{u"seq"_s, double(seq)},
            {u"type"_s, type},
            {u"ticket_id"_s, double(ticket.id)},
            {u"at"_s, u"2026-11-25T21:12:00.000Z"_s},
            {u"ticket"_s, json::toJson(ticket)}};
}

Presence presence(qint64 userId, const QString &name, qint64 ticketId, PresenceState state)
{
    return Presence{userId, name, state, ticketId, QDateTime::currentDateTimeUtc().addSecs(30)};
}

} // namespace

class LiveUnitTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesEveryEventType()
    {
        QString error;
        auto e = parseStreamEvent(eventJson(ticketEvent(7, u"ticket.created"_s, sampleTicket(3))), &error);
        QVERIFY2(e, qPrintable(error));
        QVERIFY(e->type == StreamEvent::Type::TicketCreated);
        QCOMPARE(e->seq, 7);
        QCOMPARE(e->ticketId, 3);
        QCOMPARE(e->ticket->subject, u"Parcel 3"_s);
        QVERIFY(e->changesTicket() && !e->changesThread());

        QJsonObject message = ticketEvent(8, u"message.created"_s, sampleTicket(3, 2));
        message.insert(u"message_id"_s, 41);
        e = parseStreamEvent(eventJson(message), &error);
        QVERIFY2(e, qPrintable(error));
        QVERIFY(e->type == StreamEvent::Type::MessageCreated && e->changesThread());
        QCOMPARE(e->messageId, std::optional<qint64>(41));

        e = parseStreamEvent(eventJson(ticketEvent(9, u"draft.updated"_s, sampleTicket(3, 3))), &error);
        QVERIFY(e && e->type == StreamEvent::Type::DraftUpdated && e->changesThread());

        const QJsonObject p{{u"seq"_s, 10},
                            {u"type"_s, u"presence"_s},
                            {u"ticket_id"_s, 3},
                            {u"presence"_s, QJsonObject{{u"user_id"_s, 2},
                                                        {u"name"_s, u"Noah Fischer"_s},
                                                        {u"state"_s, u"typing"_s},
                                                        {u"ticket_id"_s, 3},
                                                        {u"expires_at"_s, u"2026-11-25T21:12:30.000Z"_s}}}};
        e = parseStreamEvent(eventJson(p), &error);
        QVERIFY2(e, qPrintable(error));
        QVERIFY(e->type == StreamEvent::Type::Presence);
        QCOMPARE(e->presence->name, u"Noah Fischer"_s);
        QVERIFY(e->presence->state == PresenceState::Typing);

        e = parseStreamEvent(R"({"type":"resync_required","seq":120})", &error);
        QVERIFY(e && e->type == StreamEvent::Type::ResyncRequired && e->seq == 120);
        e = parseStreamEvent(R"({"type":"pong"})", &error);
        QVERIFY(e && e->type == StreamEvent::Type::Pong);
        // A newer server's event type is skipped but its seq still counts.
        e = parseStreamEvent(R"({"type":"ticket.merged","seq":11,"whatever":[1,2]})", &error);
        QVERIFY(e && e->type == StreamEvent::Type::Unknown && e->seq == 11);
    }

    void rejectsMalformedEvents_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not json") << QByteArray("{nope");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no type") << QByteArray(R"({"seq":1})");
        QTest::newRow("type not string") << QByteArray(R"({"type":5,"seq":1})");
        QTest::newRow("zero seq") << QByteArray(R"({"type":"ticket.created","seq":0,"ticket_id":1})");
        QTest::newRow("seq text") << QByteArray(R"({"type":"ticket.created","seq":"1","ticket_id":1})");
        QTest::newRow("seq fraction") << QByteArray(R"({"type":"ticket.created","seq":1.5,"ticket_id":1})");
        QTest::newRow("no ticket") << QByteArray(R"({"type":"ticket.updated","seq":3,"ticket_id":1})");
        QTest::newRow("ticket wrong")
            << QByteArray(R"({"type":"ticket.updated","seq":3,"ticket_id":1,"ticket":{}})");
        QTest::newRow("negative resync") << QByteArray(R"({"type":"resync_required","seq":-4})");
        QTest::newRow("presence state") << QByteArray(
            R"({"type":"presence","seq":3,"ticket_id":1,"presence":{"user_id":2,"name":"N","state":"dancing","ticket_id":1}})");
        QTest::newRow("presence no user") << QByteArray(
            R"({"type":"presence","seq":3,"ticket_id":1,"presence":{"name":"N","state":"typing","ticket_id":1}})");
        QTest::newRow("huge") << QByteArray(2 << 20, ' ');
    }

    void rejectsMalformedEvents()
    {
        QFETCH(QByteArray, bytes);
        QString error;
        QVERIFY(!parseStreamEvent(bytes, &error));
        QVERIFY(!error.isEmpty());
    }

    void ticketIdMustMatchTheTicket()
    {
        QJsonObject event = ticketEvent(5, u"ticket.updated"_s, sampleTicket(3));
        event.insert(u"ticket_id"_s, 4);
        QString error;
        QVERIFY(!parseStreamEvent(eventJson(event), &error));
    }

    void encodesClientMessages()
    {
        const auto presence = json::parseObject(encodePresenceMessage(12, PresenceState::Typing), nullptr);
        QVERIFY(presence);
        QCOMPARE(presence->value(u"type"_s).toString(), u"presence"_s);
        QCOMPARE(presence->value(u"ticket_id"_s).toInteger(), 12);
        QCOMPARE(presence->value(u"state"_s).toString(), u"typing"_s);
        QCOMPARE(json::parseObject(encodePingMessage(), nullptr)->value(u"type"_s).toString(), u"ping"_s);
    }

    void presenceModelTracksAndExpires()
    {
        PresenceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrentUserId(1);
        model.setTimeToLive(300ms);
        QSignalSpy changed(&model, &PresenceModel::ticketPresenceChanged);

        model.apply(presence(1, u"Ava Lindqvist"_s, 5, PresenceState::Viewing)); // myself: ignored
        QCOMPARE(model.rowCount(), 0);
        model.apply(presence(2, u"Noah Fischer"_s, 5, PresenceState::Viewing));
        model.apply(presence(3, u"Mia Okafor"_s, 5, PresenceState::Typing));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.summary(5), u"Mia is typing, Noah is viewing"_s);
        QVERIFY(model.strongestState(5) == PresenceState::Typing);
        QVERIFY(!model.strongestState(6));
        QCOMPARE(model.index(0).data().toString(), u"Noah is viewing"_s);
        QCOMPARE(model.index(1).data(PresenceModel::StateRole).toString(), u"typing"_s);

        model.apply(presence(3, u"Mia Okafor"_s, 5, PresenceState::Left));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.summary(5), u"Noah is viewing"_s);
        // A presence replayed long after it expired on the server is ignored.
        Presence old = presence(4, u"Old Timer"_s, 5, PresenceState::Viewing);
        old.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        model.apply(old);
        QCOMPARE(model.rowCount(), 1);
        // Nobody refreshes Noah: he expires by himself.
        changed.clear();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 3000);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toLongLong(), 5);
        QVERIFY(model.summary(5).isEmpty());
    }

    void inboxShowsPresenceWithoutMovingRows()
    {
        InboxModel inbox;
        QAbstractItemModelTester tester(&inbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
        inbox.setTickets({sampleTicket(1), sampleTicket(2), sampleTicket(3)});
        const int row = inbox.rowOfTicket(2);
        QVERIFY(row >= 0);
        QCOMPARE(inbox.index(row, 0).data(InboxModel::PresenceStateRole).toInt(), -1);
        QSignalSpy dataChanged(&inbox, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&inbox, &QAbstractItemModel::rowsMoved);
        inbox.setPresence(2, u"Noah is typing"_s, int(PresenceState::Typing));
        QCOMPARE(dataChanged.size(), 1);
        QCOMPARE(dataChanged.at(0).at(2).value<QList<int>>(),
                 (QList<int>{InboxModel::PresenceRole, InboxModel::PresenceStateRole}));
        QCOMPARE(inbox.index(row, 0).data(InboxModel::PresenceRole).toString(), u"Noah is typing"_s);
        QCOMPARE(inbox.index(row, 0).data(InboxModel::PresenceStateRole).toInt(), int(PresenceState::Typing));
        inbox.setPresence(2, u"Noah is typing"_s, int(PresenceState::Typing)); // unchanged: no signal
        QCOMPARE(dataChanged.size(), 1);
        inbox.setPresence(2, QString(), -1);
        QCOMPARE(inbox.index(row, 0).data(InboxModel::PresenceStateRole).toInt(), -1);
        QCOMPARE(moved.size(), 0);
        QVERIFY(inbox.roleNames().contains(InboxModel::PresenceRole));
    }

    void eventBatchSavesTicketsAndSeqTogether()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"events.sqlite"_s));
        QVERIFY(store.open());
        QCOMPARE(store.eventSeq(), 0);
        QVERIFY2(store.applyEventBatch({sampleTicket(1, 3), sampleTicket(2, 1)}, 42),
                 qPrintable(store.lastError()));
        QCOMPARE(store.eventSeq(), 42);
        QCOMPARE(store.ticketCount(), 2);
        // An older snapshot never overwrites a newer one.
        Ticket stale = sampleTicket(1, 2);
        stale.subject = u"stale"_s;
        QVERIFY(store.applyEventBatch({stale}, 43));
        QCOMPARE(store.ticket(1)->subject, u"Parcel 1"_s);
        QCOMPARE(store.eventSeq(), 43);
        QVERIFY(store.applyEventBatch({}, 50)); // presence only: the seq moves on
        QCOMPARE(store.eventSeq(), 50);
    }

    void completingAReplyRebasesTheAgentsNextReplies()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"rebase.sqlite"_s));
        QVERIFY(store.open());
        QVERIFY(store.applyTicketBatch({sampleTicket(9, 5)}, std::nullopt));
        const ReplyRequest reply{u"First"_s, {}, ReplyOutcome::Own, false};
        const auto first = store.insertOutboxItem(9, u"k1"_s, reply, 5);
        const auto second = store.insertOutboxItem(9, u"k2"_s, ReplyRequest{u"Second"_s}, 5);
        const auto other = store.insertOutboxItem(10, u"k3"_s, ReplyRequest{u"Other"_s}, 5);
        const auto older = store.insertOutboxItem(9, u"k4"_s, ReplyRequest{u"Older view"_s}, 4);
        QVERIFY(first && second && other && older);
        const Message sent{100,        0,     Author{AuthorKind::Agent, 1, u"Ava"_s},
                           u"First"_s, false, QDateTime::currentDateTimeUtc()};
        QVERIFY(store.completeOutboxItem(*first, sent, std::pair<qint64, qint64>(5, 6)));
        QCOMPARE(store.outboxItem(*second)->baseVersion, 6);
        QCOMPARE(store.outboxItem(*other)->baseVersion, 5); // another ticket
        QCOMPARE(store.outboxItem(*older)->baseVersion, 4); // saw an older state: still checked
        QCOMPARE(store.messages(9).size(), 1);              // the message got the row's ticket id
        QCOMPARE(store.ticket(9)->version, 6);              // a reply queued from now on is based on 6
    }

    void outboxModelFollowsTheOutbox()
    {
        QTemporaryDir dir;
        LocalStore store(dir.filePath(u"model.sqlite"_s));
        QVERIFY(store.open());
        QVERIFY(store.applyTicketBatch({sampleTicket(9)}, std::nullopt));
        QTcpServer probe; // a port where nothing listens: every send fails and stays queued
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        ApiClient api(QUrl(u"http://127.0.0.1:%1"_s.arg(probe.serverPort())));
        probe.close();
        RetryPolicy once;
        once.maxAttempts = 1;
        api.setRetryPolicy(once);
        Outbox outbox(&api, &store);
        outbox.setBackoff(10s, 10s);
        OutboxModel model(&outbox, &store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        outbox.start();
        const auto id = outbox.queueReply(9, ReplyRequest{u"Offline reply"_s}, 1);
        QVERIFY(id);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(OutboxModel::OutboxIdRole).toLongLong(), *id);
        QCOMPARE(model.index(0).data(OutboxModel::SubjectRole).toString(), u"Parcel 9"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(OutboxModel::StateRole).toString(), u"queued"_s, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!model.index(0).data(OutboxModel::ErrorRole).toString().isEmpty(), 5000);
        QVERIFY(model.index(0).data(OutboxModel::CanDiscardRole).toBool());
        QVERIFY(model.discard(0));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(store.outboxItems().isEmpty());
    }
};

QTEST_GUILESS_MAIN(LiveUnitTest)
#include "LiveUnitTest.moc"
