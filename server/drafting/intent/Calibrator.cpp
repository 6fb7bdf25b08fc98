#include "server/drafting/intent/Calibrator.h"
#include "server/drafting/intent/LinearModel.h"

#include <linear.h>

#include <algorithm>
#include <cmath>

namespace tandem::server::intent {

namespace {

constexpr int CoverageSteps = 1000;

double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

struct Fit
{
    double wTop = 0;
    double wMargin = 0;
    double bias = 0;
};

//! Logistic regression P(correct | features) with LIBLINEAR (weakly regularised).
Fit logistic(const std::vector<HeldOutScore> &scores, bool useTop, bool useMargin)
{
    silenceLiblinear();
    std::vector<feature_node> nodes;
    nodes.reserve(scores.size() * 4);
    std::vector<double> y(scores.size());
    for (size_t i = 0; i < scores.size(); ++i) {
        if (useTop)
            nodes.push_back({1, scores[i].top});
        if (useMargin)
            nodes.push_back({2, scores[i].margin});
        nodes.push_back({3, 1.0});
        nodes.push_back({-1, 0.0});
        y[i] = scores[i].correct ? 1 : 0;
    }
    std::vector<feature_node *> x(scores.size());
    size_t at = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
        x[i] = nodes.data() + at;
        while (nodes[at].index != -1)
            ++at;
        ++at;
    }
    problem prob{};
    prob.l = int(scores.size());
    prob.n = 3;
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
    fit.wTop = sign * m->w[0];
    fit.wMargin = sign * m->w[1];
    fit.bias = sign * m->w[2];
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
        m_wTop = 0;
        m_wMargin = 4;
        m_bias = anyCorrect ? 0 : -2;
        return;
    }
    Fit f = logistic(scores, true, true);
    // Keep confidence monotonic in both scores: drop a feature whose weight came out negative.
    if (f.wTop < 0)
        f = logistic(scores, false, true);
    else if (f.wMargin < 0)
        f = logistic(scores, true, false);
    m_wTop = std::max(0.0, f.wTop);
    m_wMargin = std::max(0.0, f.wMargin);
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

double Calibrator::confidence(double top, double margin) const
{
    return sigmoid(m_wTop * top + m_wMargin * margin + m_bias);
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
    out << m_wTop << m_wMargin << m_bias << m_temperature << quint32(m_coverage.size());
    for (const double v : m_coverage)
        out << v;
    out.setFloatingPointPrecision(QDataStream::SinglePrecision);
}

bool Calibrator::read(QDataStream &in)
{
    in.setFloatingPointPrecision(QDataStream::DoublePrecision);
    quint32 size = 0;
    in >> m_wTop >> m_wMargin >> m_bias >> m_temperature >> size;
    if (size > 100000)
        return false;
    m_coverage.resize(size);
    for (double &v : m_coverage)
        in >> v;
    in.setFloatingPointPrecision(QDataStream::SinglePrecision);
    return in.status() == QDataStream::Ok && m_temperature > 0;
}

} // namespace tandem::server::intent
