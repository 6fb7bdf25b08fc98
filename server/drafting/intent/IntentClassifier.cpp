#include "server/drafting/intent/IntentClassifier.h"

#include "server/drafting/intent/IntentModel.h"

#include <QFile>
#include <QHash>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;

namespace tandem::server {

using namespace intent;

namespace {

constexpr quint32 FileMagic = 0x544E4931; // "TNI1"
constexpr quint32 FileTrailer = 0x454E4421;
// 2: examples per intent (confidence smoothing). 3: per-message confidence (Calibrator over
// ConfidenceFeatures, per-intent held-out precision, NearCopyIndex); older files are refused:
// retrain them.
constexpr quint32 FileVersion = 3;
constexpr quint32 OldestFileVersion = 3;
constexpr double MaxUnknownShare = 0.75;
//! A message with more of its idf mass on unknown words is never taken for a training message.
constexpr double NearCopyMaxUnknownShare = 0.5;
const QString OutOfScopeIntent = QStringLiteral("out_of_scope");

//! Stratified fold of each example: each intent's examples are shuffled and dealt round-robin,
//! starting at a rotating fold so small intents do not all land in fold 0.
std::vector<int> stratifiedFolds(const std::vector<int> &labels, int classes, int folds, unsigned seed)
{
    std::vector<std::vector<int>> byClass(static_cast<size_t>(classes));
    for (size_t i = 0; i < labels.size(); ++i)
        byClass[size_t(labels[i])].push_back(int(i));
    std::mt19937 rng(seed);
    std::vector<int> fold(labels.size(), 0);
    int start = 0;
    for (auto &members : byClass) {
        std::shuffle(members.begin(), members.end(), rng);
        for (size_t k = 0; k < members.size(); ++k)
            fold[size_t(members[k])] = int((size_t(start) + k) % size_t(folds));
        start = int((size_t(start) + members.size()) % size_t(folds));
    }
    return fold;
}

FeaturizerOptions featurizerOptions(const TrainOptions &o)
{
    FeaturizerOptions f;
    f.stem = o.stem;
    f.minDf = std::max(1, o.minDf);
    f.charMin = std::max(0, o.charMin);
    f.charMax = std::max(f.charMin, o.charMax);
    f.wordWeight = float(o.wordWeight);
    return f;
}

//! The second stage: the first stage's decision values are the features of another multi-class
//! linear SVM, which learns how the intents are confused with one another.
void restack(const LinearModel &stack, std::vector<double> *scores)
{
    if (stack.classes() == 0)
        return;
    SparseVector v;
    v.reserve(scores->size());
    for (size_t c = 0; c < scores->size(); ++c)
        v.push_back({std::int32_t(c), float((*scores)[c])});
    stack.scores(v, scores);
}

//! What the held-out folds said of each training message (empty scores where no fold did).
struct HeldOut
{
    const std::vector<std::vector<double>> &scores;    //!< final decision values, as a new message gets them
    const std::vector<int> &firstBest;                 //!< the first stage's choice
    const std::vector<std::vector<double>> &centroids; //!< similarity to each intent's centroid
    const std::vector<double> &unknownShares;          //!< against the fold's vocabulary
    const std::vector<std::vector<std::int32_t>> &words;
};

//! Fits confidence on the held-out predictions: the softmax temperature, each intent's held-out
//! precision, the Calibrator over per-message features, the coverage thresholds and the held-out
//! confidence of every training message (NearCopyIndex).
void fitConfidence(IntentModel &model, const HeldOut &held, const std::vector<int> &labels, int classes,
                   double nearCopySimilarity)
{
    model.calibrator.fitTemperature(held.scores, labels);
    std::vector<int> predicted(static_cast<size_t>(classes), 0);
    std::vector<int> right(static_cast<size_t>(classes), 0);
    std::vector<int> best(held.scores.size(), -1);
    for (size_t r = 0; r < held.scores.size(); ++r) {
        if (held.scores[r].empty())
            continue;
        best[r] = topTwo(held.scores[r]).best;
        ++predicted[size_t(best[r])];
        right[size_t(best[r])] += best[r] == labels[r] ? 1 : 0;
    }
    // How often predicting each intent was right, (right + 1) / (predicted + 2): confusable
    // intents start from lower odds. Each held-out row sees it without itself (leave one out).
    model.precision.resize(static_cast<size_t>(classes));
    for (size_t c = 0; c < model.precision.size(); ++c)
        model.precision[c] = double(float((right[c] + 1.0) / (predicted[c] + 2.0))); // as saved
    std::vector<ConfidenceFeatures> features;
    std::vector<bool> correct;
    for (size_t r = 0; r < held.scores.size(); ++r) {
        if (best[r] < 0)
            continue;
        const size_t c = size_t(best[r]);
        const bool ok = best[r] == labels[r];
        const double precision = (right[c] - (ok ? 1 : 0) + 1.0) / (predicted[c] - 1 + 2.0);
        features.push_back(confidenceFeatures(held.scores[r], held.firstBest[r], held.centroids[r],
                                              held.words[r].size(), held.unknownShares[r], precision,
                                              model.calibrator.temperature()));
        correct.push_back(ok);
    }
    model.calibrator.fit(features, correct);
    // Thresholds per coverage, in the units predict() reports.
    std::vector<double> confidences;
    confidences.reserve(features.size());
    for (const ConfidenceFeatures &f : features)
        confidences.push_back(model.calibrator.confidence(f));
    model.calibrator.fitCoverage(confidences);
    // A message the model was trained on scores at the top of the scale whatever its wording:
    // remember what the folds said of each training message when it was held out.
    std::vector<NearCopyIndex::Entry> entries;
    entries.reserve(confidences.size());
    for (size_t r = 0, i = 0; r < held.scores.size(); ++r) {
        if (best[r] >= 0)
            entries.push_back({held.words[r], confidences[i++], best[r]});
    }
    model.nearCopies = NearCopyIndex::build(entries, model.featurizer, nearCopySimilarity);
}

//! The confidence the held-out folds had in `best` for a message the model was trained on: a copy
//! of a training message, or a ticket's text (its subject line, then its message) whose two parts
//! both are, weighted by their words. None for a new message.
std::optional<double> heldOutConfidence(const IntentModel &m, const QString &text,
                                        const std::vector<std::int32_t> &words, int best)
{
    if (const auto whole = m.nearCopies.find(words, best, m.featurizer))
        return whole->confidence;
    const qsizetype newline = text.indexOf(u'\n');
    if (newline <= 0)
        return std::nullopt;
    const QString subject = text.left(newline);
    const QString body = text.mid(newline + 1);
    if (subject.trimmed().isEmpty() || body.trimmed().isEmpty())
        return std::nullopt;
    const auto first = m.nearCopies.find(m.featurizer.wordFeatures(subject), best, m.featurizer);
    const auto second =
        first ? m.nearCopies.find(m.featurizer.wordFeatures(body), best, m.featurizer) : std::nullopt;
    if (!first || !second)
        return std::nullopt;
    return (first->confidence * first->weight + second->confidence * second->weight) /
           (first->weight + second->weight);
}

} // namespace

QString IntentPrediction::reason() const
{
    if (outOfScope)
        return u"out of scope"_s;
    if (abstain)
        return u"low confidence"_s;
    return {};
}

IntentClassifier::IntentClassifier(std::shared_ptr<const IntentModel> model) : m_model(std::move(model)) {}

std::optional<IntentClassifier> IntentClassifier::train(const QList<QPair<QString, QString>> &examples,
                                                        const TrainOptions &options, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    auto model = std::make_shared<IntentModel>();
    QStringList texts;
    QStringList names;
    for (const auto &[text, name] : examples) {
        const QString label = name.trimmed();
        if (label.isEmpty())
            return fail(u"an example has an empty intent"_s);
        texts.append(text);
        names.append(label);
    }
    QStringList intents = names;
    intents.sort();
    intents.removeDuplicates();
    if (intents.size() < 2)
        return fail(u"training needs examples of at least two intents (found %1)"_s.arg(intents.size()));
    QHash<QString, int> ids;
    for (qsizetype i = 0; i < intents.size(); ++i)
        ids.insert(intents[i], int(i));
    const int classes = int(intents.size());
    std::vector<int> labels(static_cast<size_t>(names.size()));
    for (qsizetype i = 0; i < names.size(); ++i)
        labels[size_t(i)] = ids.value(names[i]);

    model->intents = intents;
    model->defaultCoverage = std::clamp(options.defaultCoverage, 0.01, 1.0);
    model->topK = std::max(1, options.topK);
    model->examples = int(texts.size());
    model->featurizer = TextFeaturizer(featurizerOptions(options));
    model->featurizer.fit(texts);
    const int dimension = model->featurizer.dimension();
    std::vector<SparseVector> vectors;
    vectors.reserve(size_t(texts.size()));
    for (const QString &text : texts)
        vectors.push_back(model->featurizer.vectorize(text));

    LinearOptions linear;
    linear.solver = options.solver;
    linear.C = options.regularisation;

    // Held-out folds: every example is scored by a model that never saw it. Calibration, coverage
    // thresholds and the out-of-scope similarity floor are all fitted on these scores.
    // calibrationFolds < 2 skips calibration (for quick experiments): confidence is then a fixed
    // squashing of the margin and the model never abstains.
    const int folds = options.calibrationFolds < 2 ? 0 : std::min(options.calibrationFolds, 20);
    const std::vector<int> fold = stratifiedFolds(labels, classes, std::max(1, folds), options.seed);
    std::vector<int> firstBest(vectors.size(), 0);
    // Per held-out row: the first stage's scores of the message as a new one is seen (calibration)
    // and of its full training vector (what the second stage learns from; unchanged since it was
    // tuned, docs/drafting.md), and its similarity to each intent's centroid.
    std::vector<std::vector<double>> heldOutRows(vectors.size());
    std::vector<std::vector<double>> stackInputs(vectors.size());
    std::vector<std::vector<double>> centroidRows(vectors.size());
    std::vector<double> similarities(vectors.size(), 0.0);
    std::vector<double> unknownShares(vectors.size(), 1.0);
    std::vector<std::vector<std::int32_t>> words;
    words.reserve(vectors.size());
    for (const QString &text : texts)
        words.push_back(model->featurizer.wordFeatures(text));
    std::vector<double> scores;
    for (int k = 0; k < folds; ++k) {
        std::vector<int> trainRows;
        std::vector<int> testRows;
        for (size_t i = 0; i < vectors.size(); ++i)
            (fold[i] == k ? testRows : trainRows).push_back(int(i));
        if (testRows.empty() || trainRows.empty())
            continue;
        LinearModel partial = LinearModel::train(vectors, labels, trainRows, classes, dimension, linear);
        if (partial.classes() == 0)
            return fail(u"LIBLINEAR could not train a calibration fold"_s);
        const CentroidIndex centroids = CentroidIndex::build(vectors, labels, trainRows, classes, dimension);
        // Features this fold's model has seen: the held-out message is judged as a new one would
        // be, its other n-grams left out as the vocabulary leaves out a new message's (otherwise
        // they would dilute its vector and make the held-out scores lower than live ones).
        std::vector<bool> seen(size_t(dimension), false);
        for (const int r : trainRows) {
            for (const SparseEntry &e : vectors[size_t(r)])
                seen[size_t(e.index)] = true;
        }
        for (const int r : testRows) {
            partial.scores(vectors[size_t(r)], &stackInputs[size_t(r)]);
            const SparseVector x = model->featurizer.vectorizeKnown(texts[r], seen);
            partial.scores(x, &scores);
            heldOutRows[size_t(r)] = scores;
            firstBest[size_t(r)] = topTwo(scores).best;
            std::vector<double> &sims = centroidRows[size_t(r)];
            centroids.similarities(x, &sims);
            // The out-of-scope floor keeps the similarity it was tuned with (the full vector).
            similarities[size_t(r)] = centroids.maxSimilarity(vectors[size_t(r)]);
            unknownShares[size_t(r)] = model->featurizer.unknownShare(
                words[size_t(r)], [&](std::int32_t f) { return bool(seen[size_t(f)]); });
        }
    }
    // Stacking: a second linear SVM over the held-out decision values of all intents learns which
    // intents the first one confuses (card_arrival / card_delivery_estimate, the top-up intents).
    // Small training sets (under stackMinPerIntent examples per intent on average) give held-out
    // scores too noisy to learn confusions from: there the first stage decides alone.
    const bool stacking = folds > 0 && options.stackRegularisation > 0 &&
                          qsizetype(vectors.size()) >= qsizetype(options.stackMinPerIntent) * classes;
    if (stacking) {
        std::vector<SparseVector> stackRows(stackInputs.size());
        for (size_t r = 0; r < stackInputs.size(); ++r) {
            for (size_t c = 0; c < stackInputs[r].size(); ++c)
                stackRows[r].push_back({std::int32_t(c), float(stackInputs[r][c])});
        }
        LinearOptions second = linear;
        second.C = options.stackRegularisation;
        model->stack = LinearModel::train(stackRows, labels, {}, classes, classes, second);
        if (model->stack.classes() == 0)
            return fail(u"LIBLINEAR could not train the second stage"_s);
        // Calibration sees each held-out row restacked by a second stage that never saw it
        // either, as a new message will be: a second stage fitted on the row itself is optimistic.
        for (int k = 0; k < folds; ++k) {
            std::vector<int> trainRows;
            for (size_t r = 0; r < heldOutRows.size(); ++r) {
                if (fold[r] != k && !heldOutRows[r].empty())
                    trainRows.push_back(int(r));
            }
            const LinearModel partial = trainRows.empty() ? model->stack
                                                          : LinearModel::train(stackRows, labels, trainRows,
                                                                               classes, classes, second);
            for (size_t r = 0; r < heldOutRows.size(); ++r) {
                if (fold[r] == k && !heldOutRows[r].empty())
                    restack(partial.classes() > 0 ? partial : model->stack, &heldOutRows[r]);
            }
        }
    }
    if (folds > 0) {
        fitConfidence(*model, {heldOutRows, firstBest, centroidRows, unknownShares, words}, labels, classes,
                      options.nearCopySimilarity);
        // Out of scope: less like any intent, or more unknown words, than all but oosQuantile of the
        // held-out in-domain messages.
        const double q = std::clamp(options.oosQuantile, 0.0, 1.0);
        const auto quantile = [](std::vector<double> values, double at) {
            std::sort(values.begin(), values.end());
            return values[std::min(values.size() - 1, size_t(at * double(values.size())))];
        };
        model->oosSimilarity = q <= 0 ? 0.0 : quantile(similarities, q);
        // Small training sets leave many held-out words unseen, which would push that ceiling to 1;
        // a message whose information lies mostly in words never seen in training is out of scope
        // whatever the data size.
        model->oosUnknownShare = q <= 0 ? 1.0 : std::min(MaxUnknownShare, quantile(unknownShares, 1.0 - q));
    }
    model->linear = LinearModel::train(vectors, labels, {}, classes, dimension, linear);
    if (model->linear.classes() == 0)
        return fail(u"LIBLINEAR could not train the model (solver %1, C %2)"_s.arg(options.solver)
                        .arg(options.regularisation));
    model->centroids = CentroidIndex::build(vectors, labels, {}, classes, dimension);
    return IntentClassifier(std::move(model));
}

IntentPrediction IntentClassifier::predict(const QString &text) const
{
    return predict(text, defaultCoverage());
}

IntentPrediction IntentClassifier::predict(const QString &text, double coverage) const
{
    IntentPrediction p;
    if (!m_model) {
        p.abstain = true;
        p.outOfScope = true;
        return p;
    }
    const IntentModel &m = *m_model;
    const SparseVector x = m.featurizer.vectorize(text);
    std::vector<double> scores;
    m.linear.scores(x, &scores);
    const int firstBest = topTwo(scores).best;
    restack(m.stack, &scores);
    const TopTwo t = topTwo(scores);
    p.intent = m.intents.value(t.best);
    std::vector<double> similarities;
    m.centroids.similarities(x, &similarities);
    p.similarity = similarities.empty()
                       ? 0.0
                       : std::max(0.0, *std::max_element(similarities.begin(), similarities.end()));
    const std::vector<std::int32_t> words = m.featurizer.wordFeatures(text);
    const double unknown = m.featurizer.unknownShare(words, [](std::int32_t) { return true; });
    const double precision = size_t(t.best) < m.precision.size() ? m.precision[size_t(t.best)] : 0.5;
    p.confidence =
        x.empty()
            ? 0.0
            : m.calibrator.confidence(confidenceFeatures(scores, firstBest, similarities, words.size(),
                                                         unknown, precision, m.calibrator.temperature()));
    if (!x.empty() && unknown <= NearCopyMaxUnknownShare) {
        if (const auto heldOut = heldOutConfidence(m, text, words, t.best))
            p.confidence = *heldOut;
    }
    p.outOfScope = x.empty() || p.similarity < m.oosSimilarity || unknown > m.oosUnknownShare ||
                   p.intent == OutOfScopeIntent;
    p.abstain = p.confidence < thresholdForCoverage(coverage);

    // Runner-ups share the remaining probability in proportion to their temperature-scaled softmax.
    const double temperature = m.calibrator.temperature();
    std::vector<double> soft(scores.size());
    double z = 0;
    for (size_t c = 0; c < scores.size(); ++c) {
        soft[c] = std::exp((scores[c] - t.top) / temperature);
        z += soft[c];
    }
    std::vector<int> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    const size_t k = std::min(order.size(), size_t(m.topK));
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(k), order.end(),
                      [&](int a, int b) { return scores[size_t(a)] > scores[size_t(b)]; });
    const double rest = std::max(1e-12, z - soft[size_t(t.best)]);
    for (size_t i = 0; i < k; ++i) {
        const int c = order[i];
        const double score = c == t.best ? p.confidence : (1.0 - p.confidence) * soft[size_t(c)] / rest;
        p.top.append({m.intents.value(c), score});
    }
    return p;
}

