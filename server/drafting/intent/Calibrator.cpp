#include "server/drafting/intent/Calibrator.h"

#include <algorithm>
#include <cmath>

namespace tandem::server::intent {

namespace {

constexpr int CoverageSteps = 1000;
//! L2 penalty on the standardised weights: a weak prior that keeps small training sets (a few
//! hundred held-out predictions, almost all right) from fitting extreme slopes.
constexpr double WeightPenalty = 1.0;

//! Which weights must not be negative, in Calibrator::valuesOf order: every feature except the
//! message length (a short message can be clearer than a long one, or the reverse).
const CappedLogistic::Sign Constraints[Calibrator::Features] = {
    CappedLogistic::Sign::NonNegative, // top
    CappedLogistic::Sign::NonNegative, // margin
    CappedLogistic::Sign::NonNegative, // log share
    CappedLogistic::Sign::NonNegative, // similarity
    CappedLogistic::Sign::NonNegative, // centroid margin
    CappedLogistic::Sign::NonNegative, // stages agree
    CappedLogistic::Sign::NonNegative, // -unknown
    CappedLogistic::Sign::Free,        // length
    CappedLogistic::Sign::NonNegative, // prior
};

} // namespace

Calibrator::Values Calibrator::valuesOf(const ConfidenceFeatures &f)
{
    return {f.top,         f.margin,   f.logShare, f.similarity, f.centroidMargin,
            f.stagesAgree, -f.unknown, f.length,   f.prior};
}

Calibrator::Values Calibrator::standardised(const ConfidenceFeatures &f) const
{
    Values v = valuesOf(f);
    for (size_t k = 0; k < v.size(); ++k) {
        const double x = std::isfinite(v[k]) ? v[k] : m_mean[k];
        v[k] = m_scale[k] > 0 ? (std::clamp(x, m_low[k], m_high[k]) - m_mean[k]) / m_scale[k] : 0.0;
    }
    return v;
}

void Calibrator::fit(const std::vector<ConfidenceFeatures> &features, const std::vector<bool> &correct)
{
    const size_t n = features.size();
    std::vector<Values> raw(n);
    for (size_t i = 0; i < n; ++i)
        raw[i] = valuesOf(features[i]);
    m_mean.fill(0.0);
    m_scale.fill(0.0);
    m_low.fill(0.0);
    m_high.fill(0.0);
    std::vector<CappedLogistic::Sign> signs(Constraints, Constraints + Features);
    for (size_t k = 0; k < size_t(Features); ++k) {
        double sum = 0;
        double squares = 0;
        double low = n ? raw[0][k] : 0.0;
        double high = low;
        for (const Values &v : raw) {
            sum += v[k];
            squares += v[k] * v[k];
            low = std::min(low, v[k]);
            high = std::max(high, v[k]);
        }
        const double mean = n ? sum / double(n) : 0.0;
        const double variance = n ? std::max(0.0, squares / double(n) - mean * mean) : 0.0;
        m_mean[k] = mean;
        m_low[k] = low;
        m_high[k] = high;
        m_scale[k] = variance > 1e-12 ? std::sqrt(variance) : 0.0;
        if (m_scale[k] == 0.0)
            signs[k] = CappedLogistic::Sign::Zero; // never varies here: nothing to learn from it
    }
    std::vector<double> x;
    x.reserve(n * size_t(Features));
    for (const ConfidenceFeatures &f : features) {
        const Values v = standardised(f);
        x.insert(x.end(), v.begin(), v.end());
    }
    // The ceiling: how often the clearest fifth of the held-out predictions was right, by the
    // rule of succession, (right + 1) / (count + 2), and never above MaxConfidence. A large
    // training set earns 0.99; a few hundred examples earn less, as their folds can show no more.
    bool fitted = m_model.fit(x, correct, Features, MaxConfidence, signs, WeightPenalty);
    if (fitted) {
        std::vector<std::pair<double, bool>> ranked(n);
        for (size_t i = 0; i < n; ++i)
            ranked[i] = {m_model.logit(x.data() + i * size_t(Features)), correct[i]};
        std::sort(ranked.begin(), ranked.end(),
                  [](const auto &a, const auto &b) { return a.first > b.first; });
        const size_t clearest = std::max<size_t>(1, n / 5);
        double right = 0;
        for (size_t i = 0; i < clearest; ++i)
            right += ranked[i].second ? 1.0 : 0.0;
        const double ceiling = std::clamp((right + 1.0) / (double(clearest) + 2.0), 0.5, MaxConfidence);
        fitted = m_model.fit(x, correct, Features, ceiling, signs, WeightPenalty);
    }
    if (!fitted) {
        // Nothing to separate (tiny or trivial data): the rate of right answers as the rule of
        // succession estimates it, (right + 1) / (n + 2), and the margin so that clearer messages
        // still rank higher.
        const double right = double(std::count(correct.begin(), correct.end(), true));
        const double rate = std::clamp((right + 1.0) / (double(n) + 2.0) / MaxConfidence, 0.01, 0.99);
        std::vector<double> weights(size_t(Features), 0.0);
        if (m_scale[1] > 0)
            weights[1] = 0.5;
        m_model.set(std::move(weights), std::log(rate / (1.0 - rate)), MaxConfidence);
    }
}

void Calibrator::fitTemperature(const std::vector<std::vector<double>> &rows, const std::vector<int> &truth)
{
    const auto nll = [&](double t) {
        double sum = 0;
        for (size_t i = 0; i < rows.size(); ++i) {
            const std::vector<double> &s = rows[i];
            if (s.empty())
                continue;
            const double top = *std::max_element(s.begin(), s.end());
            double z = 0;
            for (const double v : s)
                z += std::exp((v - top) / t);
            sum += -(s[size_t(truth[i])] - top) / t + std::log(z);
        }
        return sum;
    };
    // Golden-section search on log(temperature); the likelihood is unimodal in practice.
    double lo = std::log(0.005);
    double hi = std::log(10.0);
    const double g = (std::sqrt(5.0) - 1) / 2;
    double a = hi - g * (hi - lo);
    double b = lo + g * (hi - lo);
    double fa = nll(std::exp(a));
    double fb = nll(std::exp(b));
    for (int i = 0; i < 40; ++i) {
        if (fa < fb) {
            hi = b;
            b = a;
            fb = fa;
            a = hi - g * (hi - lo);
            fa = nll(std::exp(a));
        } else {
            lo = a;
            a = b;
            fa = fb;
            b = lo + g * (hi - lo);
            fb = nll(std::exp(b));
        }
    }
    m_temperature = rows.empty() ? 1.0 : std::exp((lo + hi) / 2);
}

void Calibrator::fitCoverage(std::vector<double> confidences)
{
    m_coverage.assign(CoverageSteps + 1, 0.0);
    if (confidences.empty())
        return;
    std::sort(confidences.begin(), confidences.end(), std::greater<>());
    const size_t n = confidences.size();
    for (int i = 1; i <= CoverageSteps; ++i) {
        // The i/1000 most confident messages are answered: the threshold is the last one's score.
        const size_t count = std::max<size_t>(1, size_t(std::ceil(double(i) / CoverageSteps * double(n))));
        m_coverage[size_t(i)] = confidences[std::min(count, n) - 1];
    }
    m_coverage[0] = confidences.front();
    m_coverage[CoverageSteps] = 0.0; // full coverage never abstains
}

double Calibrator::confidence(const ConfidenceFeatures &features) const
{
    if (m_model.features() != Features) // never fitted (no calibration folds): squash the margin
        return MaxConfidence / (1.0 + std::exp(-features.margin));
    const Values v = standardised(features);
    return m_model.probability(v.data());
}

std::array<double, Calibrator::Features> Calibrator::weights() const
{
    Values w{};
    for (size_t k = 0; k < w.size() && k < m_model.weights().size(); ++k)
        w[k] = m_model.weights()[k];
    return w;
}

double Calibrator::thresholdForCoverage(double coverage) const
{
    if (m_coverage.size() < 2)
        return 0.0;
    const double steps = double(m_coverage.size() - 1);
    const double at = std::clamp(coverage, 0.0, 1.0) * steps;
    const size_t i = size_t(std::floor(at));
    if (i + 1 >= m_coverage.size())
        return m_coverage.back();
    const double frac = at - double(i);
    return m_coverage[i] * (1 - frac) + m_coverage[i + 1] * frac;
}

void Calibrator::write(QDataStream &out) const
{
    out.setFloatingPointPrecision(QDataStream::DoublePrecision);
    out << quint32(Features);
    const Values w = weights();
    for (size_t k = 0; k < size_t(Features); ++k)
        out << w[k] << m_mean[k] << m_scale[k] << m_low[k] << m_high[k];
    out << m_model.bias() << m_model.ceiling() << m_temperature << quint32(m_coverage.size());
    for (const double v : m_coverage)
        out << v;
    out.setFloatingPointPrecision(QDataStream::SinglePrecision);
}

bool Calibrator::read(QDataStream &in)
{
    in.setFloatingPointPrecision(QDataStream::DoublePrecision);
    quint32 features = 0;
    in >> features;
    if (in.status() != QDataStream::Ok || features != quint32(Features))
        return false;
    std::vector<double> weights(size_t(Features), 0.0);
    for (size_t k = 0; k < size_t(Features); ++k)
        in >> weights[k] >> m_mean[k] >> m_scale[k] >> m_low[k] >> m_high[k];
    double bias = 0;
    double ceiling = 0;
    quint32 size = 0;
    in >> bias >> ceiling >> m_temperature >> size;
    if (in.status() != QDataStream::Ok || size > 100000)
        return false;
    m_model.set(std::move(weights), bias, ceiling);
    m_coverage.resize(size);
    for (double &v : m_coverage)
        in >> v;
    in.setFloatingPointPrecision(QDataStream::SinglePrecision);
    return in.status() == QDataStream::Ok && m_temperature > 0 && ceiling > 0 && ceiling <= 1;
}

} // namespace tandem::server::intent
