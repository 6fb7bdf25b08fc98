// IntentClassifier on a small self-written dataset: training, prediction, persistence,
// abstention and out-of-scope escalation; plus the evaluation metrics. How confident it is, and
// how honest that is, is tst_intent_confidence.
#include "server/drafting/intent/IntentClassifier.h"
#include "server/drafting/intent/IntentMetrics.h"
#include "server/tools/IntentCommands.h"

#include <QDataStream>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tandem::server;

namespace {

const QString Fixtures = QStringLiteral(TANDEM_INTENT_FIXTURES);

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList lines;
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : all) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

//! Paraphrases not in the training file, with the intent they mean.
const QList<QPair<QString, QString>> &unseenMessages()
{
    static const QList<QPair<QString, QString>> messages = {
        {u"where's my package, it's been a week"_s, u"track_order"_s},
        {u"please give me a refund for the broken lamp"_s, u"refund_request"_s},
        {u"I can't remember my password"_s, u"reset_password"_s},
        {u"I want to cancel my membership"_s, u"cancel_subscription"_s},
        {u"my card has been stolen"_s, u"card_lost"_s},
        {u"please update my shipping address"_s, u"change_address"_s},
    };
    return messages;
}

} // namespace

class TestIntentClassifier : public QObject
{
    Q_OBJECT

private:
    std::optional<IntentClassifier> m_model;
    QTemporaryDir m_dir;

    static bool samePrediction(const IntentPrediction &a, const IntentPrediction &b)
    {
        return a.intent == b.intent && a.confidence == b.confidence && a.similarity == b.similarity &&
               a.top == b.top && a.outOfScope == b.outOfScope && a.abstain == b.abstain;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const auto rows = readLabelledCsv(Fixtures + u"/small_intents.csv"_s, &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 90);
        m_model = IntentClassifier::train(*rows, TrainOptions{}, &error);
        QVERIFY2(m_model, qPrintable(error));
    }

    void knowsItsIntents()
    {
        QCOMPARE(m_model->intents(),
                 QStringList({u"cancel_subscription"_s, u"card_lost"_s, u"change_address"_s,
                              u"refund_request"_s, u"reset_password"_s, u"track_order"_s}));
        QCOMPARE(m_model->exampleCount(), 90);
        QCOMPARE(m_model->defaultCoverage(), 0.8);
    }

    void predictsUnseenParaphrases()
    {
        for (const auto &[text, intent] : unseenMessages()) {
            const IntentPrediction p = m_model->predict(text);
            QVERIFY2(p.intent == intent, qPrintable(text + u" -> "_s + p.intent));
            QVERIFY2(!p.outOfScope, qPrintable(text));
        }
    }

    void predictionIsWellFormed()
    {
        const IntentPrediction p = m_model->predict(u"refund my order please"_s);
        QVERIFY(p.confidence >= 0 && p.confidence <= 1);
        QCOMPARE(p.top.size(), 3);
        QCOMPARE(p.top.first().first, p.intent);
        QCOMPARE(p.top.first().second, p.confidence);
        double sum = 0;
        for (qsizetype i = 0; i < p.top.size(); ++i) {
            sum += p.top[i].second;
            if (i > 0)
                QVERIFY(p.top[i].first != p.top[0].first);
        }
        QVERIFY(sum <= 1.0 + 1e-9);
        QCOMPARE(p.abstain, p.confidence < m_model->thresholdForCoverage(0.8));
        QCOMPARE(p.needsHuman(), p.abstain || p.outOfScope);
    }

    void coverageControlsAbstention()
    {
        // Full coverage never abstains; a tiny coverage abstains on almost everything.
        const IntentPrediction all = m_model->predict(u"where is my parcel"_s, 1.0);
        QVERIFY(!all.abstain);
        QCOMPARE(m_model->thresholdForCoverage(1.0), 0.0);
        double previous = 2.0;
        for (int i = 0; i <= 20; ++i) {
            const double threshold = m_model->thresholdForCoverage(i / 20.0);
            QVERIFY2(threshold <= previous, qPrintable(QString::number(i)));
            previous = threshold;
        }
    }