QStringList IntentClassifier::intents() const
{
    return m_model ? m_model->intents : QStringList();
}

double IntentClassifier::thresholdForCoverage(double coverage) const
{
    return m_model ? m_model->calibrator.thresholdForCoverage(coverage) : 1.0;
}

double IntentClassifier::defaultCoverage() const
{
    return m_model ? m_model->defaultCoverage : 0.8;
}

int IntentClassifier::exampleCount() const
{
    return m_model ? m_model->examples : 0;
}

int IntentClassifier::formatVersion()
{
    return int(FileVersion);
}

bool IntentClassifier::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!m_model || !file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = m_model ? path + u": "_s + file.errorString() : u"no model to save"_s;
        return false;
    }
    const IntentModel &m = *m_model;
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out.setFloatingPointPrecision(QDataStream::DoublePrecision);
    out << FileMagic << FileVersion << m.intents << qint32(m.examples) << qint32(m.topK) << m.defaultCoverage
        << m.oosSimilarity << m.oosUnknownShare;
    out.setFloatingPointPrecision(QDataStream::SinglePrecision);
    m.featurizer.write(out);
    m.linear.write(out);
    m.centroids.write(out);
    m.calibrator.write(out);
    out << quint32(m.precision.size());
    for (const double c : m.precision)
        out << float(c);
    out << bool(m.stack.classes() > 0);
    if (m.stack.classes() > 0)
        m.stack.write(out);
    m.nearCopies.write(out);
    out << FileTrailer;
    if (out.status() != QDataStream::Ok || !file.commit()) {
        if (error)
            *error = path + u": "_s + file.errorString();
        return false;
    }
    return true;
}

