// GET /reviews, POST /reviews/{id}/verdict and GET/PUT /policy/escalation against the
// hand-checked history of StatsFixture.cpp plus tickets created through the API, over real HTTP.
#include "StatsFixture.h"
#include "TestServer.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"
#include "core/StatsJson.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::test::TestHttp;
using tandem::test::TestServer;

class TestReviewPolicyApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    StatsFixture m_fixture;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_agent;
    std::unique_ptr<TestHttp> m_supervisor;
    QList<qint64> m_asIsReplies; // created through the API by reviewsSpotCheck()

    ReviewPage page(const QString &query)
    {
        const auto r = m_supervisor->get(u"/api/v1/reviews"_s + query);
        if (r.status != 200)
            qWarning("reviews%s: %d %s", qPrintable(query), r.status, r.body.constData());
        QString error;
        const auto p = json::reviewPageFromJson(r.json(), &error);
        if (!p)
            qWarning("decode: %s", qPrintable(error));
        return p.value_or(ReviewPage{});
    }

    QList<qint64> ids(const QString &query)
    {
        QList<qint64> out;
        for (const ReviewItem &i : page(query).items)
            out.append(i.id);
        return out;
    }

    QList<qint64> messages(const QStringList &keys) const
    {
        QList<qint64> out;
        for (const QString &k : keys)
            out.append(m_fixture.messages.value(k));
        return out;
    }

    //! A new ticket through the API; returns (ticket, needs_human).
    QJsonObject newTicket(const QString &subject)
    {
        return m_agent
            ->post(u"/api/v1/tickets"_s,
                   {{u"subject"_s, subject},
                    {u"customer"_s, QJsonObject{{u"name"_s, u"Pat"_s},
                                                {u"email"_s, u"pat@customer.example"_s},
                                                {u"language"_s, u"en"_s}}},
                    {u"body"_s, u"Hello, could you tell me when my parcel will arrive?"_s},
                    {u"queue"_s, u"q1"_s}})
            .json();
    }

    //! Replies to a new ticket with its draft; returns the reply's message id.
    qint64 replyWithDraft(bool edit)
    {
        const qint64 ticket = newTicket(u"Spot check"_s).value(u"id").toInteger();
        const QJsonObject draft =
            m_agent->get(u"/api/v1/tickets/%1"_s.arg(ticket)).json().value(u"draft").toObject();
        const QString body = draft.value(u"body").toString() + (edit ? u"!!"_s : QString());
        const auto r = m_agent->post(u"/api/v1/tickets/%1/replies"_s.arg(ticket),
                                     {{u"body"_s, body},
                                      {u"draft_id"_s, draft.value(u"id")},
                                      {u"outcome"_s, edit ? u"edited"_s : u"as_is"_s}},
                                     {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
        return r.json().value(u"message").toObject().value(u"id").toInteger();
    }

    TestHttp::Response putPolicy(const QJsonObject &policy, const QByteArray &ifMatch)
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (!ifMatch.isEmpty())
            headers.append({"If-Match", ifMatch});
        return m_supervisor->request("PUT", u"/api/v1/policy/escalation"_s,
                                     json::serialize({{u"policy"_s, policy}}), headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(u"reviews.db"_s);
        QString error;
        QVERIFY2(m_fixture.build(path, &error), qPrintable(error));
        TestServer::Options options;
        options.databasePath = path;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_agent = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_agent->login(u"ann@stats.example"_s));
        m_supervisor = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_supervisor->login(u"sue@stats.example"_s));
    }

    void reviewsNewestFirstWithEverything()
    {
        const ReviewPage all = page(QString());
        QCOMPARE(all.nextCursor, QString());
        QList<qint64> got;
        for (const ReviewItem &i : all.items)
            got.append(i.id);
        QCOMPARE(got, messages({u"m1"_s, u"m3b"_s, u"m3a"_s, u"m4"_s, u"m7"_s}));
        const ReviewItem &m3a = all.items.at(2);
        QCOMPARE(m3a.ticketId, m_fixture.tickets.value(u"t3"_s));
        QCOMPARE(m3a.ticketSubject, u"Fixture t3"_s);
        QCOMPARE(m3a.queue, u"q1"_s);
        QCOMPARE(m3a.intent, u"address"_s);
        QCOMPARE(m3a.language, u"en"_s);
        QCOMPARE(m3a.agentId, m_fixture.users.value(u"ann"_s));
        QCOMPARE(m3a.outcome, u"edited"_s);
        QCOMPARE(m3a.draftBody, u"Draft for t3"_s);
        QCOMPARE(m3a.sentBody, u"Reply on t3"_s);
        QCOMPARE(m3a.confidence, 0.65);
        QCOMPARE(m3a.citations.size(), 1);
        QCOMPARE(m3a.citations.first().sourceId, u"kb:1"_s);
        QCOMPARE(m3a.editDistance, 12);
        QVERIFY(m3a.reopened); // the customer wrote again at -4 h
        QVERIFY(!all.items.at(1).reopened);
        QCOMPARE(m3a.verdict, QString());
        const ReviewItem &m4 = all.items.at(3);
        QCOMPARE(m4.verdict, u"harmful"_s);
        QCOMPARE(m4.verdictNote, u"wrong fee"_s);
        QCOMPARE(m4.reviewerName, u"Sue"_s);
        QVERIFY(m4.reviewedAt.isValid());
    }

    void reviewsFilterAndPage()
    {
        QCOMPARE(ids(u"?outcome=as_is"_s), messages({u"m1"_s, u"m7"_s}));
        QCOMPARE(ids(u"?verdict=none"_s), messages({u"m1"_s, u"m3b"_s, u"m3a"_s}));
        QCOMPARE(ids(u"?verdict=harmful"_s), messages({u"m4"_s}));
        QCOMPARE(ids(u"?agent_id=%1"_s.arg(m_fixture.users.value(u"bob"_s))), messages({u"m4"_s, u"m7"_s}));
        QCOMPARE(ids(u"?intent=address"_s), messages({u"m3b"_s, u"m3a"_s}));
        QCOMPARE(ids(u"?queue=q2"_s), messages({u"m7"_s}));
        QCOMPARE(ids(u"?language=sv"_s), QList<qint64>());
        QCOMPARE(ids(u"?from="_s + formatTime(m_fixture.t0.addDays(-1))),
                 messages({u"m1"_s, u"m3b"_s, u"m3a"_s, u"m4"_s}));

        QList<qint64> paged;
        QString cursor;
        for (int guard = 0; guard < 5; ++guard) {
            const ReviewPage p =
                page(u"?limit=2"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            for (const ReviewItem &i : p.items)
                paged.append(i.id);
            cursor = p.nextCursor;
            if (cursor.isEmpty())
                break;
        }
        QCOMPARE(paged, messages({u"m1"_s, u"m3b"_s, u"m3a"_s, u"m4"_s, u"m7"_s}));
    }

    void reviewsRejectBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("verdict") << u"?verdict=meh"_s;
        QTest::newRow("outcome") << u"?outcome=discarded"_s;
        QTest::newRow("limit 0") << u"?limit=0"_s;
        QTest::newRow("limit 201") << u"?limit=201"_s;
        QTest::newRow("cursor") << u"?cursor=bm9wZQ"_s;
        QTest::newRow("spot_check") << u"?spot_check=yes"_s;
        QTest::newRow("agent_id") << u"?agent_id=ann"_s;
        QTest::newRow("from") << u"?from=last-week"_s;
    }

    void reviewsRejectBadParameters()
    {
        QFETCH(QString, query);
        const auto r = m_supervisor->get(u"/api/v1/reviews"_s + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"invalid_parameter"_s);
    }

    void reviewsSpotCheck()
    {
        for (int i = 0; i < 6; ++i) {
            m_asIsReplies.append(replyWithDraft(false));
            QVERIFY(m_asIsReplies.last() > 0);
        }
        // Edit distances come from the server: two characters appended.
        const qint64 edited = replyWithDraft(true);
        const ReviewPage editedPage = page(u"?outcome=edited&limit=1"_s);
        QCOMPARE(editedPage.items.first().id, edited);
        QCOMPARE(editedPage.items.first().editDistance, 2);

        // The sample: as-is replies without a verdict, in a fixed scrambled order.
        QList<qint64> expected = m_asIsReplies;
        expected.append(m_fixture.messages.value(u"m1"_s));
        std::sort(expected.begin(), expected.end(), [](qint64 a, qint64 b) {
            const qint64 ka = (a * 2654435761LL) % 1000003LL;
            const qint64 kb = (b * 2654435761LL) % 1000003LL;
            return ka != kb ? ka < kb : a < b;
        });
        QCOMPARE(ids(u"?spot_check=true"_s), expected);
        QCOMPARE(ids(u"?spot_check=true"_s), expected); // stable
        QList<qint64> paged;
        QString cursor;
        for (int guard = 0; guard < 5; ++guard) {
            const ReviewPage p =
                page(u"?spot_check=true&limit=3"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            for (const ReviewItem &i : p.items)
                paged.append(i.id);
            cursor = p.nextCursor;
            if (cursor.isEmpty())
                break;
        }
        QCOMPARE(paged, expected);
        // A cursor of the newest-first list is not one of the sample's.
        const QString newestCursor = page(u"?limit=1"_s).nextCursor;
        QCOMPARE(m_supervisor->get(u"/api/v1/reviews?spot_check=true&cursor="_s + newestCursor).status, 400);
    }

    void verdictStoredOverwrittenAndAudited()
    {
        const qint64 m1 = m_fixture.messages.value(u"m1"_s);
        const QString path = u"/api/v1/reviews/%1/verdict"_s.arg(m1);
        auto r = m_supervisor->post(path, {{u"verdict"_s, u"good"_s}});
        QCOMPARE(r.status, 200);
        QString error;
        auto item = json::reviewItemFromJson(r.json(), &error);
        QVERIFY2(item, qPrintable(error));
        QCOMPARE(item->verdict, u"good"_s);
        QCOMPARE(item->reviewerName, u"Sue"_s);

        r = m_supervisor->post(path, {{u"verdict"_s, u"harmful"_s}, {u"note"_s, u"promised too much"_s}});
        QCOMPARE(r.status, 200);
        item = json::reviewItemFromJson(r.json(), &error);
        QCOMPARE(item->verdict, u"harmful"_s);
        QCOMPARE(item->verdictNote, u"promised too much"_s);
        QVERIFY(ids(u"?verdict=harmful"_s).contains(m1));
        QVERIFY(!ids(u"?spot_check=true"_s).contains(m1)); // reviewed: out of the sample

        const auto audit =
            m_supervisor->get(u"/api/v1/audit?ticket_id=%1"_s.arg(m_fixture.tickets.value(u"t1"_s)));
        const QJsonArray entries = audit.json().value(u"items").toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0)[u"action"].toString(), u"review.verdict"_s);
        QCOMPARE(entries.at(0)[u"user_id"].toInteger(), m_fixture.users.value(u"sue"_s));
        QCOMPARE(entries.at(0)[u"before"][u"verdict"].toString(), u"good"_s);
        QCOMPARE(entries.at(0)[u"after"][u"verdict"].toString(), u"harmful"_s);
        QCOMPARE(entries.at(0)[u"after"][u"message_id"].toInteger(), m1);
        QVERIFY(entries.at(1)[u"before"].toObject().isEmpty());

        QCOMPARE(m_supervisor->post(path, {{u"verdict"_s, u"fine"_s}}).status, 400);
        QCOMPARE(m_supervisor->post(path, {{u"verdict"_s, u"good"_s}, {u"extra"_s, 1}}).status, 400);
        QCOMPARE(m_supervisor->post(u"/api/v1/reviews/999999/verdict"_s, {{u"verdict"_s, u"good"_s}}).status,
                 404);
        const qint64 customerMessage =
            m_supervisor->get(u"/api/v1/tickets/%1"_s.arg(m_fixture.tickets.value(u"t1"_s)))
                .json()[u"messages"][0][u"id"]
                .toInteger();
        QCOMPARE(m_supervisor
                     ->post(u"/api/v1/reviews/%1/verdict"_s.arg(customerMessage), {{u"verdict"_s, u"good"_s}})
                     .status,
                 404);
    }

    void policyPreconditionsAndValidation()
    {
        auto r = m_supervisor->get(u"/api/v1/policy/escalation"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("ETag"), QByteArray("\"0\""));
        QString error;
        const auto builtIn = json::escalationPolicyDocumentFromJson(r.json(), &error);
        QVERIFY2(builtIn, qPrintable(error));
        QCOMPARE(builtIn->version, 0);
        QVERIFY(builtIn->policy.value(u"defaults").isObject());
        QVERIFY(!builtIn->updatedAt.isValid());

        const QJsonObject valid{{u"version"_s, 1}, {u"defaults"_s, QJsonObject{{u"min_confidence"_s, 0.4}}}};
        r = putPolicy(valid, {});
        QCOMPARE(r.status, 428);
        r = putPolicy(valid, "\"4\"");
        QCOMPARE(r.status, 412);
        QCOMPARE(r.json().value(u"current_version").toInteger(), 0);
        r = putPolicy({{u"defaults"_s, QJsonObject{{u"min_confidence"_s, u"high"_s}}}}, "\"0\"");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), u"invalid_policy"_s);
        r = putPolicy({{u"queues"_s, QJsonObject{{u"q1"_s, QJsonObject{{u"colour"_s, 1}}}}}}, "\"0\"");
        QCOMPARE(r.status, 422);
        QVERIFY(r.json()[u"error"][u"message"].toString().contains(u"colour"_s));
        r = m_supervisor->request("PUT", u"/api/v1/policy/escalation"_s, "{\"rules\":{}}",
                                  {{"If-Match", "\"0\""}});
        QCOMPARE(r.status, 400);
        QCOMPARE(m_supervisor->get(u"/api/v1/policy/escalation"_s).json().value(u"version").toInteger(), 0);
    }

    void policyChangeTakesEffectAndIsAudited()
    {
        // Under the built-in policy a message the assistant cannot place goes to a person.
        QVERIFY(newTicket(u"Under the built-in policy"_s).value(u"needs_human").toBool());

        // Nothing to a person: the next draft follows at once.
        const QJsonObject lenient{{u"version"_s, 1},
                                  {u"defaults"_s, QJsonObject{{u"escalate_out_of_scope"_s, false},
                                                              {u"use_model_abstention"_s, false},
                                                              {u"min_confidence"_s, 0.0},
                                                              {u"negative_sentiment_at_or_below"_s, -1.0},
                                                              {u"repeat_contact_messages"_s, 0},
                                                              {u"repeat_window_days"_s, 0}}}};
        auto r = putPolicy(lenient, "\"0\"");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("ETag"), QByteArray("\"1\""));
        QString error;
        const auto doc = json::escalationPolicyDocumentFromJson(r.json(), &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->version, 1);
        QCOMPARE(doc->policy, lenient);
        QCOMPARE(doc->updatedByName, u"Sue"_s);
        QVERIFY(doc->updatedAt.isValid());
        QCOMPARE(m_supervisor->get(u"/api/v1/policy/escalation"_s).json().value(u"version").toInteger(), 1);
        QJsonObject ticket = newTicket(u"After the lenient policy"_s);
        QVERIFY2(!ticket.value(u"needs_human").toBool(),
                 qPrintable(ticket.value(u"needs_human_reason").toString()));

        // Everything to a person, with the policy's own reason.
        const QJsonObject strict{
            {u"version"_s, 1},
            {u"defaults"_s, QJsonObject{{u"escalate_out_of_scope"_s, false},
                                        {u"always"_s, true},
                                        {u"reason"_s, u"fixture: every ticket to a person"_s}}}};
        QCOMPARE(putPolicy(strict, "\"0\"").status, 412); // stale
        QCOMPARE(putPolicy(strict, "\"1\"").status, 200);
        ticket = newTicket(u"After the strict policy"_s);
        QVERIFY(ticket.value(u"needs_human").toBool());
        QVERIFY2(
            ticket.value(u"needs_human_reason").toString().contains(u"fixture: every ticket to a person"_s),
            qPrintable(ticket.value(u"needs_human_reason").toString()));

        const QJsonArray audit =
            m_supervisor->get(u"/api/v1/audit?limit=50"_s).json().value(u"items").toArray();
        QList<QJsonObject> changes;
        for (const QJsonValue &e : audit) {
            if (e[u"action"].toString() == u"policy.escalation")
                changes.append(e.toObject());
        }
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0)[u"before"][u"version"].toInteger(), 1);
        QCOMPARE(changes.at(0)[u"before"][u"policy"].toObject(), lenient);
        QCOMPARE(changes.at(0)[u"after"][u"version"].toInteger(), 2);
        QCOMPARE(changes.at(0)[u"after"][u"policy"].toObject(), strict);
        QCOMPARE(changes.at(1)[u"before"][u"version"].toInteger(), 0);
        QVERIFY(changes.at(1)[u"before"][u"policy"][u"defaults"].isObject()); // the built-in one
        QCOMPARE(changes.at(1)[u"user_id"].toInteger(), m_fixture.users.value(u"sue"_s));
    }
};

QTEST_GUILESS_MAIN(TestReviewPolicyApi)
#include "tst_review_policy_api.moc"
