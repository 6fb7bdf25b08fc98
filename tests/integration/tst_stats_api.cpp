// GET /stats/queues, /stats/agents, /stats/suggestions and POST /policy/escalation/preview against
// a hand-checked history (StatsFixture.cpp), over real HTTP with a real tandemd and SQLite file.
#include "StatsFixture.h"
#include "TestServer.h"

#include "core/JsonReader.h"
#include "core/StatsJson.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::test::TestHttp;
using tandem::test::TestServer;

namespace {
QDateTime hourOf(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms - ms % 3'600'000, Qt::UTC);
}

const SuggestionStatsRow *row(const SuggestionStatsReport &report, const QString &key)
{
    for (const SuggestionStatsRow &r : report.rows) {
        if (r.key == key)
            return &r;
    }
    return nullptr;
}
} // namespace

class TestStatsApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    StatsFixture m_fixture;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttp> m_lead;
    std::unique_ptr<TestHttp> m_supervisor;

    SuggestionStatsReport suggestions(const QString &query)
    {
        const auto r = m_supervisor->get(u"/api/v1/stats/suggestions"_s + query);
        if (r.status != 200)
            qWarning("suggestions: %d %s", r.status, r.body.constData());
        QString error;
        const auto report = json::suggestionStatsReportFromJson(r.json(), &error);
        if (!report)
            qWarning("decode: %s", qPrintable(error));
        return report.value_or(SuggestionStatsReport{});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(u"stats.db"_s);
        QString error;
        QVERIFY2(m_fixture.build(path, &error), qPrintable(error));
        TestServer::Options options;
        options.databasePath = path;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_lead = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_lead->login(u"lee@stats.example"_s));
        m_supervisor = std::make_unique<TestHttp>(m_server->baseUrl());
        QVERIFY(m_supervisor->login(u"sue@stats.example"_s));
    }

    void queueStats()
    {
        const auto r = m_lead->get(u"/api/v1/stats/queues"_s);
        QCOMPARE(r.status, 200);
        QString error;
        const auto report = json::queueStatsReportFromJson(r.json(), &error);
        QVERIFY2(report, qPrintable(error));
        const QDateTime now = report->generatedAt;
        QVERIFY(now >= m_fixture.t0);
        QCOMPARE(report->queues.size(), 2);

        const QueueStats &q1 = report->queues.at(0);
        QCOMPARE(q1.queue, u"q1"_s);
        QCOMPARE(q1.name, u"Queue One"_s);
        QCOMPARE(q1.open, 3);             // t1 open, t2 new, t3 pending
        QCOMPARE(q1.newLastHour, 1);      // t2
        QCOMPARE(q1.slaDueWithinHour, 1); // t2
        QCOMPARE(q1.breached, 1);         // t1
        QCOMPARE(q1.needsHuman, 1);       // t1
        QCOMPARE(q1.oldestWaitingTicketId, m_fixture.tickets.value(u"t3"_s));
        QCOMPARE(q1.oldestWaitingSeconds, m_fixture.ticketCreated.value(u"t3"_s).secsTo(now));

        const QueueStats &q2 = report->queues.at(1);
        QCOMPARE(q2.open, 2);        // t6, t8
        QCOMPARE(q2.newLastHour, 1); // t6
        QCOMPARE(q2.slaDueWithinHour, 0);
        QCOMPARE(q2.breached, 0);
        QCOMPARE(q2.needsHuman, 1); // t6
        QCOMPARE(q2.oldestWaitingTicketId, m_fixture.tickets.value(u"t8"_s));

        // 25 hourly buckets ending with the current hour; arrivals and solved where the fixture put them.
        QCOMPARE(report->hourly.size(), 25);
        QCOMPARE(report->hourly.last().hourStart, hourOf(now));
        QCOMPARE(report->hourly.first().hourStart, hourOf(now).addSecs(-24 * 3600));
        QHash<QDateTime, QPair<int, int>> expected; // hour -> (arrivals, solved), both queues
        for (const QString &t : {u"t1"_s, u"t2"_s, u"t3"_s, u"t4"_s, u"t6"_s})
            ++expected[hourOf(m_fixture.ticketCreated.value(t))].first;
        ++expected[hourOf(m_fixture.t0.addSecs(-19 * 3600))].second; // t4
        ++expected[hourOf(m_fixture.t0.addSecs(-2 * 3600))].second;  // t5
        int arrivals = 0;
        int solved = 0;
        for (const HourBucket &b : report->hourly) {
            QCOMPARE(b.arrivals, expected.value(b.hourStart).first);
            QCOMPARE(b.solved, expected.value(b.hourStart).second);
            arrivals += b.arrivals;
            solved += b.solved;
        }
        QCOMPARE(arrivals, 5);
        QCOMPARE(solved, 2);
        int q2Arrivals = 0;
        for (const HourBucket &b : q2.hourly)
            q2Arrivals += b.arrivals;
        QCOMPARE(q2Arrivals, 1); // t6; t7 and t8 are older than a day
    }

    void agentStats()
    {
        const auto r = m_lead->get(u"/api/v1/stats/agents"_s);
        QCOMPARE(r.status, 200);
        QString error;
        const auto report = json::agentStatsReportFromJson(r.json(), &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->agents.size(), 5);
        const QDateTime midnight(report->generatedAt.date(), QTime(0, 0), Qt::UTC);
        auto repliesToday = [&](const QString &user) {
            int n = 0;
            for (const auto &[who, at] : m_fixture.replies)
                n += who == user && at >= midnight ? 1 : 0;
            return n;
        };
        QHash<QString, AgentStats> byEmail;
        for (const AgentStats &a : report->agents)
            byEmail.insert(a.email.section(u'@', 0, 0), a);

        const AgentStats ann = byEmail.value(u"ann"_s);
        QCOMPARE(ann.role, u"agent"_s);
        QCOMPARE(ann.assignedOpen, 2);                  // t1, t3
        QCOMPARE(ann.medianHandleSeconds, qint64(600)); // 600, 1800, 300
        QCOMPARE(ann.repliesToday, repliesToday(u"ann"_s));
        QCOMPARE(ann.presence, u"offline"_s);

        const AgentStats bob = byEmail.value(u"bob"_s);
        QCOMPARE(bob.assignedOpen, 1);                  // t6
        QCOMPARE(bob.medianHandleSeconds, qint64(120)); // m4; m7 is older than 7 days
        QCOMPARE(bob.presence, u"away"_s);              // viewed a ticket 10 minutes ago

        QCOMPARE(byEmail.value(u"sue"_s).presence, u"online"_s); // just logged in
        QCOMPARE(byEmail.value(u"sue"_s).role, u"supervisor"_s);
        QCOMPARE(byEmail.value(u"sue"_s).medianHandleSeconds, std::nullopt);
        QCOMPARE(byEmail.value(u"adm"_s).presence, u"offline"_s);
    }

    void suggestionsByIntent()
    {
        const SuggestionStatsReport report = suggestions(u"?group_by=intent"_s);
        QCOMPARE(report.groupBy, u"intent"_s);
        QCOMPARE(report.rows.size(), 4);

        const SuggestionStatsRow *card = row(report, u"card"_s); // d1 as_is, d2 discarded, d7 as_is
        QVERIFY(card);
        QCOMPARE(card->drafts, 3);
        QCOMPARE(card->sentAsIs, 2);
        QCOMPARE(card->discarded, 1);
        QCOMPARE(card->acceptanceRate, 2.0 / 3.0);
        QCOMPARE(card->medianEditDistance, 0.0);
        QCOMPARE(card->p90EditDistance, 0.0);
        QCOMPARE(card->needsHumanRate, 1.0 / 3.0);
        QVERIFY(qFuzzyCompare(card->averageConfidence, (0.95 + 0.72 + 0.91) / 3));
        QCOMPARE(card->reopened, 0);
        QCOMPARE(card->spotChecked, 1);
        QCOMPARE(card->verdictGood, 1);

        const SuggestionStatsRow *refund = row(report, u"refund"_s); // d4 edited 30 harmful, d6 undecided
        QVERIFY(refund);
        QCOMPARE(refund->drafts, 2);
        QCOMPARE(refund->edited, 1);
        QCOMPARE(refund->acceptanceRate, 1.0);
        QCOMPARE(refund->medianEditDistance, 30.0);
        QCOMPARE(refund->needsHumanRate, 0.5);
        QCOMPARE(refund->verdictHarmful, 1);

        const SuggestionStatsRow *address = row(report, u"address"_s); // d3 edited 12 reopened, d3b own
        QVERIFY(address);
        QCOMPARE(address->edited, 1);
        QCOMPARE(address->ownReply, 1);
        QCOMPARE(address->acceptanceRate, 0.5);
        QCOMPARE(address->medianEditDistance, 12.0); // own replies do not count
        QCOMPARE(address->reopened, 1);

        const SuggestionStatsRow *none = row(report, QString());
        QVERIFY(none);
        QCOMPARE(none->label, u"(none)"_s);
        QCOMPARE(none->discarded, 1);
        QCOMPARE(none->acceptanceRate, 0.0);
        QCOMPARE(none->medianEditDistance, std::nullopt);

        const SuggestionStatsRow &total = report.total;
        QCOMPARE(total.drafts, 8);
        QCOMPARE(total.sentAsIs, 2);
        QCOMPARE(total.edited, 2);
        QCOMPARE(total.ownReply, 1);
        QCOMPARE(total.discarded, 2);
        QCOMPARE(total.acceptanceRate, 4.0 / 7.0);
        QCOMPARE(total.medianEditDistance, 6.0); // 0 0 12 30
        QCOMPARE(total.p90EditDistance, 30.0);   // nearest rank: the 4th of 4
        QCOMPARE(total.needsHumanRate, 0.25);
        QVERIFY(qFuzzyCompare(total.averageConfidence, 5.13 / 8));
        QCOMPARE(total.reopened, 1);
        QCOMPARE(total.spotChecked, 2);

        // Calibration over decided drafts: bin -> (decided, accepted).
        QCOMPARE(report.calibration.size(), 10);
        const QList<QPair<int, int>> bins{{0, 0}, {1, 0}, {0, 0}, {0, 0}, {0, 0},
                                          {1, 0}, {1, 1}, {1, 0}, {1, 1}, {2, 2}};
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(report.calibration.at(i).from, i / 10.0);
            QCOMPARE(report.calibration.at(i).decided, bins.at(i).first);
            QCOMPARE(report.calibration.at(i).accepted, bins.at(i).second);
        }
        QVERIFY(qFuzzyCompare(report.calibration.at(9).averageConfidence, 0.93));
    }

    void suggestionsByOtherGroupsAndRange()
    {
        SuggestionStatsReport report = suggestions(u"?group_by=agent"_s);
        QCOMPARE(report.rows.size(), 2);
        const SuggestionStatsRow *ann = row(report, QString::number(m_fixture.users.value(u"ann"_s)));
        QVERIFY(ann);
        QCOMPARE(ann->label, u"Ann"_s);
        QCOMPARE(ann->drafts, 4); // d1 d2 d3 d3b
        report = suggestions(u"?group_by=queue"_s);
        QCOMPARE(row(report, u"q2"_s)->label, u"Queue Two"_s);
        QCOMPARE(row(report, u"q2"_s)->drafts, 3); // d6 d7 d8
        report = suggestions(u"?group_by=language"_s);
        QCOMPARE(report.rows.size(), 1);
        QCOMPARE(report.rows.first().key, u"en"_s);

        // Tickets created in [from, to): the last day holds t1 t2 t3 t4 t6 (drafts d1 d2 d3 d3b d4 d6).
        const QDateTime from = m_fixture.t0.addSecs(-24 * 3600);
        report =
            suggestions(u"?from="_s + formatTime(from) + u"&to="_s + formatTime(m_fixture.t0.addSecs(60)));
        QCOMPARE(report.total.drafts, 6);
        QCOMPARE(report.from, from);
    }

    void suggestionsRejectBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("group") << u"?group_by=weekday"_s;
        QTest::newRow("from") << u"?from=yesterday"_s;
        QTest::newRow("to") << u"?to=2026-13-01T00:00:00Z"_s;
        QTest::newRow("reversed") << u"?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"_s;
        QTest::newRow("too long") << u"?from=2024-01-01T00:00:00Z&to=2026-11-01T00:00:00Z"_s;
    }

    void suggestionsRejectBadParameters()
    {
        QFETCH(QString, query);
        const auto r = m_supervisor->get(u"/api/v1/stats/suggestions"_s + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"invalid_parameter"_s);
    }

    void policyPreview()
    {
        // Proposed: 70% minimum confidence, no out-of-scope or model-abstention rule.
        const QJsonObject proposed{{u"version"_s, 1},
                                   {u"defaults"_s, QJsonObject{{u"min_confidence"_s, 0.7},
                                                               {u"escalate_out_of_scope"_s, false},
                                                               {u"use_model_abstention"_s, false}}}};
        const auto r = m_supervisor->post(u"/api/v1/policy/escalation/preview"_s,
                                          {{u"policy"_s, proposed}, {u"days"_s, 7}});
        QCOMPARE(r.status, 200);
        QString error;
        const auto p = json::policyPreviewFromJson(r.json(), &error);
        QVERIFY2(p, qPrintable(error));
        auto ids = [this](const QStringList &keys) {
            QList<qint64> out;
            for (const QString &k : keys)
                out.append(m_fixture.tickets.value(k));
            return out;
        };
        QCOMPARE(p->days, 7);
        QCOMPARE(p->tickets, 7);      // t7 is older than 7 days
        QCOMPARE(p->escalatedNow, 2); // built-in: t1 sentiment, t8 out of scope (abstention is off)
        QCOMPARE(p->wouldEscalate, 4);
        QCOMPARE(p->byReason.value(u"negative_sentiment"_s), 1);
        QCOMPARE(p->byReason.value(u"low_confidence"_s), 3); // t3 t5 t6
        QCOMPARE(p->byReason.size(), 2);
        QCOMPARE(p->newlyEscalated, ids({u"t3"_s, u"t5"_s, u"t6"_s}));
        QCOMPARE(p->noLongerEscalated, ids({u"t8"_s}));

        const auto oneDay = m_supervisor->post(u"/api/v1/policy/escalation/preview"_s,
                                               {{u"policy"_s, proposed}, {u"days"_s, 1}});
        QCOMPARE(oneDay.json().value(u"tickets").toInt(), 5); // t1 t2 t3 t4 t6

        QCOMPARE(m_supervisor
                     ->post(u"/api/v1/policy/escalation/preview"_s, {{u"policy"_s, proposed}, {u"days"_s, 0}})
                     .status,
                 400);
        const auto invalid = m_supervisor->post(
            u"/api/v1/policy/escalation/preview"_s,
            {{u"policy"_s, QJsonObject{{u"defaults"_s, QJsonObject{{u"min_confidence"_s, 2}}}}}});
        QCOMPARE(invalid.status, 422);
        QCOMPARE(invalid.errorCode(), u"invalid_policy"_s);
        QVERIFY(invalid.json()[u"error"][u"message"].toString().contains(u"min_confidence"_s));
    }
};

QTEST_GUILESS_MAIN(TestStatsApi)
#include "tst_stats_api.moc"
