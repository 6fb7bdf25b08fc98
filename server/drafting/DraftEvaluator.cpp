#include "DraftEvaluator.h"

#include "DraftMetrics.h"
#include "KnowledgeIndex.h"
#include "LanguageDetector.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QSqlDatabase>

#include <algorithm>
#include <cmath>
#include <random>

using namespace Qt::StringLiterals;

namespace tandem::server {

struct DraftEvaluator::Accumulator
{
    int hits1 = 0;
    int hits3 = 0;
    double f1 = 0;
    double rouge = 0;
    int leaked = 0;
    int drafts = 0;
    qint64 indexed = 0;
    double trainSeconds = 0;
    std::vector<double> latencies;
};

namespace {

QAtomicInteger<quint64> s_connections;

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const double rank = p * double(values.size() - 1);
    const size_t lo = size_t(std::floor(rank));
    const size_t hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

double round4(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

//! A private in-memory database, removed when it goes out of scope.
class ScratchDatabase
{
public:
    ScratchDatabase() : m_name(u"tandem-eval-%1"_s.arg(s_connections.fetchAndAddRelaxed(1)))
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(u":memory:"_s);
        m_db.open();
    }
    ~ScratchDatabase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace

QJsonObject DraftEvaluator::Report::toJson() const
{
    return {{u"intent_precision_at_1"_s, round4(precisionAt1)},
            {u"intent_precision_at_3"_s, round4(precisionAt3)},
            {u"token_f1"_s, round4(tokenF1)},
            {u"rouge_l"_s, round4(rougeL)},
            {u"leaked_placeholders"_s, leakedPlaceholders},
            {u"latency_ms"_s, QJsonObject{{u"p50"_s, round4(latencyP50)}, {u"p99"_s, round4(latencyP99)}}},
            {u"drafts"_s, drafts},
            {u"indexed_examples"_s, double(indexedExamples)},
            {u"folds"_s, folds},
            {u"train_seconds"_s, std::round(trainSeconds * 100.0) / 100.0}};
}

DraftEvaluator::Report DraftEvaluator::summarize(const Accumulator &acc, int folds)
{
    Report r;
    const double n = std::max(1, acc.drafts);
    r.precisionAt1 = acc.hits1 / n;
    r.precisionAt3 = acc.hits3 / n;
    r.tokenF1 = acc.f1 / n;
    r.rougeL = acc.rouge / n;
    r.leakedPlaceholders = acc.leaked;
    r.latencyP50 = percentile(acc.latencies, 0.50);
    r.latencyP99 = percentile(acc.latencies, 0.99);
    r.drafts = acc.drafts;
    r.indexedExamples = acc.indexed;
    r.trainSeconds = acc.trainSeconds;
    r.folds = folds;
    return r;
}

bool DraftEvaluator::runOnce(const QList<ResolvedRow> &corpus, const QList<ResolvedRow> &test,
                             const Options &options, Accumulator &acc, QString *error)
{
    ScratchDatabase scratch;
    if (!scratch.db().isOpen()) {
        *error = u"cannot open an in-memory SQLite database"_s;
        return false;
    }
    KnowledgeIndex index(scratch.db());
    if (!index.ensureSchema(error))
        return false;

    // Index the corpus as resolved examples (padded with copies for the latency target).
    scratch.db().transaction();
    const qsizetype target = std::max<qsizetype>(corpus.size(), options.padIndexTo);
    for (qsizetype i = 0; i < target; ++i) {
        const ResolvedRow &row = corpus.at(i % corpus.size());
        const auto lang = LanguageDetector::detect(row.response.isEmpty() ? row.text : row.response);
        ResolvedExample e;
        e.intent = row.intent;
        e.language = lang.reliable ? lang.language : u"en"_s;
        e.request = i < corpus.size() ? row.text : row.text + u" (#%1)"_s.arg(i / corpus.size());
        e.reply = row.response.isEmpty() ? row.text : row.response;
        index.addResolved(e);
    }
    scratch.db().commit();
    acc.indexed = std::max(acc.indexed, index.resolvedCount());

    QList<QPair<QString, QString>> examples;
    examples.reserve(corpus.size());
    for (const ResolvedRow &row : corpus)
        examples.append({row.text, row.intent});
    QElapsedTimer timer;
    timer.start();
    auto classifier = IntentClassifier::train(examples, TrainOptions{}, error);
    if (!classifier)
        return false;
    acc.trainSeconds += double(timer.nsecsElapsed()) / 1e9;

    GroundedDraftEngine engine(scratch.db(), options.engine);
    if (!engine.error().isEmpty()) {
        *error = engine.error();
        return false;
    }
    engine.setClassifier(*classifier);

    const qsizetype count = options.limit > 0 ? std::min<qsizetype>(options.limit, test.size()) : test.size();
    for (qsizetype i = 0; i < count; ++i) {
        const ResolvedRow &row = test.at(i);
        const IntentPrediction p = classifier->predict(row.text);
        if (!p.top.isEmpty() && p.top.first().first == row.intent)
            ++acc.hits1;
        for (int k = 0; k < std::min<qsizetype>(3, p.top.size()); ++k) {
            if (p.top.at(k).first == row.intent) {
                ++acc.hits3;
                break;
            }
        }
        DraftRequest request;
        request.ticket.id = i + 1;
        Message m;
        m.author.kind = AuthorKind::Customer;
        m.body = row.text;
        request.messages.append(m);
        timer.restart();
        const DraftResult result = engine.draft(request);
        acc.latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (draftmetrics::leaksPlaceholder(result.draft.body))
            ++acc.leaked;
        if (!row.response.isEmpty()) {
            acc.f1 += draftmetrics::tokenF1(result.draft.body, row.response);
            acc.rouge += draftmetrics::rougeL(result.draft.body, row.response);
        }
        ++acc.drafts;
    }
    return true;
}

std::optional<DraftEvaluator::Report> DraftEvaluator::evaluate(const QList<ResolvedRow> &corpus,
                                                               const QList<ResolvedRow> &test,
                                                               const Options &options, QString *error)
{
    if (corpus.isEmpty() || test.isEmpty()) {
        *error = u"the corpus and the test set must not be empty"_s;
        return std::nullopt;
    }
    Accumulator acc;
    if (!runOnce(corpus, test, options, acc, error))
        return std::nullopt;
    return summarize(acc, 1);
}

std::optional<DraftEvaluator::Report> DraftEvaluator::crossValidate(const QList<ResolvedRow> &corpus,
                                                                    const Options &options, QString *error)
{
    const int folds = options.folds;
    if (folds < 2 || corpus.size() < folds) {
        *error = u"cross-validation needs at least 2 folds and as many rows"_s;
        return std::nullopt;
    }
    // Stratified: shuffle each intent's rows, then deal them round-robin into the folds.
    QHash<QString, QList<qsizetype>> byIntent;
    for (qsizetype i = 0; i < corpus.size(); ++i)
        byIntent[corpus.at(i).intent].append(i);
    QStringList intents = byIntent.keys();
    intents.sort();
    std::mt19937 rng(options.seed);
    std::vector<int> foldOf(static_cast<size_t>(corpus.size()), 0);
    int next = 0;
    for (const QString &intent : std::as_const(intents)) {
        QList<qsizetype> rows = byIntent.value(intent);
        std::shuffle(rows.begin(), rows.end(), rng);
        for (const qsizetype r : std::as_const(rows))
            foldOf[size_t(r)] = next++ % folds;
    }
    Accumulator acc;
    for (int f = 0; f < folds; ++f) {
        QList<ResolvedRow> train;
        QList<ResolvedRow> test;
        for (qsizetype i = 0; i < corpus.size(); ++i)
            (foldOf[size_t(i)] == f ? test : train).append(corpus.at(i));
        if (!runOnce(train, test, options, acc, error))
            return std::nullopt;
    }
    return summarize(acc, folds);
}

} // namespace tandem::server
