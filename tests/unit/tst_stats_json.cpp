// tandem_core's stats, reviews and policy codecs: every shape round-trips, nulls are null, and
// the decoders reject wrong types with a reason that names the field.
#include "core/StatsJson.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;

class TestStatsJson : public QObject
{
    Q_OBJECT

private:
    static QDateTime at(int hour, int minute = 0)
    {
        return QDateTime(QDate(2026, 11, 25), QTime(hour, minute), Qt::UTC);
    }

    static QueueStatsReport sampleQueues()
    {
        QueueStatsReport report;
        report.generatedAt = at(10, 30);
        QueueStats q;
        q.queue = u"cards"_s;
        q.name = u"Cards"_s;
        q.open = 12;
        q.newLastHour = 3;
        q.oldestWaitingSeconds = 7200;
        q.oldestWaitingTicketId = 41;
        q.slaDueWithinHour = 2;
        q.breached = 1;
        q.needsHuman = 4;
        q.hourly = {{at(9), 5, 2}, {at(10), 1, 0}};
        QueueStats empty;
        empty.queue = u"orders"_s;
        empty.name = u"Orders"_s;
        report.queues = {q, empty};
        report.hourly = q.hourly;
        return report;
    }

    static SuggestionStatsRow sampleRow()
    {
        SuggestionStatsRow row;
        row.key = u"card_arrival"_s;
        row.label = u"card_arrival"_s;
        row.drafts = 10;
        row.sentAsIs = 4;
        row.edited = 3;
        row.ownReply = 2;
        row.discarded = 1;
        row.acceptanceRate = 0.7;
        row.medianEditDistance = 12.5;
        row.p90EditDistance = 80.0;
        row.needsHumanRate = 0.2;
        row.averageConfidence = 0.81;
        row.reopened = 1;
        row.spotChecked = 3;
        row.verdictGood = 1;
        row.verdictShouldEdit = 1;
        row.verdictHarmful = 1;
        return row;
    }

    static ReviewItem sampleReview()
    {
        ReviewItem i;
        i.id = 77;
        i.ticketId = 5;
        i.ticketSubject = u"Kortet har inte kommit"_s;
        i.queue = u"cards"_s;
        i.intent = u"card_arrival"_s;
        i.language = u"sv"_s;
        i.agentId = 3;
        i.agentName = u"Ava"_s;
        i.sentAt = at(8, 15);
        i.outcome = u"edited"_s;
        i.draftId = 9;
        i.draftBody = u"Hej!"_s;
        i.sentBody = u"Hej Åsa!"_s;
        i.confidence = 0.9;
        i.citations = {{u"kb:1"_s, u"Cards"_s, u"Cards arrive in 5 days"_s}};
        i.flags = {{u"promise"_s, u"check the promise"_s, 2, 4}, {u"language"_s, u"whole"_s, -1, 0}};
        i.editDistance = 4;
        i.reopened = true;
        i.verdict = u"harmful"_s;
        i.verdictNote = u"wrong fee"_s;
        i.reviewerName = u"Sam"_s;
        i.reviewedAt = at(9);
        return i;
    }

private Q_SLOTS:
    void queueStatsRoundTrip()
    {
        const QueueStatsReport report = sampleQueues();
        const QJsonObject o = json::toJson(report);
        const QJsonObject first = o.value(u"queues").toArray().at(0).toObject();
        QCOMPARE(first.value(u"new_last_hour").toInt(), 3);
        QCOMPARE(first.value(u"hourly").toArray().at(0).toObject().value(u"hour_start").toString(),
                 u"2026-11-25T09:00:00.000Z"_s);
        QVERIFY(o.value(u"queues").toArray().at(1).toObject().value(u"oldest_waiting_ticket_id").isNull());
        QString error;
        const auto back = json::queueStatsReportFromJson(o, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->generatedAt, report.generatedAt);
        QCOMPARE(back->queues, report.queues);
        QCOMPARE(back->hourly, report.hourly);
    }

    void agentStatsRoundTrip()
    {
        AgentStatsReport report;
        report.generatedAt = at(11);
        AgentStats a{3, u"Ava"_s, u"ava@lumen.example"_s, u"agent"_s, u"online"_s, 4, 9, 420};
        AgentStats b{4, u"Leo"_s, u"leo@lumen.example"_s, u"lead"_s, u"offline"_s, 0, 0, std::nullopt};
        report.agents = {a, b};
        const QJsonObject o = json::toJson(report);
        QVERIFY(o.value(u"agents").toArray().at(1).toObject().value(u"median_handle_seconds").isNull());
        const auto back = json::agentStatsReportFromJson(o, nullptr);
        QVERIFY(back);
        QCOMPARE(back->agents, report.agents);
        QCOMPARE(back->generatedAt, report.generatedAt);
    }