std::optional<IntentClassifier> IntentClassifier::load(const QString &path, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = path + u": "_s + message;
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    in.setFloatingPointPrecision(QDataStream::DoublePrecision);
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (magic != FileMagic)
        return fail(u"not a Tandem intent model"_s);
    if (version < OldestFileVersion || version > FileVersion)
        return fail(
            u"unsupported intent model version %1 (this tandemd reads version %2: retrain it)"_s.arg(version)
                .arg(FileVersion));
    auto model = std::make_shared<IntentModel>();
    qint32 examples = 0;
    qint32 topK = 0;
    in >> model->intents >> examples >> topK >> model->defaultCoverage >> model->oosSimilarity >>
        model->oosUnknownShare;
    model->examples = examples;
    model->topK = std::max(1, int(topK));
    in.setFloatingPointPrecision(QDataStream::SinglePrecision);
    quint32 trailer = 0;
    if (in.status() != QDataStream::Ok || model->intents.size() < 2 || !model->featurizer.read(in) ||
        !model->linear.read(in) || !model->centroids.read(in) || !model->calibrator.read(in))
        return fail(u"corrupt or truncated intent model"_s);
    quint32 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || (count != 0 && count != quint32(model->intents.size())))
        return fail(u"corrupt or truncated intent model"_s);
    model->precision.resize(count);
    for (double &c : model->precision) {
        float value = 0;
        in >> value;
        c = std::clamp(double(value), 0.0, 1.0);
    }
    bool stacked = false;
    in >> stacked;
    if (stacked && (!model->stack.read(in) || model->stack.classes() != model->intents.size() ||
                    model->stack.dimension() != model->intents.size()))
        return fail(u"corrupt or truncated intent model"_s);
    if (in.status() != QDataStream::Ok || !model->nearCopies.read(in, model->featurizer.dimension()))
        return fail(u"corrupt or truncated intent model"_s);
    in >> trailer;
    if (trailer != FileTrailer || model->linear.classes() != model->intents.size() ||
        model->linear.dimension() != model->featurizer.dimension())
        return fail(u"corrupt or truncated intent model"_s);
    return IntentClassifier(std::move(model));
}

} // namespace tandem::server
