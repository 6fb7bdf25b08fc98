#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/ReasonTextModels.h"
#include "server/drafting/judgement/RiskModel.h"
#include "server/drafting/judgement/RiskTextModel.h"
#include "server/drafting/judgement/SignalLexicon.h"
#include "server/drafting/judgement/TextFolding.h"

#include "core/ReasonCodes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server::judgement;

//! The text layer of the crisis judgement: its n-grams, training, the model file, and the
//! assessor using it (with data of the test's own: the built-in model's figures are measured by
//! `tandemd eval risk`, docs/drafting.md).
class RiskTextModelTest : public QObject
{
    Q_OBJECT

    //! A toy world: crises speak of a bridge, a rope, tonight and goodbye; routine messages of
    //! orders, refunds and cards, some of them also tonight or with a goodbye.
    static RiskTextModel toyModel(double threshold, double alone)
    {
        const QStringList crises{
            u"i stood on the bridge tonight and said goodbye"_s,
            u"the rope is ready, goodbye everyone"_s,
            u"tonight i go to the bridge, cancel my card"_s,
            u"bought a rope, this is goodbye"_s,
            u"the bridge is where it ends tonight"_s,
            u"goodbye, the rope and the bridge"_s,
            u"i keep looking at the rope tonight"_s,
            u"from the bridge i will say goodbye"_s,
        };
        const QStringList routine{
            u"where is my order, it was due tonight"_s,
            u"refund my card payment please"_s,
            u"goodbye and thanks for the refund"_s,
            u"my order arrived broken"_s,
            u"change the card on my account"_s,
            u"the refund has not arrived yet"_s,
            u"cancel my order before tonight"_s,
            u"the payment failed twice on my card"_s,
            u"thanks, goodbye"_s,
            u"how do i close my account"_s,
            u"my parcel is late again"_s,
            u"update my address for the next order"_s,
        };
        std::vector<std::vector<RiskTextModel::Feature>> texts;
        std::vector<bool> crisis;
        for (const QString &t : crises) {
            texts.push_back(RiskTextModel::features(t));
            crisis.push_back(true);
        }
        for (const QString &t : routine) {
            texts.push_back(RiskTextModel::features(t));
            crisis.push_back(false);
        }
        RiskTextModel::TrainOptions options;
        options.C = 50;
        options.crisisWeight = 1;
        options.threshold = threshold;
        options.aloneThreshold = alone;
        return RiskTextModel::train(texts, crisis, options);
    }

    //! A toy world for another code: complaints speak of a disgrace, being fed up and compensation.
    static RiskTextModel toyComplaintModel()
    {
        const QStringList complaints{
            u"this is a disgrace, i want compensation"_s, u"fed up with your service, a disgrace"_s,
            u"i demand compensation for this disgrace"_s, u"utterly fed up, compensation now"_s,
            u"a disgrace of a service, fed up"_s,         u"compensation is the least you owe me, disgrace"_s,
        };
        const QStringList routine{
            u"where is my order please"_s,    u"refund my card payment please"_s,
            u"my order arrived, thank you"_s, u"change the card on my account"_s,
            u"the refund has not arrived"_s,  u"cancel my order please"_s,
            u"how do i close my account"_s,   u"update my address please"_s,
        };
        std::vector<std::vector<RiskTextModel::Feature>> texts;
        std::vector<bool> target;
        for (const QString &t : complaints) {
            texts.push_back(RiskTextModel::features(t));
            target.push_back(true);
        }
        for (const QString &t : routine) {
            texts.push_back(RiskTextModel::features(t));
            target.push_back(false);
        }
        RiskTextModel::TrainOptions options;
        options.C = 50;
        options.crisisWeight = 1;
        options.threshold = 0.5;
        options.aloneThreshold = 0.5;
        options.code = reason::kComplaint.toString();
        return RiskTextModel::train(texts, target, options);
    }

private Q_SLOTS:
    void featuresAreNgramsOnceAndNormalised()
    {
        // "ab cd": unigrams ab, cd; the bigram "ab cd"; char n-grams of " ab " and " cd " (two
        // 3-grams and one 4-gram each): nine in all.
        const auto f = RiskTextModel::features(u"ab cd"_s);
        QCOMPARE(f.size(), size_t(9));
        double norm = 0;
        for (const auto &x : f)
            norm += double(x.value) * double(x.value);
        QVERIFY(std::abs(norm - 1.0) < 1e-5);
        // Each n-gram once, sorted: a repeated word adds nothing.
        QCOMPARE(RiskTextModel::features(u"ab cd ab cd"_s).size(), size_t(9 + 1)); // + the bigram "cd ab"
        QVERIFY(std::is_sorted(f.cbegin(), f.cend(),
                               [](const auto &a, const auto &b) { return a.hash < b.hash; }));
        // The same text, the same hashes (stable across runs: the model file depends on it).
        const auto again = RiskTextModel::features(u"ab cd"_s);
        QVERIFY(std::equal(f.cbegin(), f.cend(), again.cbegin(),
                           [](const auto &a, const auto &b) { return a.hash == b.hash; }));
        QVERIFY(RiskTextModel::features(QString()).empty());
        QVERIFY(RiskTextModel::features(u"  ,.;  "_s).empty());
        // A script without spaces still gives character n-grams.
        QVERIFY(RiskTextModel::features(u"今日は橋の上にいます"_s).size() > 10);
    }

