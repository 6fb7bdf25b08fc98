// The intent model on the shared banking77 data (skipped when ../shared/datasets is absent):
// trained on a 2,000-row subset so the suite stays fast. The full 10k / 5-fold numbers are in
// docs/drafting.md.
#include "server/drafting/intent/IntentClassifier.h"
#include "server/drafting/intent/IntentMetrics.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

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

//! The demo company's own out-of-scope messages (resources/demo/scenarios.json), if present.
QStringList demoOutOfScope()
{
    QFile file(Fixtures + u"/../../../resources/demo/scenarios.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList messages;
    const QJsonArray list = QJsonDocument::fromJson(file.readAll()).object().value(u"out_of_scope").toArray();
    for (const QJsonValue &v : list) {
        if (v.isString())
            messages.append(v.toString());
    }
    return messages;
}

} // namespace

class TestIntentSharedData : public QObject
{
    Q_OBJECT

private:
    std::optional<IntentClassifier> m_model;
    QList<QPair<QString, QString>> m_test;

private Q_SLOTS:
    void initTestCase()
    {
        const QString shared = qEnvironmentVariable("TANDEM_SHARED_DIR");
        const QString csv = shared + u"/datasets/banking77/train.csv"_s;
        if (shared.isEmpty() || !QFile::exists(csv))
            QSKIP("TANDEM_SHARED_DIR/datasets/banking77 is not available");
        QString error;
        const auto rows = readLabelledCsv(csv, &error);
        QVERIFY2(rows, qPrintable(error));
        QVERIFY(rows->size() > 9000);
        // The file is grouped by intent: take every 5th row to train, every 10th (offset 1) to test.
        QList<QPair<QString, QString>> train;
        for (qsizetype i = 0; i < rows->size(); ++i) {
            if (i % 5 == 0)
                train.append(rows->at(i));
            else if (i % 10 == 1)
                m_test.append(rows->at(i));
        }
        m_model = IntentClassifier::train(train, TrainOptions{}, &error);
        QVERIFY2(m_model, qPrintable(error));
        QCOMPARE(m_model->intents().size(), 77);
    }

    void accuracyWellAboveChance()
    {
        QList<intent::ScoredPrediction> scored;
        for (const auto &[text, truth] : m_test) {
            const IntentPrediction p = m_model->predict(text);
            scored.append({truth, p.intent, p.confidence});
        }
        const double accuracy = intent::accuracy(scored);
        const double at80 = intent::accuracyAtCoverage(scored, 0.8);
        const double ece = intent::expectedCalibrationError(scored);
        qInfo("accuracy %.4f, at 80%% coverage %.4f, auroc %.4f, ece (%d bins) %.4f", accuracy, at80,
              intent::aurocOfConfidence(scored), intent::CalibrationBins, ece);
        QVERIFY2(accuracy > 0.75, qPrintable(QString::number(accuracy)));
        QVERIFY(at80 > accuracy);
        QVERIFY(intent::aurocOfConfidence(scored) > 0.75);
        // Per-message confidence is calibrated on messages the model has not seen.
        QVERIFY2(ece <= 0.05, qPrintable(QString::number(ece)));
    }

    void outOfScopeEscalated()
    {
        QStringList oos = readLines(Fixtures + u"/oos_sample.txt"_s);
        oos += demoOutOfScope();
        int escalated = 0;
        for (const QString &text : oos)
            escalated += m_model->predict(text, 0.8).needsHuman() ? 1 : 0;
        const double share = double(escalated) / double(oos.size());
        qInfo("out of scope escalated %.4f of %lld", share, qlonglong(oos.size()));
        QVERIFY2(share >= 0.9, qPrintable(QString::number(share)));
    }
};

QTEST_GUILESS_MAIN(TestIntentSharedData)
#include "tst_intent_shared_data.moc"
