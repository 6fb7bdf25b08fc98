#include "server/drafting/intent/IntentMetrics.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tandem::server::intent {

double accuracy(const QList<ScoredPrediction> &predictions)
{
    if (predictions.isEmpty())
        return 0.0;
    const auto right = std::count_if(predictions.begin(), predictions.end(),
                                     [](const ScoredPrediction &p) { return p.truth == p.predicted; });
    return double(right) / double(predictions.size());
}

double macroF1(const QList<ScoredPrediction> &predictions)
{
    QHash<QString, int> truePositive;
    QHash<QString, int> predicted;
    QHash<QString, int> actual;
    QSet<QString> labels;
    for (const ScoredPrediction &p : predictions) {
        ++actual[p.truth];
        ++predicted[p.predicted];
        if (p.truth == p.predicted)
            ++truePositive[p.truth];
        labels.insert(p.truth);
        labels.insert(p.predicted);
    }
    if (labels.isEmpty())
        return 0.0;
    double sum = 0;
    for (const QString &label : labels) {
        const double tp = truePositive.value(label);
        const double denominator = predicted.value(label) + actual.value(label);
        sum += denominator > 0 ? 2 * tp / denominator : 0.0;
    }
    return sum / double(labels.size());
}

double aurocOfConfidence(const QList<ScoredPrediction> &predictions)
{
    const size_t n = size_t(predictions.size());
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return predictions[qsizetype(a)].confidence < predictions[qsizetype(b)].confidence;
    });
    // Mann-Whitney U with average ranks for ties.
    double rankSumCorrect = 0;
    double correct = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n &&
               predictions[qsizetype(order[j])].confidence == predictions[qsizetype(order[i])].confidence)
            ++j;
        const double rank = (double(i + 1) + double(j)) / 2.0;
        for (size_t k = i; k < j; ++k) {
            const ScoredPrediction &p = predictions[qsizetype(order[k])];
            if (p.truth == p.predicted) {
                rankSumCorrect += rank;
                ++correct;
            }
        }
        i = j;
    }
    const double wrong = double(n) - correct;
    if (correct == 0 || wrong == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return (rankSumCorrect - correct * (correct + 1) / 2.0) / (correct * wrong);
}

double expectedCalibrationError(const QList<ScoredPrediction> &predictions, int bins)
{
    if (predictions.isEmpty() || bins < 1)
        return 0.0;
    std::vector<double> confidence(size_t(bins), 0.0);
    std::vector<double> right(size_t(bins), 0.0);
    std::vector<double> count(size_t(bins), 0.0);
    for (const ScoredPrediction &p : predictions) {
        const double c = std::clamp(p.confidence, 0.0, 1.0);
        const size_t bin = std::min(size_t(bins) - 1, size_t(std::floor(c * bins)));
        confidence[bin] += c;
        right[bin] += p.truth == p.predicted ? 1.0 : 0.0;
        ++count[bin];
    }
    double sum = 0;
    for (size_t b = 0; b < count.size(); ++b)
        sum += std::abs(right[b] - confidence[b]); // = count * |accuracy - mean confidence|
    return sum / double(predictions.size());
}

double accuracyAtCoverage(const QList<ScoredPrediction> &predictions, double coverage)
{
    if (predictions.isEmpty())
        return 0.0;
    QList<ScoredPrediction> sorted = predictions;
    std::stable_sort(sorted.begin(), sorted.end(), [](const ScoredPrediction &a, const ScoredPrediction &b) {
        return a.confidence > b.confidence;
    });
    const qsizetype count = std::clamp<qsizetype>(
        qsizetype(std::ceil(std::clamp(coverage, 0.0, 1.0) * double(sorted.size()))), 1, sorted.size());
    return accuracy(sorted.first(count));
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size()));
    const size_t index = size_t(std::max(1.0, rank)) - 1;
    return values[std::min(index, values.size() - 1)];
}

} // namespace tandem::server::intent