    void suggestionStatsRoundTrip()
    {
        SuggestionStatsReport report;
        report.from = at(0);
        report.to = at(12);
        report.groupBy = u"intent"_s;
        SuggestionStatsRow none;
        none.key = u"other"_s;
        none.label = u"other"_s;
        report.rows = {sampleRow(), none};
        report.total = sampleRow();
        report.calibration = {{0.0, 0.1, 0, 0, 0.0}, {0.9, 1.0, 5, 4, 0.93}};
        const QJsonObject o = json::toJson(report);
        const QJsonObject row = o.value(u"rows").toArray().at(0).toObject();
        QCOMPARE(row.value(u"sent_as_is").toInt(), 4);
        QCOMPARE(row.value(u"verdict_should_edit").toInt(), 1);
        QVERIFY(o.value(u"rows").toArray().at(1).toObject().value(u"p90_edit_distance").isNull());
        QString error;
        const auto back = json::suggestionStatsReportFromJson(o, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->rows, report.rows);
        QCOMPARE(back->total, report.total);
        QCOMPARE(back->calibration, report.calibration);
        QCOMPARE(back->groupBy, report.groupBy);
        QCOMPARE(back->from, report.from);
    }

    void reviewPageRoundTrip()
    {
        ReviewItem unreviewed = sampleReview();
        unreviewed.id = 78;
        unreviewed.verdict.clear();
        unreviewed.verdictNote.clear();
        unreviewed.reviewerName.clear();
        unreviewed.reviewedAt = {};
        unreviewed.citations.clear();
        unreviewed.flags.clear();
        ReviewPage page{{sampleReview(), unreviewed}, u"abc"_s};
        const QJsonObject o = json::toJson(page);
        const QJsonObject second = o.value(u"items").toArray().at(1).toObject();
        QVERIFY(second.value(u"verdict").isNull());
        QVERIFY(second.value(u"reviewed_at").isNull());
        QString error;
        auto back = json::reviewPageFromJson(o, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->items, page.items);
        QCOMPARE(back->nextCursor, page.nextCursor);

        page.nextCursor.clear();
        QVERIFY(json::toJson(page).value(u"next_cursor").isNull());
        back = json::reviewPageFromJson(json::toJson(page), &error);
        QVERIFY(back && back->nextCursor.isEmpty());
    }

    void verdictRequest()
    {
        const VerdictRequest v{u"should_have_been_edited"_s, u"tone"_s};
        auto back = json::verdictRequestFromJson(json::toJson(v), nullptr);
        QVERIFY(back);
        QCOMPARE(back->verdict, v.verdict);
        QCOMPARE(back->note, v.note);

        QString error;
        QVERIFY(!json::verdictRequestFromJson({{u"verdict"_s, u"meh"_s}}, &error));
        QVERIFY2(error.startsWith(u"verdict:"_s), qPrintable(error));
        QVERIFY(!json::verdictRequestFromJson({{u"verdict"_s, u"good"_s}, {u"extra"_s, 1}}, &error));
        QVERIFY2(error.startsWith(u"extra:"_s), qPrintable(error));
        QVERIFY(!json::verdictRequestFromJson({{u"verdict"_s, u"good"_s}, {u"note"_s, QString(2001, u'x')}},
                                              &error));
        QVERIFY(!json::verdictRequestFromJson({{u"verdict"_s, 3}}, &error));
    }

    void policyDocumentAndPreview()
    {
        EscalationPolicyDocument d;
        d.policy = {{u"min_confidence"_s, 0.55}};
        d.version = 3;
        d.updatedAt = at(7);
        d.updatedByName = u"Sam"_s;
        auto back = json::escalationPolicyDocumentFromJson(json::toJson(d), nullptr);
        QVERIFY(back);
        QCOMPARE(back->policy, d.policy);
        QCOMPARE(back->version, 3);
        QCOMPARE(back->updatedAt, d.updatedAt);
        QCOMPARE(back->updatedByName, d.updatedByName);

        const EscalationPolicyDocument builtIn{{{u"x"_s, 1}}, 0, {}, {}};
        const QJsonObject o = json::toJson(builtIn);
        QVERIFY(o.value(u"updated_at").isNull());
        QVERIFY(o.value(u"updated_by_name").isNull());
        QVERIFY(json::escalationPolicyDocumentFromJson(o, nullptr));

        PolicyPreview p;
        p.days = 7;
        p.tickets = 40;
        p.escalatedNow = 6;
        p.wouldEscalate = 9;
        p.byReason = {{u"low_confidence"_s, 5}, {u"negative_sentiment"_s, 4}};
        p.newlyEscalated = {3, 5, 8};
        p.noLongerEscalated = {11};
        const auto pb = json::policyPreviewFromJson(json::toJson(p), nullptr);
        QVERIFY(pb);
        QCOMPARE(pb->byReason, p.byReason);
        QCOMPARE(pb->newlyEscalated, p.newlyEscalated);
        QCOMPARE(pb->noLongerEscalated, p.noLongerEscalated);
        QCOMPARE(pb->wouldEscalate, 9);
    }

