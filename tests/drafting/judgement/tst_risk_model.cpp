#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/RiskModel.h"
#include "server/drafting/judgement/SignalLexicon.h"

#include "core/ReasonCodes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server::judgement;

//! The concept layer of the crisis judgement: training, the model file, and the assessor using it.
class RiskModelTest : public QObject
{
    Q_OBJECT

private:
    static std::vector<bool> reading(const QStringList &signals)
    {
        std::vector<bool> r(size_t(RiskModel::signalNames().size()), false);
        for (const QString &s : signals) {
            const qsizetype i = RiskModel::signalNames().indexOf(s);
            Q_ASSERT(i >= 0);
            r[size_t(i)] = true;
        }
        return r;
    }

    //! Training rows: readings and whether each was a crisis.
    struct Rows
    {
        std::vector<std::vector<bool>> readings;
        std::vector<bool> crisis;
        void add(const QStringList &signals, bool isCrisis, int times)
        {
            for (int i = 0; i < times; ++i) {
                readings.push_back(reading(signals));
                crisis.push_back(isCrisis);
            }
        }
    };

    //! Crises show two concepts together; each concept alone is ordinary.
    static RiskModel trainedOnPairs()
    {
        Rows rows;
        const auto add = [&rows](const QStringList &signals, bool isCrisis, int times) {
            rows.add(signals, isCrisis, times);
        };
        add({u"concept_die"_s, u"concept_end_all"_s}, true, 20);
        add({u"concept_violence"_s, u"concept_aggressor"_s}, true, 20);
        add({u"concept_die"_s}, false, 60);        // "my father died"
        add({u"concept_end_all"_s}, false, 200);   // "end it all: close every plan"
        add({u"concept_aggressor"_s}, false, 100); // "my husband's card"
        add({u"concept_violence"_s}, false, 10);   // "a murder game"
        add({}, false, 2000);
        return RiskModel::train(rows.readings, rows.crisis, 1.0, 10.0);
    }

private Q_SLOTS:
    void trainingLearnsThatConceptsCountTogether()
    {
        const RiskModel model = trainedOnPairs();
        QVERIFY(model.isValid());
        QVERIFY(model.saysCrisis(reading({u"concept_die"_s, u"concept_end_all"_s})));
        QVERIFY(model.saysCrisis(reading({u"concept_violence"_s, u"concept_aggressor"_s})));
        QVERIFY(!model.saysCrisis(reading({u"concept_die"_s})));
        QVERIFY(!model.saysCrisis(reading({u"concept_end_all"_s})));
        QVERIFY(!model.saysCrisis(reading({u"concept_aggressor"_s})));
        QVERIFY(!model.saysCrisis(reading({})));
        // A concept may only ever raise the risk: adding one never lowers the probability.
        QVERIFY(model.probability(reading({u"concept_die"_s, u"concept_end_all"_s, u"concept_alone"_s})) >=
                model.probability(reading({u"concept_die"_s, u"concept_end_all"_s})));
        const QJsonObject o = QJsonDocument::fromJson(model.toJson()).object();
        for (const auto w : o.value(u"weights"_s).toArray())
            QVERIFY(w.toDouble() >= 0.0);
    }

    // Round 7: crises with two concepts about the writer's own life, each pair seen only a few
    // times, teach the count "two of those"; a pair the training never showed then still weighs,
    // while two concepts about different people's harm, or one alone, do not.
    void countsCarryToPairsNeverSeen()
    {
        Rows rows;
        const auto add = [&rows](const QStringList &signals, bool isCrisis, int times) {
            rows.add(signals, isCrisis, times);
        };
        add({u"concept_die"_s, u"concept_despair"_s}, true, 4);
        add({u"concept_burden"_s, u"concept_means"_s}, true, 4);
        add({u"concept_farewell"_s, u"concept_end_all"_s}, true, 4);
        add({u"concept_despair"_s, u"concept_burden"_s}, true, 4);
        add({u"concept_die"_s, u"concept_means"_s}, true, 4);
        for (const QString &alone :
             {u"concept_die"_s, u"concept_despair"_s, u"concept_burden"_s, u"concept_means"_s,
              u"concept_self_harm"_s, u"concept_fear"_s, u"concept_alone"_s})
            add({alone}, false, 40);
        add({u"concept_fear"_s, u"concept_alone"_s}, false, 20);
        add({}, false, 2000);
        const RiskModel model = RiskModel::train(rows.readings, rows.crisis, 1.0, 10.0);
        QVERIFY(RiskModel::featureNames().contains(u"count:self>=2"_s));
        // Never together in training: self-harm and the means for it.
        QVERIFY(model.saysCrisis(reading({u"concept_self_harm"_s, u"concept_means"_s})));
        QVERIFY(!model.saysCrisis(reading({u"concept_self_harm"_s})));
        QVERIFY(!model.saysCrisis(reading({u"concept_fear"_s, u"concept_alone"_s})));
        // The counts only raise, like the concepts.
        const QJsonObject o = QJsonDocument::fromJson(model.toJson()).object();
        const QJsonArray weights = o.value(u"weights"_s).toArray();
        const QJsonArray names = o.value(u"features"_s).toArray();
        const qsizetype self = names.toVariantList().indexOf(u"count:self>=2"_s);
        QVERIFY(self >= 0);
        QVERIFY(weights.at(self).toDouble() > 0);
        QVERIFY(!RiskModel::mayLower(int(self)));
    }

