// judgement_bench CASES.jsonl [ROUNDS]: per-message cost of CaseAssessor::assess() (every signal of
// the multilingual lexicon, greeting check, requests) over the suite's texts, against fold() alone
// (the baseline: one pass over the same text) in the same run. Prints p50/p99 in microseconds.
#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/RiskTextModel.h"
#include "server/drafting/judgement/SignalLexicon.h"
#include "server/drafting/judgement/TextFolding.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tandem::server::judgement;

namespace {
double pct(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: judgement_bench CASES.jsonl [ROUNDS]\n");
        return 2;
    }
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    QStringList texts;
    while (!file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        if (!o.isEmpty())
            texts.append(o.value(u"subject").toString() + u'\n' + o.value(u"body").toString());
    }
    QElapsedTimer load;
    load.start();
    const SignalLexicon &lexicon = SignalLexicon::builtIn();
    const double loadMs = double(load.nsecsElapsed()) / 1e6;
    // The server's pool thread compiles every pattern after the load (SignalLexicon::compileAll);
    // timed apart, and done before the per-message figures as a long-running server has.
    load.restart();
    lexicon.compileAll();
    const double compileMs = double(load.nsecsElapsed()) / 1e6;
    const CaseAssessor assessor(lexicon);
    std::vector<double> folding;
    std::vector<double> judging;
    std::vector<double> reading; // the text model alone (ADR 0009), on the judged text
    qsizetype sink = 0;
    std::vector<double> firstRound;
    for (int r = 0; r < rounds; ++r) {
        for (const QString &t : std::as_const(texts)) {
            QElapsedTimer timer;
            timer.start();
            sink += fold(t).size();
            folding.push_back(double(timer.nsecsElapsed()) / 1e3);
            CaseInput in;
            in.customerText = t;
            in.language = u"en"_s;
            timer.restart();
            sink += assessor.assess(in).codes.size();
            // The first round also pays for first-use costs (page faults, lazy allocations): kept apart.
            (r == 0 && rounds > 1 ? firstRound : judging).push_back(double(timer.nsecsElapsed()) / 1e3);
            const QString judged = assessor.judgedText(t);
            timer.restart();
            sink += RiskTextModel::builtIn().probability(judged) > 0.5 ? 1 : 0;
            reading.push_back(double(timer.nsecsElapsed()) / 1e3);
        }
    }
    std::printf("messages %lld x %d rounds; lexicon load %.1f ms, compile of every pattern %.1f ms\n",
                static_cast<long long>(texts.size()), rounds, loadMs, compileMs);
    std::printf("assess, round 1  p50 %8.1f us  p99 %8.1f us  max %8.1f us\n", pct(firstRound, 0.5),
                pct(firstRound, 0.99), pct(firstRound, 1.0));
    std::printf("fold (baseline)  p50 %8.1f us  p99 %8.1f us\n", pct(folding, 0.5), pct(folding, 0.99));
    std::printf("assess           p50 %8.1f us  p99 %8.1f us  (x%.0f the baseline at p50)\n",
                pct(judging, 0.5), pct(judging, 0.99),
                pct(judging, 0.5) / std::max(0.001, pct(folding, 0.5)));
    std::printf("text model       p50 %8.1f us  p99 %8.1f us  (x%.0f the baseline at p50; %lld n-grams)\n",
                pct(reading, 0.5), pct(reading, 0.99), pct(reading, 0.5) / std::max(0.001, pct(folding, 0.5)),
                static_cast<long long>(RiskTextModel::builtIn().size()));
    // Where the time goes: each signal alone, worst message first.
    for (const QString &signal : lexicon.signalNames()) {
        std::vector<double> each;
        double worst = 0;
        QString worstText;
        for (const QString &t : std::as_const(texts)) {
            const QString f = fold(t);
            QElapsedTimer timer;
            timer.start();
            sink += lexicon.find(signal, f).size();
            const double us = double(timer.nsecsElapsed()) / 1e3;
            each.push_back(us);
            if (us > worst) {
                worst = us;
                worstText = t.left(60).simplified();
            }
        }
        std::printf("  %-14s p50 %8.1f us  p99 %8.1f us  max %8.1f us  (%s)\n", qPrintable(signal),
                    pct(each, 0.5), pct(each, 0.99), worst, qPrintable(worstText));
    }
    // The patterns that run on every message, slowest first (what to rewrite when this grows).
    struct Slow
    {
        double us;
        QString pattern;
    };
    std::vector<Slow> slow;
    int unfiltered = 0;
    for (const QString &signal : lexicon.signalNames()) {
        for (const QRegularExpression &re : lexicon.unfiltered(signal)) {
            ++unfiltered;
            QElapsedTimer timer;
            timer.start();
            for (const QString &t : std::as_const(texts))
                sink += re.match(fold(t)).hasMatch() ? 1 : 0;
            slow.push_back(
                {double(timer.nsecsElapsed()) / 1e3 / double(texts.size()), signal + u": "_s + re.pattern()});
        }
    }
    std::sort(slow.begin(), slow.end(), [](const Slow &a, const Slow &b) { return a.us > b.us; });
    // The slowest single (message, pattern) pairs over every pattern: backtracking hot spots.
    std::vector<Slow> pairs;
    std::vector<Slow> overall; // every pattern on every message, the prefilter bypassed
    for (const QString &signal : lexicon.signalNames()) {
        for (const QRegularExpression &re : lexicon.patterns(signal)) {
            double total = 0;
            for (const QString &t : std::as_const(texts)) {
                const QString f = fold(t);
                QElapsedTimer timer;
                timer.start();
                sink += re.match(f).hasMatch() ? 1 : 0;
                const double us = double(timer.nsecsElapsed()) / 1e3;
                total += us;
                if (us > 1000)
                    pairs.push_back({us, signal + u": "_s + re.pattern().left(70) + u"  ON  "_s +
                                             t.left(40).simplified()});
            }
            overall.push_back({total / double(texts.size()), signal + u": "_s + re.pattern()});
        }
    }
    std::sort(overall.begin(), overall.end(), [](const Slow &a, const Slow &b) { return a.us > b.us; });
    std::printf("slowest patterns of all, prefilter bypassed (mean us per message):\n");
    for (size_t i = 0; i < std::min<size_t>(12, overall.size()); ++i)
        std::printf("  %8.1f  %s\n", overall[i].us, qPrintable(overall[i].pattern.left(110)));
    std::sort(pairs.begin(), pairs.end(), [](const Slow &a, const Slow &b) { return a.us > b.us; });
    std::printf("(message, pattern) pairs over 1 ms: %zu\n", pairs.size());
    for (size_t i = 0; i < std::min<size_t>(10, pairs.size()); ++i)
        std::printf("  %8.1f  %s\n", pairs[i].us, qPrintable(pairs[i].pattern));
    std::printf("patterns without a literal opening: %d; slowest (mean us per message):\n", unfiltered);
    for (size_t i = 0; i < std::min<size_t>(8, slow.size()); ++i)
        std::printf("  %8.1f  %s\n", slow[i].us, qPrintable(slow[i].pattern.left(110)));
    return sink < 0 ? 1 : 0;
}