    void wrongTypesAreRejected_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expectedPrefix");
        QTest::newRow("queues: open as string")
            << u"queues"_s << u"open"_s << QJsonValue(u"3"_s) << u"queues: item 0: open"_s;
        QTest::newRow("queues: negative count")
            << u"queues"_s << u"breached"_s << QJsonValue(-1) << u"queues: item 0: breached"_s;
        QTest::newRow("queues: hour_start not a time")
            << u"queues"_s << u"hourly"_s
            << QJsonValue(QJsonArray{QJsonObject{{u"hour_start"_s, u"yesterday"_s}}})
            << u"queues: item 0: hourly: item 0: hour_start"_s;
        QTest::newRow("row: rate as string")
            << u"row"_s << u"acceptance_rate"_s << QJsonValue(u"0.5"_s) << u"rows: item 0: acceptance_rate"_s;
        QTest::newRow("row: p90 as bool")
            << u"row"_s << u"p90_edit_distance"_s << QJsonValue(true) << u"rows: item 0: p90_edit_distance"_s;
        QTest::newRow("review: reopened as int")
            << u"review"_s << u"reopened"_s << QJsonValue(1) << u"reopened"_s;
        QTest::newRow("review: citations as object")
            << u"review"_s << u"citations"_s << QJsonValue(QJsonObject{}) << u"citations"_s;
        QTest::newRow("review: unknown verdict")
            << u"review"_s << u"verdict"_s << QJsonValue(u"fine"_s) << u"verdict"_s;
        QTest::newRow("review: edit distance fractional")
            << u"review"_s << u"edit_distance"_s << QJsonValue(2.5) << u"edit_distance"_s;
        QTest::newRow("preview: by_reason value")
            << u"preview"_s << u"by_reason"_s << QJsonValue(QJsonObject{{u"x"_s, u"1"_s}}) << u"by_reason"_s;
        QTest::newRow("preview: ids as strings")
            << u"preview"_s << u"newly_escalated"_s << QJsonValue(QJsonArray{u"1"_s}) << u"newly_escalated"_s;
        QTest::newRow("policy: policy as array")
            << u"policy"_s << u"policy"_s << QJsonValue(QJsonArray{}) << u"policy"_s;
        QTest::newRow("policy: version missing")
            << u"policy"_s << u"version"_s << QJsonValue(QJsonValue::Null) << u"version"_s;
    }

    void wrongTypesAreRejected()
    {
        QFETCH(QString, shape);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expectedPrefix);
        QString error;
        bool decoded = true;
        if (shape == u"queues") {
            QJsonObject o = json::toJson(sampleQueues());
            QJsonArray queues = o.value(u"queues").toArray();
            QJsonObject q = queues.at(0).toObject();
            q.insert(key, value);
            queues[0] = q;
            o.insert(u"queues"_s, queues);
            decoded = json::queueStatsReportFromJson(o, &error).has_value();
        } else if (shape == u"row") {
            SuggestionStatsReport report;
            report.from = at(0);
            report.to = at(1);
            report.groupBy = u"intent"_s;
            report.rows = {sampleRow()};
            QJsonObject o = json::toJson(report);
            QJsonArray rows = o.value(u"rows").toArray();
            QJsonObject row = rows.at(0).toObject();
            row.insert(key, value);
            rows[0] = row;
            o.insert(u"rows"_s, rows);
            decoded = json::suggestionStatsReportFromJson(o, &error).has_value();
        } else if (shape == u"review") {
            QJsonObject o = json::toJson(sampleReview());
            o.insert(key, value);
            decoded = json::reviewItemFromJson(o, &error).has_value();
        } else if (shape == u"preview") {
            QJsonObject o = json::toJson(PolicyPreview{});
            o.insert(key, value);
            decoded = json::policyPreviewFromJson(o, &error).has_value();
        } else {
            QJsonObject o = json::toJson(EscalationPolicyDocument{{}, 1, {}, {}});
            o.insert(key, value);
            decoded = json::escalationPolicyDocumentFromJson(o, &error).has_value();
        }
        QVERIFY(!decoded);
        QVERIFY2(error.startsWith(expectedPrefix), qPrintable(error));
    }

    void notAnObjectInList()
    {
        QJsonObject o = json::toJson(AgentStatsReport{at(1), {}});
        o.insert(u"agents"_s, QJsonArray{42});
        QString error;
        QVERIFY(!json::agentStatsReportFromJson(o, &error));
        QCOMPARE(error, u"agents: item 0: expected an object"_s);
    }
};

QTEST_APPLESS_MAIN(TestStatsJson)
#include "tst_stats_json.moc"
