#include "server/drafting/intent/Calibrator.h"
#include "server/drafting/intent/LinearModel.h"

#include <linear.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace tandem::server::intent {

namespace {

constexpr int CoverageSteps = 1000;

double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

//! The calibration features of a score, oriented so that a larger value means "more likely right".
std::array<double, 4> featuresOf(const HeldOutScore &s)
{
    return {s.top, s.margin, s.similarity, -s.unknown};
}

struct Fit
{
    std::array<double, 4> weights{};
    double bias = 0;
};

//! Logistic regression P(correct | the features in `use`) with LIBLINEAR (weakly regularised).
Fit logistic(const std::vector<HeldOutScore> &scores, const std::array<bool, 4> &use)
{
    silenceLiblinear();
    const int features = int(use.size());
    std::vector<feature_node> nodes;
    nodes.reserve(scores.size() * size_t(features + 2));
    std::vector<feature_node *> x(scores.size());
    std::vector<size_t> offsets(scores.size());
    std::vector<double> y(scores.size());
    for (size_t i = 0; i < scores.size(); ++i) {
        offsets[i] = nodes.size();
        const std::array<double, 4> f = featuresOf(scores[i]);
        for (int k = 0; k < features; ++k) {
            if (use[size_t(k)])
                nodes.push_back({k + 1, f[size_t(k)]});
        }
        nodes.push_back({features + 1, 1.0});
        nodes.push_back({-1, 0.0});
        y[i] = scores[i].correct ? 1 : 0;
    }
    for (size_t i = 0; i < scores.size(); ++i)
        x[i] = nodes.data() + offsets[i];
    problem prob{};
    prob.l = int(scores.size());
    prob.n = features + 1;
    prob.y = y.data();
    prob.x = x.data();
    prob.bias = 1.0;
    parameter param{};
    param.solver_type = L2R_LR;
    param.eps = 1e-4;
    param.C = 1000.0;
    model *m = train(&prob, &param);
    Fit fit;
    if (!m)
        return fit;
    // Express the weights for the label 1 (correct) whatever order LIBLINEAR chose.
    const double sign = (get_nr_class(m) == 2 && m->label[0] == 1) ? 1.0 : -1.0;
    for (int k = 0; k < features; ++k)
        fit.weights[size_t(k)] = use[size_t(k)] ? sign * m->w[k] : 0.0;
    fit.bias = sign * m->w[features];
    free_and_destroy_model(&m);
    return fit;
}

} // namespace

void Calibrator::fit(const std::vector<HeldOutScore> &scores)
{
    bool anyCorrect = false;
    bool anyWrong = false;
    for (const HeldOutScore &s : scores) {
        anyCorrect = anyCorrect || s.correct;
        anyWrong = anyWrong || !s.correct;
    }
    if (!anyCorrect || !anyWrong) {
        // Nothing to separate (tiny or trivial data): a fixed, monotonic squashing of the margin.
        std::fill(std::begin(m_weights), std::end(m_weights), 0.0);
        m_weights[1] = 4;
        m_bias = anyCorrect ? 0 : -2;
        return;
    }
    // Keep confidence monotonic: drop the feature with the most negative weight and refit until
    // every weight is non-negative.
    std::array<bool, 4> use{true, true, true, true};
    Fit f = logistic(scores, use);
    for (int round = 0; round < Features; ++round) {
        const auto worst = std::min_element(f.weights.begin(), f.weights.end());
        if (*worst >= 0)
            break;
        use[size_t(worst - f.weights.begin())] = false;
        f = logistic(scores, use);
    }
    for (int k = 0; k < Features; ++k)
        m_weights[k] = std::max(0.0, f.weights[size_t(k)]);
    m_bias = f.bias;
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

double Calibrator::confidence(const HeldOutScore &score) const
{
    const std::array<double, 4> f = featuresOf(score);
    double z = m_bias;
    for (int k = 0; k < Features; ++k)
        z += m_weights[k] * f[size_t(k)];
    return sigmoid(z);
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
    for (const double w : m_weights)
        out << w;
    out << m_bias << m_temperature << quint32(m_coverage.size());
    for (const double v : m_coverage)
        out << v;
    out.setFloatingPointPrecision(QDataStream::SinglePrecision);
}

bool Calibrator::read(QDataStream &in)
{
    in.setFloatingPointPrecision(QDataStream::DoublePrecision);
    quint32 size = 0;
    for (double &w : m_weights)
        in >> w;
    in >> m_bias >> m_temperature >> size;
    if (size > 100000)
        return false;
    m_coverage.resize(size);
    for (double &v : m_coverage)
        in >> v;
    in.setFloatingPointPrecision(QDataStream::SinglePrecision);
    return in.status() == QDataStream::Ok && m_temperature > 0;
}

} // namespace tandem::server::intent