    void trainingLearnsWhatCrisesSoundLike()
    {
        const RiskTextModel model = toyModel(0.5, 0.8);
        QVERIFY(model.isValid());
        QVERIFY(model.size() > 0);
        // Unseen wordings of the same kind, and routine ones with one shared word.
        QVERIFY(model.probability(u"goodbye, i am at the bridge with a rope"_s) >= 0.5);
        QVERIFY(model.probability(u"refund the order on my card please"_s) < 0.5);
        QVERIFY(model.says(u"goodbye, i am at the bridge with a rope"_s, true));
        QVERIFY(!model.says(u"refund the order on my card please"_s, true));
        // What a person is shown: the words that weigh towards a crisis, strongest first.
        const QStringList words = model.strongestWords(u"refund tonight, the bridge and the rope"_s, 2);
        QCOMPARE(words.size(), 2);
        QVERIFY2(words.contains(u"bridge"_s) || words.contains(u"rope"_s), qPrintable(words.join(u',')));
        QVERIFY(!words.contains(u"refund"_s));
        // An empty model never says crisis.
        QVERIFY(!RiskTextModel().says(u"goodbye, the bridge, the rope"_s, true));
    }

    void theAloneThresholdIsHigher()
    {
        const RiskTextModel model = toyModel(0.3, 1.0);
        const QString text = u"goodbye, i am at the bridge with a rope"_s;
        const double p = model.probability(text);
        QVERIFY2(p >= 0.3 && p < 1.0, qPrintable(QString::number(p)));
        QVERIFY(model.says(text, true));
        QVERIFY(!model.says(text, false));
    }

