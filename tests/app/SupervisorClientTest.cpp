// app::SupervisorClient against a real tandemd (demo company): suggestion statistics, reviews and
// verdicts, the escalation policy with If-Match (412 surfaces as a conflict), the preview, and the
// server refusing an agent.
#include "LiveFixture.h"
#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/ReviewListModel.h"
#include "app/SupervisorClient.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::app;

namespace {

//! Collects one callback's result; QTRY_VERIFY(waiter.result) waits for it.
template <typename T> struct Waiter
{
    std::optional<ApiResult<T>> result;
    ApiCallback<T> callback()
    {
        return [this](const ApiResult<T> &r) {
            result.emplace(r);
        };
    }
};

} // namespace

class SupervisorClientTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<test::TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        const test::Agent sam = test::loginAgent(m_server->baseUrl(), u"sam@lumen.example"_s);
        QVERIFY(!sam.token.isEmpty());
        QVERIFY(sam.user.role == Role::Supervisor);
        m_api = std::make_unique<ApiClient>(QUrl(m_server->baseUrl()));
        m_api->setToken(sam.token);
        m_api->setRetryPolicy(test::fastRetries());
        m_client = std::make_unique<SupervisorClient>(m_api.get());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_api.reset();
        m_server.reset();
    }

    void suggestionStats()
    {
        const QDateTime to = QDateTime::currentDateTimeUtc();
        for (const QString &groupBy : {u"intent"_s, u"language"_s, u"queue"_s, u"agent"_s}) {
            Waiter<SuggestionStatsReport> waiter;
            m_client->suggestionStats(to.addDays(-14), to, groupBy, this, waiter.callback());
            QTRY_VERIFY(waiter.result);
            QVERIFY2(waiter.result->ok(),
                     qPrintable(waiter.result->ok() ? QString() : waiter.result->error().message));
            const SuggestionStatsReport &report = waiter.result->value();
            QCOMPARE(report.groupBy, groupBy);
            QCOMPARE(report.calibration.size(), 10);
            int drafts = 0;
            for (const auto &row : report.rows)
                drafts += row.drafts;
            QCOMPARE(drafts, report.total.drafts);
        }
        // A bad grouping is the server's 400, passed through.
        Waiter<SuggestionStatsReport> bad;
        m_client->suggestionStats({}, {}, u"colour"_s, this, bad.callback());
        QTRY_VERIFY(bad.result);
        QVERIFY(!bad.result->ok());
        QCOMPARE(bad.result->error().status, 400);
    }

    void reviewsAndVerdict()
    {
        ReviewFilter filter;
        filter.limit = 5;
        Waiter<ReviewPage> page;
        m_client->reviews(filter, {}, this, page.callback());
        QTRY_VERIFY(page.result);
        QVERIFY(page.result->ok());
        if (page.result->value().items.isEmpty())
            QSKIP("the demo company has no AI-assisted replies");
        QVERIFY(page.result->value().items.size() <= 5);

        // Spot-check queue: as-is replies without a verdict.
        filter.spotCheck = true;
        Waiter<ReviewPage> sample;
        m_client->reviews(filter, {}, this, sample.callback());
        QTRY_VERIFY(sample.result);
        QVERIFY(sample.result->ok());
        const auto items = sample.result->value().items;
        QVERIFY(!items.isEmpty());
        for (const ReviewItem &item : items) {
            QCOMPARE(item.outcome, u"as_is"_s);
            QVERIFY(item.verdict.isEmpty());
        }

        const qint64 id = items.first().id;
        Waiter<ReviewItem> verdict;
        m_client->postVerdict(id, {u"should_have_been_edited"_s, u"Promised a date"_s}, this,
                              verdict.callback());
        QTRY_VERIFY(verdict.result);
        QVERIFY2(verdict.result->ok(),
                 qPrintable(verdict.result->ok() ? QString() : verdict.result->error().message));
        QCOMPARE(verdict.result->value().id, id);
        QCOMPARE(verdict.result->value().verdict, u"should_have_been_edited"_s);
        QCOMPARE(verdict.result->value().verdictNote, u"Promised a date"_s);

        // It left the spot-check queue and shows up under its verdict.
        ReviewFilter byVerdict;
        byVerdict.verdict = u"should_have_been_edited"_s;
        Waiter<ReviewPage> reviewed;
        m_client->reviews(byVerdict, {}, this, reviewed.callback());
        QTRY_VERIFY(reviewed.result);
        QVERIFY(reviewed.result->ok());
        QVERIFY(std::any_of(reviewed.result->value().items.cbegin(), reviewed.result->value().items.cend(),
                            [id](const ReviewItem &item) { return item.id == id; }));

        // Unknown review, bad verdict.
        Waiter<ReviewItem> missing;
        m_client->postVerdict(999999999, {u"good"_s, {}}, this, missing.callback());
        QTRY_VERIFY(missing.result);
        QCOMPARE(missing.result->error().status, 404);
        Waiter<ReviewItem> wrong;
        m_client->postVerdict(id, {u"meh"_s, {}}, this, wrong.callback());
        QTRY_VERIFY(wrong.result);
        QCOMPARE(wrong.result->error().status, 400);
    }

    void reviewListModelPagesThroughTheServer()
    {
        ReviewListModel model(m_client.get());
        QSignalSpy loaded(&model, &ReviewListModel::pageLoaded);
        ReviewFilter filter;
        filter.limit = 2;
        model.setFilter(filter);
        QTRY_COMPARE(loaded.size(), 1);
        if (model.rowCount() == 0)
            QSKIP("the demo company has no AI-assisted replies");
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.hasMore());
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one request at a time
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(model.rowCount(), 4);

        // Under the tester (which fetches more whenever it can) every page arrives, each reply once.
        ReviewListModel all(m_client.get());
        QAbstractItemModelTester tester(&all, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.limit = 50;
        all.setFilter(filter);
        QTRY_VERIFY_WITH_TIMEOUT(all.rowCount() > 0 && !all.hasMore() && !all.isLoading(), 30000);
        QSet<qint64> ids;
        for (int row = 0; row < all.rowCount(); ++row)
            ids.insert(all.index(row, 0).data(ReviewListModel::ReviewIdRole).toLongLong());
        QCOMPARE(ids.size(), all.rowCount());

        // A new filter drops the old list at once.
        filter.outcome = u"edited"_s;
        all.setFilter(filter);
        QCOMPARE(all.rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!all.hasMore() && !all.isLoading(), 30000);
        for (int row = 0; row < all.rowCount(); ++row)
            QCOMPARE(all.itemAt(row)->outcome, u"edited"_s);
    }

    void escalationPolicyWithIfMatch()
    {
        Waiter<EscalationPolicyDocument> current;
        m_client->escalationPolicy(this, current.callback());
        QTRY_VERIFY(current.result);
        QVERIFY(current.result->ok());
        const EscalationPolicyDocument doc = current.result->value();
        QVERIFY(doc.policy.contains(u"defaults"_s));

        QJsonObject edited = doc.policy;
        QJsonObject queues = edited.value(u"queues"_s).toObject();
        queues.insert(u"cards"_s, QJsonObject{{u"min_confidence"_s, 0.6}});
        edited.insert(u"queues"_s, queues);

        Waiter<PolicyPreview> preview;
        m_client->previewEscalationPolicy(edited, 7, this, preview.callback());
        QTRY_VERIFY(preview.result);
        QVERIFY2(preview.result->ok(),
                 qPrintable(preview.result->ok() ? QString() : preview.result->error().message));
        QCOMPARE(preview.result->value().days, 7);
        QVERIFY(preview.result->value().wouldEscalate <= preview.result->value().tickets);

        Waiter<EscalationPolicyDocument> saved;
        m_client->saveEscalationPolicy(edited, doc.version, this, saved.callback());
        QTRY_VERIFY(saved.result);
        QVERIFY2(saved.result->ok(),
                 qPrintable(saved.result->ok() ? QString() : saved.result->error().message));
        QCOMPARE(saved.result->value().version, doc.version + 1);
        QVERIFY(!saved.result->value().updatedByName.isEmpty());
        QCOMPARE(saved.result->value().policy.value(u"queues"_s).toObject().value(u"cards"_s).toObject(),
                 (QJsonObject{{u"min_confidence"_s, 0.6}}));

        // Someone who still holds the old version gets a clear conflict, not an overwrite.
        Waiter<EscalationPolicyDocument> stale;
        m_client->saveEscalationPolicy(doc.policy, doc.version, this, stale.callback());
        QTRY_VERIFY(stale.result);
        QVERIFY(!stale.result->ok());
        QVERIFY(SupervisorClient::isConflict(stale.result->error()));
        QVERIFY2(stale.result->error().message.contains(u"Someone else changed"_s),
                 qPrintable(stale.result->error().message));

        // An invalid policy is the server's 422 with its reason.
        QJsonObject invalid = edited;
        invalid.insert(u"defaults"_s, QJsonObject{{u"min_confidence"_s, 3}});
        Waiter<EscalationPolicyDocument> refused;
        m_client->saveEscalationPolicy(invalid, doc.version + 1, this, refused.callback());
        QTRY_VERIFY(refused.result);
        QCOMPARE(refused.result->error().status, 422);
        QVERIFY(refused.result->error().message.contains(u"min_confidence"_s));
    }

    void agentsAreRefused()
    {
        const test::Agent ava = test::loginAgent(m_server->baseUrl(), u"ava@lumen.example"_s);
        QVERIFY(!ava.token.isEmpty());
        ApiClient api(QUrl(m_server->baseUrl()));
        api.setToken(ava.token);
        SupervisorClient client(&api);
        Waiter<SuggestionStatsReport> stats;
        client.suggestionStats({}, {}, u"intent"_s, this, stats.callback());
        QTRY_VERIFY(stats.result);
        QCOMPARE(stats.result->error().status, 403);
        Waiter<EscalationPolicyDocument> policy;
        client.saveEscalationPolicy({}, 0, this, policy.callback());
        QTRY_VERIFY(policy.result);
        QCOMPARE(policy.result->error().status, 403);
    }

private:
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SupervisorClient> m_client;
};

QTEST_GUILESS_MAIN(SupervisorClientTest)
#include "SupervisorClientTest.moc"