    void outOfScopeMessagesAreEscalated()
    {
        // 90 examples cannot tell every foreign topic from a new paraphrase, but most are escalated.
        const QStringList oos = readLines(Fixtures + u"/oos_sample.txt"_s);
        QVERIFY(oos.size() >= 60);
        int escalated = 0;
        for (const QString &text : oos)
            escalated += m_model->predict(text).needsHuman() ? 1 : 0;
        QVERIFY2(escalated >= int(0.45 * oos.size()),
                 qPrintable(u"%1 of %2"_s.arg(escalated).arg(oos.size())));
        QVERIFY(m_model->predict(QString()).needsHuman());
    }

    void outOfScopeExamplesTeachTheReservedIntent()
    {
        // Half of the out-of-scope sample as examples of "out_of_scope"; the other half is unseen.
        QString error;
        auto rows = readLabelledCsv(Fixtures + u"/small_intents.csv"_s, &error);
        QVERIFY(rows);
        const QStringList oos = readLines(Fixtures + u"/oos_sample.txt"_s);
        QStringList unseen;
        for (qsizetype i = 0; i < oos.size(); ++i) {
            if (i % 2 == 0)
                rows->append({oos[i], u"out_of_scope"_s});
            else
                unseen.append(oos[i]);
        }
        const auto model = IntentClassifier::train(*rows, TrainOptions{}, &error);
        QVERIFY2(model, qPrintable(error));
        int escalated = 0;
        for (const QString &text : unseen)
            escalated += model->predict(text).needsHuman() ? 1 : 0;
        QVERIFY2(escalated >= int(0.85 * unseen.size()),
                 qPrintable(u"%1 of %2"_s.arg(escalated).arg(unseen.size())));
        const IntentPrediction weather = model->predict(u"what's the weather in Oslo"_s);
        QVERIFY(weather.outOfScope);
        QCOMPARE(weather.reason(), u"out of scope"_s);
        for (const auto &[text, intent] : unseenMessages())
            QCOMPARE(model->predict(text).intent, intent);
    }

    void degenerateInputDoesNotCrash()
    {
        for (const QString &text : {QString(), u"   "_s, u"?!…"_s, u"🙂🙂🙂"_s, QString(20000, u'x'),
                                    u"ÅÄÖ ñ ß Ωμέγα 東京"_s}) {
            const IntentPrediction p = m_model->predict(text);
            QVERIFY(p.confidence >= 0 && p.confidence <= 1);
            QVERIFY(m_model->intents().contains(p.intent));
        }
        const IntentPrediction empty = m_model->predict(QString());
        QVERIFY(empty.outOfScope);
        QVERIFY(empty.needsHuman());
    }

