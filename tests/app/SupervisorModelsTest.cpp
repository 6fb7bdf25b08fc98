// The supervisor workspace's engine without a server: the automation-bias rules, and the
// statistics, calibration, review-list and escalation-policy models under QAbstractItemModelTester.
#include "app/AutomationBiasWatch.h"
#include "app/CalibrationModel.h"
#include "app/EscalationPolicyModel.h"
#include "app/ReviewListModel.h"
#include "app/SuggestionStatsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::app;

namespace {

SuggestionStatsRow row(const QString &key, int asIs, int edited, int own, int discarded)
{
    SuggestionStatsRow r;
    r.key = key;
    r.label = key.toUpper();
    r.sentAsIs = asIs;
    r.edited = edited;
    r.ownReply = own;
    r.discarded = discarded;
    r.drafts = asIs + edited + own + discarded;
    const int decided = r.drafts;
    r.acceptanceRate = decided ? double(asIs + edited) / decided : 0.0;
    return r;
}

SuggestionStatsRow withVerdicts(SuggestionStatsRow r, int good, int shouldEdit, int harmful)
{
    r.verdictGood = good;
    r.verdictShouldEdit = shouldEdit;
    r.verdictHarmful = harmful;
    r.spotChecked = good + shouldEdit + harmful;
    return r;
}

ReviewItem review(qint64 id, const QString &verdict = {})
{
    ReviewItem item;
    item.id = id;
    item.ticketId = id * 10;
    item.ticketSubject = u"Subject %1"_s.arg(id);
    item.agentName = u"Ava"_s;
    item.outcome = u"as_is"_s;
    item.confidence = 0.9;
    item.sentAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
    item.verdict = verdict;
    return item;
}

} // namespace

class SupervisorModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void biasWatchNeedsHighAsIsShare()
    {
        AutomationBiasWatch watch;
        // 5 of 10 as is (50 %) with terrible verdicts: below the 60 % bar, not flagged.
        QVERIFY(!watch.evaluate(withVerdicts(row(u"a"_s, 5, 3, 1, 1), 0, 2, 2)));
        // 6 of 10 (exactly 60 %) with 1 of 4 bad (25 %, exactly the bar): flagged.
        const auto exact = watch.evaluate(withVerdicts(row(u"b"_s, 6, 2, 1, 1), 3, 1, 0));
        QVERIFY(exact);
        QCOMPARE(exact->reasons.size(), 1);
        QVERIFY2(exact->reasons.first().contains(u"1 of 4"_s), qPrintable(exact->reasons.first()));
        QCOMPARE(exact->label, u"B"_s);
        QCOMPARE(exact->asIsShare, 0.6);
        // No decided drafts: nothing to say.
        QVERIFY(!watch.evaluate(row(u"c"_s, 0, 0, 0, 0)));
    }

    void biasWatchVerdictRule()
    {
        AutomationBiasWatch watch;
        // Bad verdicts, but only 2 spot checks: too few to judge.
        QVERIFY(!watch.evaluate(withVerdicts(row(u"a"_s, 9, 1, 0, 0), 0, 1, 1)));
        // 3 checks, 1 harmful (33 %): flagged.
        QVERIFY(watch.evaluate(withVerdicts(row(u"a"_s, 9, 1, 0, 0), 2, 0, 1)));
        // 4 checks, all good: not flagged.
        QVERIFY(!watch.evaluate(withVerdicts(row(u"a"_s, 9, 1, 0, 0), 4, 0, 0)));
        // 5 checks, 1 bad (20 %): below the bar.
        QVERIFY(!watch.evaluate(withVerdicts(row(u"a"_s, 9, 1, 0, 0), 4, 1, 0)));
    }

    void biasWatchReopenRule()
    {
        AutomationBiasWatch watch;
        auto r = row(u"agent-7"_s, 8, 2, 0, 0);
        r.reopened = 2; // 2 of 10 AI-assisted replies = 20 %
        const auto finding = watch.evaluate(r);
        QVERIFY(finding);
        QVERIFY2(finding->reasons.first().contains(u"2 of 10"_s), qPrintable(finding->reasons.first()));
        r.reopened = 1; // 10 %
        QVERIFY(!watch.evaluate(r));
        // Too few AI-assisted replies for a rate.
        auto small = row(u"x"_s, 3, 0, 0, 0);
        small.reopened = 3;
        QVERIFY(!watch.evaluate(small));
        // Both rules fire: two reasons.
        auto both = withVerdicts(row(u"y"_s, 10, 0, 0, 0), 0, 3, 0);
        both.reopened = 5;
        QCOMPARE(watch.evaluate(both)->reasons.size(), 2);
        // Configurable thresholds.
        AutomationBiasWatch strict({0.9, 0.5, 3, 0.5, 5});
        QVERIFY(!strict.evaluate(r));
        QVERIFY(strict.ruleDescription().contains(u"90%"_s));
    }

    void biasWatchOnlyForAgentsAndIntents()
    {
        SuggestionStatsReport report;
        report.rows = {withVerdicts(row(u"refunds"_s, 9, 1, 0, 0), 0, 3, 0), row(u"fine"_s, 1, 5, 2, 2)};
        AutomationBiasWatch watch;
        for (const QString &groupBy : {u"queue"_s, u"language"_s}) {
            report.groupBy = groupBy;
            QVERIFY(watch.evaluate(report).isEmpty());
        }
        for (const QString &groupBy : {u"agent"_s, u"intent"_s}) {
            report.groupBy = groupBy;
            const auto findings = watch.evaluate(report);
            QCOMPARE(findings.size(), 1);
            QCOMPARE(findings.first().key, u"refunds"_s);
        }
    }

    void suggestionStatsModel()
    {
        SuggestionStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        SuggestionStatsReport report;
        report.groupBy = u"intent"_s;
        auto flagged = withVerdicts(row(u"card_lost"_s, 9, 1, 0, 0), 1, 1, 1);
        flagged.medianEditDistance = 0;
        flagged.p90EditDistance = 12;
        flagged.needsHumanRate = 0.25;
        flagged.averageConfidence = 0.87;
        report.rows = {flagged, row(u"refund_request"_s, 2, 4, 2, 2)};
        report.total = row(QString(), 11, 5, 2, 2);
        model.setReport(report);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(SuggestionStatsModel::ColumnCount));
        QCOMPARE(model.headerData(SuggestionStatsModel::GroupColumn, Qt::Horizontal).toString(), u"Intent"_s);
        auto cell = [&model](int r, int c, int role = Qt::DisplayRole) {
            return model.index(r, c).data(role);
        };
        // The intent said as everywhere in the app (app::IntentText), not the server's spelling.
        QCOMPARE(cell(0, SuggestionStatsModel::GroupColumn).toString(), u"Card lost"_s);
        QCOMPARE(cell(0, SuggestionStatsModel::AsIsColumn).toInt(), 9);
        QCOMPARE(cell(0, SuggestionStatsModel::AcceptanceColumn).toString(), u"100 %"_s);
        QCOMPARE(cell(0, SuggestionStatsModel::AcceptanceColumn, SuggestionStatsModel::SortRole).toDouble(),
                 1.0);
        QCOMPARE(cell(0, SuggestionStatsModel::P90EditColumn).toString(), u"12"_s);
        QCOMPARE(cell(1, SuggestionStatsModel::MedianEditColumn).toString(), QString()); // unknown
        QCOMPARE(cell(0, SuggestionStatsModel::NeedsHumanColumn).toString(), u"25 %"_s);
        QCOMPARE(cell(0, SuggestionStatsModel::HarmfulColumn).toInt(), 1);
        QVERIFY(cell(0, 0, SuggestionStatsModel::BiasFlaggedRole).toBool());
        QVERIFY(!cell(0, 0, SuggestionStatsModel::BiasReasonsRole).toStringList().isEmpty());
        QVERIFY(cell(0, 3, Qt::ToolTipRole).toString().startsWith(u"Automation-bias watch"_s));
        QVERIFY(!cell(1, 0, SuggestionStatsModel::BiasFlaggedRole).toBool());
        QCOMPARE(cell(2, 0).toString(), u"All"_s);
        QVERIFY(cell(2, 0, SuggestionStatsModel::TotalRowRole).toBool());
        QCOMPARE(model.findings().size(), 1);

        // Stricter rules re-evaluate the rows.
        model.setBiasWatch(AutomationBiasWatch({0.95, 0.9, 3, 0.9, 5}));
        QVERIFY(!cell(0, 0, SuggestionStatsModel::BiasFlaggedRole).toBool());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void calibrationModel()
    {
        CalibrationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBins({{0.8, 0.9, 20, 12, 0.85}, {0.9, 1.0, 0, 0, 0.0}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, CalibrationModel::RangeColumn).data().toString(), u"80–90 %"_s);
        QCOMPARE(model.index(0, CalibrationModel::AcceptanceColumn).data().toString(), u"60 %"_s);
        QCOMPARE(model.index(0, CalibrationModel::GapColumn).data().toString(), u"-25"_s);
        QCOMPARE(model.index(1, CalibrationModel::AcceptanceColumn).data().toString(), QString());
        QCOMPARE(model.index(0, CalibrationModel::DecidedColumn).data(CalibrationModel::SortRole).toInt(),
                 20);
    }

    void reviewListModelPaging()
    {
        ReviewListModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ReviewListModel::pageLoaded);
        model.appendPage({{review(3), review(2)}, u"c1"_s});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.hasMore());
        QVERIFY(!model.canFetchMore({})); // no client: nothing to fetch with
        // Duplicates across pages are skipped.
        model.appendPage({{review(2), review(1)}, QString()});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.hasMore());
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.last().first().toInt(), 1);
        QCOMPARE(model.index(2, 0).data(ReviewListModel::ReviewIdRole).toLongLong(), 1);
        QCOMPARE(model.index(0, ReviewListModel::VerdictColumn).data().toString(), u"Not reviewed"_s);
        QCOMPARE(model.index(0, ReviewListModel::OutcomeColumn).data().toString(), u"Sent as is"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.updateItem(review(2, u"harmful"_s)));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1, ReviewListModel::VerdictColumn).data().toString(), u"Harmful"_s);
        QCOMPARE(model.index(1, 0).data(ReviewListModel::VerdictRole).toString(), u"harmful"_s);
        QVERIFY(!model.updateItem(review(99)));
        QCOMPARE(model.rowOf(1), 2);
        QVERIFY(model.itemAt(5) == nullptr);
    }

    void escalationPolicyModel()
    {
        const QJsonObject policy{
            {u"version"_s, 1},
            {u"comment"_s, u"kept"_s},
            {u"defaults"_s, QJsonObject{{u"min_confidence"_s, 0.0}, {u"use_model_abstention"_s, true}}},
            {u"queues"_s, QJsonObject{{u"refunds"_s, QJsonObject{{u"min_confidence"_s, 0.5}}}}},
            {u"intents"_s,
             QJsonObject{{u"bereavement"_s, QJsonObject{{u"sensitive"_s, true}, {u"reason"_s, u"care"_s}}}}},
        };
        EscalationPolicyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPolicy(policy);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.isModified());
        using M = EscalationPolicyModel;
        QCOMPARE(model.index(1, M::ScopeColumn).data().toString(), u"Queue: refunds"_s);
        QCOMPARE(model.index(1, M::MinConfidenceColumn).data(Qt::EditRole).toString(), u"0.5"_s);
        QCOMPARE(model.index(1, M::NegativeSentimentColumn).data().toString(), u"inherits"_s);
        QCOMPARE(model.index(2, M::SensitiveColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.index(1, M::SensitiveColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::PartiallyChecked));
        QVERIFY(model.flags(model.index(1, M::MinConfidenceColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(1, M::ScopeColumn)) & Qt::ItemIsEditable));

        // Out-of-range values are refused with a reason.
        QVERIFY(!model.setData(model.index(1, M::MinConfidenceColumn), u"2"_s));
        QVERIFY(!model.lastError().isEmpty());
        QVERIFY(!model.setData(model.index(0, M::RepeatContactColumn), u"2.5"_s));
        QVERIFY(!model.setData(model.index(0, M::NegativeSentimentColumn), u"abc"_s));
        QVERIFY(!model.isModified());

        QSignalSpy edited(&model, &EscalationPolicyModel::edited);
        QVERIFY(model.setData(model.index(1, M::MinConfidenceColumn), u"0.7"_s));
        QVERIFY(model.lastError().isEmpty());
        QVERIFY(model.setData(model.index(0, M::RepeatContactColumn), u"4"_s));
        QVERIFY(
            model.setData(model.index(2, M::SensitiveColumn), int(Qt::PartiallyChecked), Qt::CheckStateRole));
        QVERIFY(model.setData(model.index(2, M::AlwaysColumn), int(Qt::Checked), Qt::CheckStateRole));
        QCOMPARE(edited.size(), 4);
        QVERIFY(model.isModified());

        const int added = model.addRule(M::Section::Intent, u" complaint "_s);
        QCOMPARE(added, 3); // intents sorted: bereavement, complaint
        QCOMPARE(model.addRule(M::Section::Intent, u"complaint"_s), added);
        QCOMPARE(model.addRule(M::Section::Queue, u"cards"_s), 1); // queues before intents, sorted
        QCOMPARE(model.addRule(M::Section::Queue, QString()), -1);
        QVERIFY(model.setData(model.index(2, M::MinConfidenceColumn), QString())); // refunds back to inherit
        QVERIFY(!model.removeRule(0));
        QVERIFY(model.removeRule(1)); // cards

        const QJsonObject out = model.policy();
        QCOMPARE(out.value(u"comment"_s).toString(), u"kept"_s);
        QCOMPARE(out.value(u"defaults"_s).toObject().value(u"repeat_contact_messages"_s).toInt(), 4);
        QVERIFY(out.value(u"defaults"_s).toObject().value(u"use_model_abstention"_s).toBool());
        QVERIFY(out.value(u"queues"_s).toObject().value(u"refunds"_s).toObject().isEmpty());
        const QJsonObject bereavement = out.value(u"intents"_s).toObject().value(u"bereavement"_s).toObject();
        QVERIFY(!bereavement.contains(u"sensitive"_s));
        QVERIFY(bereavement.value(u"always"_s).toBool());
        QCOMPARE(bereavement.value(u"reason"_s).toString(), u"care"_s);
        QVERIFY(out.value(u"intents"_s).toObject().contains(u"complaint"_s));
        QVERIFY(out.value(u"queue_intents"_s).toObject().isEmpty());
    }
};

QTEST_GUILESS_MAIN(SupervisorModelsTest)
#include "SupervisorModelsTest.moc"
