// `tandemd eval drafts`: on a small self-written corpus, and on a subset of the Bitext corpus in
// ../shared (skipped when it is not there), kept well under 30 s.
#include "server/drafting/DraftEvaluator.h"
#include "server/drafting/ResolvedCsv.h"
#include "server/tools/DraftCommands.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::server;

namespace {
const QString kFixtures = QStringLiteral(TANDEM_DRAFTING_FIXTURES);
}

class TestDraftingEval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluatesTheMiniCorpus()
    {
        QString error;
        const auto corpus = readResolvedCsv(kFixtures + u"/mini_corpus.csv"_s, &error);
        const auto test = readResolvedCsv(kFixtures + u"/mini_test.csv"_s, &error);
        QVERIFY2(corpus && test, qPrintable(error));
        QCOMPARE(corpus->size(), 50);
        QCOMPARE(test->size(), 20);
        DraftEvaluator::Options options;
        options.engine.companyFacts.insert(u"website_url"_s, u"https://shop.example"_s);
        const auto report = DraftEvaluator::evaluate(*corpus, *test, options, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->drafts, 20);
        QCOMPARE(report->indexedExamples, 50);
        QCOMPARE(report->leakedPlaceholders, 0);
        QVERIFY2(report->precisionAt1 >= 0.85, qPrintable(QString::number(report->precisionAt1)));
        QVERIFY(report->precisionAt3 >= report->precisionAt1);
        QVERIFY(report->tokenF1 > 0.4 && report->tokenF1 <= 1.0);
        QVERIFY(report->rougeL > 0.3 && report->rougeL <= 1.0);
        QVERIFY(report->latencyP99 >= report->latencyP50);

        const QJsonObject json = report->toJson();
        for (const QString &key : {u"intent_precision_at_1"_s, u"intent_precision_at_3"_s, u"token_f1"_s,
                                   u"rouge_l"_s, u"leaked_placeholders"_s})
            QVERIFY2(json.contains(key), qPrintable(key));
        QVERIFY(json.value(u"latency_ms"_s).toObject().contains(u"p50"_s));
        QVERIFY(json.value(u"latency_ms"_s).toObject().contains(u"p99"_s));
    }

    void crossValidatesAndPadsTheIndex()
    {
        QString error;
        const auto corpus = readResolvedCsv(kFixtures + u"/mini_corpus.csv"_s, &error);
        QVERIFY(corpus);
        DraftEvaluator::Options options;
        options.folds = 5;
        options.padIndexTo = 500;
        const auto report = DraftEvaluator::crossValidate(*corpus, options, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->folds, 5);
        QCOMPARE(report->drafts, 50);
        QCOMPARE(report->indexedExamples, 500);
        QCOMPARE(report->leakedPlaceholders, 0);
        QVERIFY(report->precisionAt1 >= 0.8);

        options.folds = 1;
        QVERIFY(!DraftEvaluator::crossValidate(*corpus, options, &error));
        QVERIFY(!DraftEvaluator::evaluate({}, *corpus, {}, &error));
    }

    void commandLineUsage()
    {
        QCOMPARE(runDraftCommand({u"eval"_s, u"drafts"_s}), 2);
        QCOMPARE(runDraftCommand({u"eval"_s, u"drafts"_s, u"--corpus"_s, u"x.csv"_s}), 2);
        QCOMPARE(runDraftCommand({u"eval"_s, u"drafts"_s, u"--corpus"_s, u"x.csv"_s, u"--test"_s, u"y.csv"_s,
                                  u"--cv"_s, u"5"_s}),
                 2);
        QCOMPARE(runDraftCommand({u"eval"_s, u"drafts"_s, u"--corpus"_s, u"x.csv"_s, u"--cv"_s, u"many"_s}),
                 2);
        QCOMPARE(runDraftCommand(
                     {u"eval"_s, u"drafts"_s, u"--corpus"_s, u"/nonexistent.csv"_s, u"--cv"_s, u"5"_s}),
                 1);
        QCOMPARE(runDraftCommand({u"eval"_s, u"drafts"_s, u"--corpus"_s, kFixtures + u"/mini_corpus.csv"_s,
                                  u"--test"_s, kFixtures + u"/mini_test.csv"_s, u"--json"_s}),
                 0);
    }

    void bitextSubset()
    {
        const QString shared = qEnvironmentVariable("TANDEM_SHARED_DIR");
        const QString path = shared + u"/datasets/bitext/resolved.csv"_s;
        if (shared.isEmpty() || !QFile::exists(path))
            QSKIP("Bitext resolved.csv is not available (TANDEM_SHARED_DIR)");
        QString error;
        const auto corpus = readResolvedCsv(path, &error);
        QVERIFY2(corpus, qPrintable(error));
        QVERIFY(corpus->size() > 3000);
        QElapsedTimer timer;
        timer.start();
        DraftEvaluator::Options options;
        options.folds = 5;
        options.limit = 80; // 400 drafts over 5 folds; the full run is in docs/drafting.md
        const auto report = DraftEvaluator::crossValidate(*corpus, options, &error);
        QVERIFY2(report, qPrintable(error));
        qInfo("Bitext 5-fold subset: p@1 %.4f p@3 %.4f token F1 %.4f ROUGE-L %.4f leaks %d p99 %.2f ms (%lld "
              "ms)",
              report->precisionAt1, report->precisionAt3, report->tokenF1, report->rougeL,
              report->leakedPlaceholders, report->latencyP99, static_cast<long long>(timer.elapsed()));
        QCOMPARE(report->drafts, 400);
        QVERIFY(report->precisionAt1 >= 0.97);
        QCOMPARE(report->leakedPlaceholders, 0);
        QVERIFY(report->tokenF1 > 0.45);
#ifdef NDEBUG
        // A pathology bound only (a pattern that backtracks for seconds): the 20 ms target is
        // measured by the benchmarks on a quiet machine (docs/performance.md), not asserted on a CI
        // machine sharing its cores with `ctest -j` (103 ms seen here at load average 15).
        QVERIFY2(report->latencyP99 < 500.0, qPrintable(QString::number(report->latencyP99)));
#endif
    }
};

QTEST_GUILESS_MAIN(TestDraftingEval)
#include "tst_drafting_eval.moc"