    void contextMayLowerTheRisk()
    {
        // "My father died, I'm the executor, I've written to the family" reads like a farewell;
        // the context of someone else's death explains it, and only context may weigh against.
        Rows rows;
        const auto add = [&rows](const QStringList &signals, bool isCrisis, int times) {
            rows.add(signals, isCrisis, times);
        };
        add({u"concept_die"_s, u"concept_farewell"_s}, true, 30);
        add({u"concept_die"_s, u"concept_farewell"_s, u"context_bereavement"_s}, false, 30);
        add({u"context_bereavement"_s}, false, 30);
        add({}, false, 1000);
        const RiskModel model = RiskModel::train(rows.readings, rows.crisis, 1.0, 5.0);
        QVERIFY(model.saysCrisis(reading({u"concept_die"_s, u"concept_farewell"_s})));
        QVERIFY(
            !model.saysCrisis(reading({u"concept_die"_s, u"concept_farewell"_s, u"context_bereavement"_s})));
        const QJsonObject o = QJsonDocument::fromJson(model.toJson()).object();
        const QJsonArray weights = o.value(u"weights"_s).toArray();
        const QJsonArray names = o.value(u"features"_s).toArray();
        for (qsizetype k = 0; k < weights.size(); ++k) {
            if (weights.at(k).toDouble() < 0)
                QVERIFY2(names.at(k).toString().startsWith(u"context_"_s),
                         qPrintable(names.at(k).toString()));
        }
        QVERIFY(weights.at(names.toVariantList().indexOf(u"context_bereavement"_s)).toDouble() < 0);
    }

    void modelFileRoundTripsAndRejectsOtherConcepts()
    {
        const RiskModel model = trainedOnPairs();
        QString error;
        const auto back = RiskModel::fromJson(model.toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        const std::vector<bool> r = reading({u"concept_die"_s, u"concept_end_all"_s});
        QVERIFY(qAbs(back->probability(r) - model.probability(r)) < 1e-5);
        QCOMPARE(back->threshold(), model.threshold());

        QJsonObject o = QJsonDocument::fromJson(model.toJson()).object();
        QJsonArray features = o.value(u"features"_s).toArray();
        features.replace(0, u"concept_something_else"_s);
        o.insert(u"features"_s, features);
        QVERIFY(!RiskModel::fromJson(QJsonDocument(o).toJson(), &error).has_value());
        QVERIFY(error.contains(u"other concepts"_s));

        o = QJsonDocument::fromJson(model.toJson()).object();
        QJsonArray weights = o.value(u"weights"_s).toArray();
        // A concept (not context) that would lower the risk is refused.
        weights.replace(0, -1.0);
        o.insert(u"weights"_s, weights);
        QVERIFY(!RiskModel::fromJson(QJsonDocument(o).toJson(), &error).has_value());
        QVERIFY(!RiskModel::fromJson("{ not json", &error).has_value());
        QVERIFY(!error.isEmpty());
    }

    void builtInModelReadsConceptsInManyLanguages()
    {
        QVERIFY(RiskModel::builtIn().isValid());
        QVERIFY(RiskModel::builtIn().threshold() > 0.0 && RiskModel::builtIn().threshold() < 1.0);
        const SignalLexicon &lexicon = SignalLexicon::builtIn();
        for (const QString &signal : RiskModel::signalNames()) {
            QVERIFY2(lexicon.patternCount(signal) > 0, qPrintable(signal));
            if (signal.startsWith(u"concept_"_s))
                QVERIFY2(lexicon.languages(signal).size() >= 30, qPrintable(signal));
        }
    }

    void assessorRaisesCrisisFromConceptsTogether()
    {
        // A lexicon and a model of our own: the assessor's use of the layer, not the built-in data.
        QString error;
        const auto lexicon = SignalLexicon::fromJson(R"({"signals": {
            "concept_die": {"patterns": {"en": ["\\b(?:die|dead)\\b"]}},
            "concept_end_all": {"patterns": {"en": ["\\bend it all\\b"]}},
            "concept_violence": {"patterns": {"en": ["\\bhit me\\b"]}},
            "concept_aggressor": {"patterns": {"en": ["\\bmy husband\\b"]}}
        }})",
                                                     &error);
        QVERIFY2(lexicon.has_value(), qPrintable(error));
        const RiskModel model = trainedOnPairs();
        const RiskTextModel noText; // the concept layer alone
        const CaseAssessor assessor(*lexicon, model, noText);
        auto assess = [&](const QString &text) {
            CaseInput in;
            in.customerText = text;
            in.language = u"en"_s;
            in.intent = u"payment_due_date"_s;
            in.confidence = 0.9;
            return assessor.assess(in);
        };
        const CaseAssessment both = assess(u"I would rather be dead. I will end it all, for good."_s);
        QVERIFY(both.has(reason::kCrisis));
        QVERIFY2(both.evidence.value(u"crisis"_s).contains(u"signs of risk together"_s),
                 qPrintable(both.reason()));
        QVERIFY(both.evidence.value(u"crisis"_s).contains(u"end it all"_s));
        QVERIFY(assess(u"My husband hit me when he saw the fee."_s).has(reason::kCrisis));
        QVERIFY(!assess(u"My phone is dead, can I pay by card?"_s).has(reason::kCrisis));
        QVERIFY(!assess(u"Please end it all: close every plan I have."_s).has(reason::kCrisis));
        // Without a model the layer is silent.
        const RiskModel none;
        const CaseAssessor phrasesOnly(*lexicon, none);
        CaseInput in;
        in.customerText = u"I would rather be dead. I will end it all, for good."_s;
        in.intent = u"payment_due_date"_s;
        in.confidence = 0.9;
        QVERIFY(!phrasesOnly.assess(in).has(reason::kCrisis));
    }
};

QTEST_GUILESS_MAIN(RiskModelTest)
#include "tst_risk_model.moc"