    void saveAndLoadGiveIdenticalPredictions()
    {
        const QString path = m_dir.filePath(u"model.tim"_s);
        QString error;
        QVERIFY2(m_model->save(path, &error), qPrintable(error));
        const auto loaded = IntentClassifier::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->intents(), m_model->intents());
        QCOMPARE(loaded->exampleCount(), m_model->exampleCount());
        for (int i = 0; i <= 10; ++i)
            QCOMPARE(loaded->thresholdForCoverage(i / 10.0), m_model->thresholdForCoverage(i / 10.0));
        QStringList texts = readLines(Fixtures + u"/oos_sample.txt"_s);
        for (const auto &[text, intent] : unseenMessages())
            texts.append(text);
        for (const QString &text : texts)
            QVERIFY2(samePrediction(loaded->predict(text), m_model->predict(text)), qPrintable(text));
    }

    void stackedModelRoundTrips()
    {
        // The second stage only runs with >= 80 examples per intent; force it on the small set.
        QString error;
        const auto rows = readLabelledCsv(Fixtures + u"/small_intents.csv"_s, &error);
        QVERIFY2(rows, qPrintable(error));
        TrainOptions options;
        options.stackMinPerIntent = 1;
        const auto stacked = IntentClassifier::train(*rows, options, &error);
        QVERIFY2(stacked, qPrintable(error));
        const QString path = m_dir.filePath(u"stacked.tim"_s);
        QVERIFY2(stacked->save(path, &error), qPrintable(error));
        const auto loaded = IntentClassifier::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        bool differs = false;
        for (const auto &[text, intent] : unseenMessages()) {
            const IntentPrediction p = stacked->predict(text);
            QVERIFY2(samePrediction(loaded->predict(text), p), qPrintable(text));
            QVERIFY(p.confidence >= 0 && p.confidence <= 1);
            differs = differs || p.confidence != m_model->predict(text).confidence;
        }
        QVERIFY(differs); // the second stage is applied, and survives the round trip
        // Every truncation of a stacked model is refused too.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const qsizetype cut : {bytes.size() - 1, bytes.size() - 9, bytes.size() - 400}) {
            const QString truncated = m_dir.filePath(u"stacked-cut.tim"_s);
            QFile out(truncated);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(bytes.left(cut));
            out.close();
            QVERIFY(!IntentClassifier::load(truncated, &error));
        }
        QCOMPARE(IntentClassifier::formatVersion(), 3);
    }

    void loadRejectsBadFiles()
    {
        QString error;
        QVERIFY(!IntentClassifier::load(m_dir.filePath(u"absent.tim"_s), &error));
        QVERIFY(!error.isEmpty());

        const QString garbage = m_dir.filePath(u"garbage.tim"_s);
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("text,intent\nnot a model\n");
        g.close();
        QVERIFY(!IntentClassifier::load(garbage, &error));
        QVERIFY2(error.contains(u"not a Tandem intent model"_s), qPrintable(error));

        // Files of an older format are refused by version, not misread: retrain them.
        const QString old = m_dir.filePath(u"v2.tim"_s);
        QFile o(old);
        QVERIFY(o.open(QIODevice::WriteOnly));
        QDataStream(&o) << quint32(0x544E4931) << quint32(2) << QStringList{u"a"_s, u"b"_s};
        o.close();
        QVERIFY(!IntentClassifier::load(old, &error));
        QVERIFY2(error.contains(u"unsupported intent model version 2"_s), qPrintable(error));

        // Every truncation of a real model is refused, never half-loaded.
        const QString path = m_dir.filePath(u"full.tim"_s);
        QVERIFY2(m_model->save(path, &error), qPrintable(error));
        QFile full(path);
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QByteArray bytes = full.readAll();
        const QString cut = m_dir.filePath(u"cut.tim"_s);
        for (const double share : {0.1, 0.5, 0.9, 0.999}) {
            QFile c(cut);
            QVERIFY(c.open(QIODevice::WriteOnly | QIODevice::Truncate));
            c.write(bytes.left(qsizetype(double(bytes.size()) * share)));
            c.close();
            QVERIFY(!IntentClassifier::load(cut, &error));
            QVERIFY2(error.contains(u"corrupt or truncated"_s), qPrintable(error));
        }
    }

    void trainingRejectsBadData()
    {
        QString error;
        QVERIFY(!IntentClassifier::train({}, TrainOptions{}, &error));
        QVERIFY(error.contains(u"at least two intents"_s));
        QVERIFY(!IntentClassifier::train({{u"a"_s, u"x"_s}, {u"b"_s, u"x"_s}}, TrainOptions{}, &error));
        QVERIFY(!IntentClassifier::train({{u"a"_s, u"x"_s}, {u"b"_s, u" "_s}}, TrainOptions{}, &error));
        QVERIFY(error.contains(u"empty intent"_s));
    }

    void tinyDatasetsStillTrain()
    {
        // Fewer examples than calibration folds, one intent with a single example.
        QString error;
        const auto model = IntentClassifier::train(
            {{u"hello there"_s, u"greet"_s}, {u"hi"_s, u"greet"_s}, {u"bye now"_s, u"leave"_s}},
            TrainOptions{}, &error);
        QVERIFY2(model, qPrintable(error));
        const IntentPrediction p = model->predict(u"hello"_s);
        QCOMPARE(p.intent, u"greet"_s);
        QVERIFY(p.confidence >= 0 && p.confidence <= 1);
    }

    void concurrentPredictionsMatchSequential()
    {
        const QStringList texts = readLines(Fixtures + u"/oos_sample.txt"_s);
        QList<IntentPrediction> expected;
        for (const QString &text : texts)
            expected.append(m_model->predict(text));
        std::vector<int> mismatches(4, 0);
        std::vector<std::thread> threads;
        for (size_t t = 0; t < mismatches.size(); ++t) {
            threads.emplace_back([&, t] {
                for (int round = 0; round < 5; ++round) {
                    for (qsizetype i = 0; i < texts.size(); ++i)
                        mismatches[t] += samePrediction(m_model->predict(texts[i]), expected[i]) ? 0 : 1;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (const int m : mismatches)
            QCOMPARE(m, 0);
    }

    void metrics()
    {
        using intent::ScoredPrediction;
        const QList<ScoredPrediction> p = {
            {u"a"_s, u"a"_s, 0.9},
            {u"a"_s, u"b"_s, 0.2},
            {u"b"_s, u"b"_s, 0.8},
            {u"b"_s, u"b"_s, 0.3},
        };
        QCOMPARE(intent::accuracy(p), 0.75);
        // a: P=1, R=0.5, F1=2/3; b: P=2/3, R=1, F1=0.8
        QVERIFY(std::abs(intent::macroF1(p) - (2.0 / 3.0 + 0.8) / 2.0) < 1e-12);
        // The wrong one has the lowest confidence: perfect ranking.
        QCOMPARE(intent::aurocOfConfidence(p), 1.0);
        QCOMPARE(intent::accuracyAtCoverage(p, 0.5), 1.0);
        QCOMPARE(intent::accuracyAtCoverage(p, 1.0), 0.75);
        const QList<ScoredPrediction> ties = {{u"a"_s, u"a"_s, 0.5}, {u"a"_s, u"b"_s, 0.5}};
        QCOMPARE(intent::aurocOfConfidence(ties), 0.5);
        QVERIFY(std::isnan(intent::aurocOfConfidence({{u"a"_s, u"a"_s, 0.5}})));
        QCOMPARE(intent::percentile({5, 1, 4, 2, 3}, 50), 3.0);
        QCOMPARE(intent::percentile({5, 1, 4, 2, 3}, 99), 5.0);
        QCOMPARE(intent::percentile({}, 99), 0.0);
    }

    void commandsValidateArguments()
    {
        QCOMPARE(runIntentCommand({}), 2);
        QCOMPARE(runIntentCommand({u"eval"_s, u"drafts-not-mine"_s}), 2);
        QCOMPARE(runIntentCommand({u"train-intents"_s, u"--data"_s, u"x.csv"_s}), 2);
        QCOMPARE(runIntentCommand({u"eval"_s, u"intents"_s, u"--train"_s, u"a.csv"_s}), 2);
        QCOMPARE(runIntentCommand({u"eval"_s, u"intents"_s, u"--train"_s, u"a.csv"_s, u"--cv"_s, u"1"_s}), 2);
        QCOMPARE(runIntentCommand({u"train-intents"_s, u"--data"_s, m_dir.filePath(u"absent.csv"_s),
                                   u"--out"_s, m_dir.filePath(u"m.tim"_s)}),
                 1);
    }

    void trainIntentsCommandWritesALoadableModel()
    {
        const QString out = m_dir.filePath(u"cli.tim"_s);
        QCOMPARE(runIntentCommand(
                     {u"train-intents"_s, u"--data"_s, Fixtures + u"/small_intents.csv"_s, u"--out"_s, out}),
                 0);
        QString error;
        const auto loaded = IntentClassifier::load(out, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->predict(u"my card was stolen yesterday"_s).intent, u"card_lost"_s);
        QCOMPARE(runIntentCommand({u"eval"_s, u"intents"_s, u"--model"_s, out, u"--test"_s,
                                   Fixtures + u"/small_intents.csv"_s, u"--oos"_s,
                                   Fixtures + u"/oos_sample.txt"_s, u"--json"_s}),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestIntentClassifier)
#include "tst_intent_classifier.moc"
