// tandem_core's codecs: every shape round-trips, and decoders reject wrong types with a clear reason.
#include "core/JsonCodec.h"
#include "core/JsonReader.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;

class TestCoreJson : public QObject
{
    Q_OBJECT

private:
    static Ticket sampleTicket()
    {
        Ticket t;
        t.id = 42;
        t.subject = u"Kortet har inte kommit"_s;
        t.status = TicketStatus::Open;
        t.priority = Priority::High;
        t.queue = u"orders"_s;
        t.customer = {u"Åsa Lind"_s, u"asa@example.com"_s, u"sv"_s};
        t.assigneeId = 7;
        t.tags = {u"card"_s, u"vip"_s};
        t.createdAt = QDateTime(QDate(2026, 11, 20), QTime(9, 30, 0, 123), Qt::UTC);
        t.updatedAt = t.createdAt.addSecs(60);
        t.slaDueAt = t.createdAt.addSecs(3600);
        t.version = 3;
        t.intent = u"card_arrival"_s;
        t.sentiment = u"negative"_s;
        t.language = u"sv"_s;
        t.needsHuman = true;
        t.needsHumanReason = u"repeat contact"_s;
        return t;
    }

private Q_SLOTS:
    void ticketRoundTrips()
    {
        const Ticket t = sampleTicket();
        QString error;
        const auto back = json::ticketFromJson(json::toJson(t), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, t);
    }

    void unassignedAndNoSlaAreNull()
    {
        Ticket t = sampleTicket();
        t.assigneeId.reset();
        t.slaDueAt = {};
        const QJsonObject o = json::toJson(t);
        QVERIFY(o.value(u"assignee_id").isNull());
        QVERIFY(o.value(u"sla_due_at").isNull());
        const auto back = json::ticketFromJson(o, nullptr);
        QVERIFY(back);
        QCOMPARE(*back, t);
    }

    void detailWithDraftRoundTrips()
    {
        TicketDetail d;
        d.ticket = sampleTicket();
        Message m;
        m.id = 1;
        m.ticketId = 42;
        m.author = {AuthorKind::Agent, 7, u"Ava"_s};
        m.body = u"<b>not markup</b>"_s;
        m.internal = true;
        m.createdAt = d.ticket.createdAt;
        d.messages = {m};
        Draft draft;
        draft.id = 9;
        draft.ticketId = 42;
        draft.body = u"Hej Åsa"_s;
        draft.confidence = 0.83;
        draft.intent = u"card_arrival"_s;
        draft.language = u"sv"_s;
        draft.citations = {{u"kb:3"_s, u"Card delivery"_s, u"Cards arrive in 5 days"_s}};
        draft.flags = {{u"missing_slot"_s, u"Missing: date"_s, 4, 6},
                       {u"needs_human"_s, u"sensitive"_s, -1, 0}};
        draft.engine = u"test"_s;
        draft.createdAt = d.ticket.createdAt;
        d.draft = draft;
        QString error;
        const auto back = json::ticketDetailFromJson(json::toJson(d), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->ticket, d.ticket);
        QCOMPARE(back->messages, d.messages);
        QVERIFY(back->draft);
        QCOMPARE(*back->draft, draft);
    }

    void decodersRejectWrongTypes_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("id as string") << u"id"_s << QJsonValue(u"42"_s);
        QTest::newRow("id fractional") << u"id"_s << QJsonValue(4.5);
        QTest::newRow("id too large") << u"id"_s << QJsonValue(1e300);
        QTest::newRow("status unknown") << u"status"_s << QJsonValue(u"closed-ish"_s);
        QTest::newRow("priority number") << u"priority"_s << QJsonValue(3);
        QTest::newRow("tags not array") << u"tags"_s << QJsonValue(u"card"_s);
        QTest::newRow("tags of numbers") << u"tags"_s << QJsonValue(QJsonArray{1, 2});
        QTest::newRow("created_at not a time") << u"created_at"_s << QJsonValue(u"yesterday"_s);
        QTest::newRow("created_at without offset") << u"created_at"_s << QJsonValue(u"2026-11-20T09:30:00"_s);
        QTest::newRow("customer not object") << u"customer"_s << QJsonValue(u"Åsa"_s);
        QTest::newRow("subject missing") << u"subject"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("needs_human string") << u"needs_human"_s << QJsonValue(u"yes"_s);
    }

    void decodersRejectWrongTypes()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject o = json::toJson(sampleTicket());
        if (value.isUndefined())
            o.remove(field);
        else
            o.insert(field, value);
        QString error;
        QVERIFY(!json::ticketFromJson(o, &error));
        QVERIFY2(error.startsWith(field), qPrintable(error));
    }

    void requestsRejectUnknownFields()
    {
        QString error;
        QVERIFY(!json::replyRequestFromJson(
            {{u"body"_s, u"x"_s}, {u"outcome"_s, u"own"_s}, {u"bcc"_s, u"me"_s}}, &error));
        QVERIFY(error.contains(u"bcc"_s));
        QVERIFY(json::replyRequestFromJson(
            {{u"body"_s, u"x"_s}, {u"outcome"_s, u"as_is"_s}, {u"draft_id"_s, 3}}, &error));
    }

    void patchDistinguishesAbsentFromNull()
    {
        auto p = json::ticketPatchFromJson({{u"assignee_id"_s, QJsonValue()}}, nullptr);
        QVERIFY(p && p->assigneeId && !p->assigneeId->has_value());
        p = json::ticketPatchFromJson({{u"priority"_s, u"low"_s}}, nullptr);
        QVERIFY(p && !p->assigneeId && p->priority == Priority::Low);
        QVERIFY(json::ticketPatchFromJson({}, nullptr)->isEmpty());
    }

    void parseObjectExplainsProblems()
    {
        QString error;
        QVERIFY(!json::parseObject("{\"a\": ", &error));
        QVERIFY(error.contains(u"malformed JSON"_s));
        QVERIFY(!json::parseObject("[1]", &error));
        QVERIFY(error.contains(u"object"_s));
        QVERIFY(json::parseObject("{\"a\":1}", &error));
    }

    void errorEnvelope()
    {
        const auto e = json::apiErrorFromJson(json::errorToJson(u"not_found"_s, u"Nope."_s), 404);
        QVERIFY(e);
        QCOMPARE(e->status, 404);
        QCOMPARE(e->code, u"not_found"_s);
        QVERIFY(!json::apiErrorFromJson({{u"error"_s, u"flat"_s}}, 500));
    }

    void timesAreRfc3339Utc()
    {
        const QDateTime t(QDate(2026, 1, 31), QTime(9, 30, 0), Qt::UTC);
        QCOMPARE(formatTime(t), u"2026-01-31T09:30:00.000Z"_s);
        QCOMPARE(parseTime(u"2026-01-31T10:30:00+01:00"_s), t);
        QVERIFY(!parseTime(u"2026-01-31"_s).isValid());
    }
};

QTEST_GUILESS_MAIN(TestCoreJson)
#include "tst_core_json.moc"