    void theModelFileRoundTrips()
    {
        const RiskTextModel model = toyModel(0.45, 0.85);
        QString error;
        const auto back = RiskTextModel::fromJson(model.toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(back->size(), model.size());
        QCOMPARE(back->threshold(), 0.45);
        QCOMPARE(back->aloneThreshold(), 0.85);
        for (const QString &t : {u"goodbye from the bridge"_s, u"where is my refund"_s})
            QVERIFY(std::abs(back->probability(t) - model.probability(t)) < 1e-3);

        // Broken files are refused with a reason, never half-read.
        QJsonObject o = QJsonDocument::fromJson(model.toJson()).object();
        o.remove(u"threshold_alone"_s);
        QVERIFY(!RiskTextModel::fromJson(QJsonDocument(o).toJson(), &error));
        QVERIFY(error.contains(u"threshold"_s));
        o = QJsonDocument::fromJson(model.toJson()).object();
        o.insert(u"weights"_s, QJsonObject{{u"not-hex"_s, 1.0}});
        QVERIFY(!RiskTextModel::fromJson(QJsonDocument(o).toJson(), &error));
        QVERIFY(!RiskTextModel::fromJson("{", &error));
        QVERIFY(!RiskTextModel::fromJson("[]", &error));
    }

    void aModelKnowsItsCode()
    {
        const RiskTextModel complaint = toyComplaintModel();
        QCOMPARE(complaint.code(), u"complaint"_s);
        QCOMPARE(toyModel(0.5, 0.8).code(), u"crisis"_s);
        QString error;
        const auto back = RiskTextModel::fromJson(complaint.toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(back->code(), u"complaint"_s);
        // A file written before codes had models is a crisis model; an unknown code is refused.
        QJsonObject o = QJsonDocument::fromJson(complaint.toJson()).object();
        o.remove(u"code"_s);
        QCOMPARE(RiskTextModel::fromJson(QJsonDocument(o).toJson(), &error)->code(), u"crisis"_s);
        o.insert(u"code"_s, u"grumpy"_s);
        QVERIFY(!RiskTextModel::fromJson(QJsonDocument(o).toJson(), &error));
        QVERIFY(error.contains(u"grumpy"_s));
    }

    void commonWordsAreNeverTheReason()
    {
        // "the" and "order" are in most messages of their language; "bridge" in few.
        QStringList texts, languages;
        for (int i = 0; i < 60; ++i) {
            texts.append(i % 20 == 0 ? u"the bridge tonight"_s : u"the order %1 please"_s.arg(i));
            languages.append(u"en"_s);
        }
        texts.append(u"die brucke"_s); // a language with too few messages has no common words
        languages.append(u"de"_s);
        const QStringList common = RiskTextModel::commonWords(texts, languages, 0.5, 50);
        QCOMPARE(common, (QStringList{u"order"_s, u"please"_s, u"the"_s}));

        RiskTextModel model = toyModel(0.5, 0.8);
        const QString judged = u"goodbye, i am at the bridge with the rope tonight"_s;
        const QStringList before = model.strongestWords(judged, 6);
        QVERIFY2(before.contains(u"bridge"_s), qPrintable(before.join(u", "_s)));
        model.setCommonWords({u"bridge"_s});
        const QStringList after = model.strongestWords(judged, 6);
        QVERIFY2(!after.contains(u"bridge"_s) && !after.isEmpty(), qPrintable(after.join(u", "_s)));
        // Kept in the model file.
        QString error;
        const auto back = RiskTextModel::fromJson(model.toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(back->commonWordCount(), 1);
        QCOMPARE(back->strongestWords(judged, 6), after);
    }

    void theBuiltInCodeModelsLoad()
    {
        // complaint, fraud and manipulation, each valid, none of them a second crisis model.
        const ReasonTextModels &models = ReasonTextModels::builtIn();
        for (QStringView code : {reason::kComplaint, reason::kFraud, reason::kManipulation}) {
            const RiskTextModel *model = models.model(code);
            QVERIFY2(model && model->isValid(), qPrintable(code.toString()));
            QVERIFY(model->aloneThreshold() > 0 && model->aloneThreshold() < 1);
        }
        QVERIFY(!models.model(reason::kCrisis));
        // Each carries the words too common to be a reason (trained with them).
        for (const RiskTextModel &m : models.models())
            QVERIFY2(m.commonWordCount() > 100, qPrintable(m.code()));
        QVERIFY(RiskTextModel::builtIn().commonWordCount() > 100);
        // One model a code: adding another for the same code replaces it.
        ReasonTextModels mine;
        mine.add(toyComplaintModel());
        mine.add(toyComplaintModel());
        QCOMPARE(mine.models().size(), size_t(1));
    }

    void theAssessorRaisesACodeFromItsText()
    {
        QString error;
        const auto lexicon = SignalLexicon::fromJson(
            R"({"signals": {"domain": {"patterns": {"en": ["\\border\\b"]}}}})", &error);
        QVERIFY2(lexicon.has_value(), qPrintable(error));
        const RiskModel noConcepts;
        const RiskTextModel noCrisisText;
        ReasonTextModels codes;
        codes.add(toyComplaintModel());
        const CaseAssessor assessor(*lexicon, noConcepts, noCrisisText, codes);
        auto assess = [&](const QString &t) {
            CaseInput in;
            in.customerText = t;
            in.messages = {t};
            in.language = u"en"_s;
            in.intent = u"order_status"_s;
            in.confidence = 0.95;
            return assessor.assess(in);
        };
        const CaseAssessment a = assess(u"Fed up. A disgrace, and I want compensation."_s);
        QVERIFY2(a.has(reason::kComplaint), qPrintable(a.reason()));
        const QString why = a.evidence.value(reason::kComplaint.toString());
        QVERIFY2(why.startsWith(u"worded like the labelled complaint cases: "_s), qPrintable(why));
        QVERIFY2(why.contains(u"disgrace"_s) || why.contains(u"compensation"_s), qPrintable(why));
        QVERIFY(!assess(u"Where is my order please?"_s).has(reason::kComplaint));
        // Without the model the same words raise nothing here (this lexicon has no phrases).
        const ReasonTextModels none;
        const CaseAssessor without(*lexicon, noConcepts, noCrisisText, none);
        CaseInput in;
        in.customerText = u"Fed up. A disgrace, and I want compensation."_s;
        in.language = u"en"_s;
        in.intent = u"order_status"_s;
        in.confidence = 0.95;
        QVERIFY(!without.assess(in).has(reason::kComplaint));
    }

    void theBuiltInModelLoads()
    {
        const RiskTextModel &model = RiskTextModel::builtIn();
        QVERIFY(model.isValid());
        QVERIFY(model.threshold() > 0 && model.threshold() <= model.aloneThreshold());
        QVERIFY(model.aloneThreshold() < 1);
    }

    void theAssessorRaisesCrisisFromTheText()
    {
        // A lexicon whose only risk sign is "tonight" (a concept alone: the concept model never
        // says crisis on it), a concept model, and the toy text model.
        QString error;
        const auto lexicon = SignalLexicon::fromJson(R"({"signals": {
            "concept_alone": {"patterns": {"en": ["\\btonight\\b"]}}
        }})",
                                                     &error);
        QVERIFY2(lexicon.has_value(), qPrintable(error));
        std::vector<std::vector<bool>> rows;
        std::vector<bool> crisis;
        const auto present = [](const QStringList &on) {
            std::vector<bool> r(size_t(RiskModel::signalNames().size()), false);
            for (const QString &s : on)
                r[size_t(RiskModel::signalNames().indexOf(s))] = true;
            return r;
        };
        for (int i = 0; i < 50; ++i) {
            rows.push_back(present({u"concept_alone"_s}));
            crisis.push_back(false);
            rows.push_back(present({}));
            crisis.push_back(false);
        }
        rows.push_back(present({u"concept_die"_s, u"concept_end_all"_s}));
        crisis.push_back(true);
        const RiskModel concepts = RiskModel::train(rows, crisis, 1.0, 5.0);
        QVERIFY(concepts.isValid());
        const RiskTextModel text = toyModel(0.5, 1.0);
        const CaseAssessor assessor(*lexicon, concepts, text);
        auto assess = [&](const QString &t) {
            CaseInput in;
            in.customerText = t;
            in.messages = {t};
            in.language = u"en"_s;
            in.intent = u"order_status"_s;
            in.confidence = 0.9;
            return assessor.assess(in);
        };
        const CaseAssessment a = assess(u"Goodbye. Tonight I am at the bridge with the rope."_s);
        QVERIFY2(a.has(reason::kCrisis), qPrintable(a.reason()));
        const QString why = a.evidence.value(reason::kCrisis.toString());
        QVERIFY2(why.contains(u"reads like a crisis"_s), qPrintable(why));
        QVERIFY2(why.contains(u"bridge"_s) || why.contains(u"rope"_s), qPrintable(why));
        // Without the sign the same model needs the higher threshold; routine text stays routine.
        QVERIFY(!assess(u"Goodbye. I am at the bridge with the rope."_s).has(reason::kCrisis));
        QVERIFY(!assess(u"Where is my order? It was due tonight."_s).has(reason::kCrisis));
        // Without the text layer the sign alone is no crisis.
        const RiskTextModel none;
        const CaseAssessor without(*lexicon, concepts, none);
        CaseInput in;
        in.customerText = u"Goodbye. Tonight I am at the bridge with the rope."_s;
        in.language = u"en"_s;
        in.intent = u"order_status"_s;
        in.confidence = 0.9;
        QVERIFY(!without.assess(in).has(reason::kCrisis));
    }
};

QTEST_GUILESS_MAIN(RiskTextModelTest)
#include "tst_risk_text_model.moc"
