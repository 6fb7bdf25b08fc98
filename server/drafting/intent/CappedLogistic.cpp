#include "server/drafting/intent/CappedLogistic.h"

#include <algorithm>
#include <cmath>

namespace tandem::server::intent {

namespace {

double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

//! Solves the symmetric positive definite system a·s = b (a is m x m, row-major) in place by
//! Cholesky decomposition. Returns false when a is not positive definite.
bool solve(std::vector<double> a, std::vector<double> *b, size_t m)
{
    for (size_t j = 0; j < m; ++j) {
        double d = a[j * m + j];
        for (size_t k = 0; k < j; ++k)
            d -= a[j * m + k] * a[j * m + k];
        if (!(d > 1e-300))
            return false;
        d = std::sqrt(d);
        a[j * m + j] = d;
        for (size_t i = j + 1; i < m; ++i) {
            double s = a[i * m + j];
            for (size_t k = 0; k < j; ++k)
                s -= a[i * m + k] * a[j * m + k];
            a[i * m + j] = s / d;
        }
    }
    std::vector<double> &v = *b;
    for (size_t i = 0; i < m; ++i) {
        for (size_t k = 0; k < i; ++k)
            v[i] -= a[i * m + k] * v[k];
        v[i] /= a[i * m + i];
    }
    for (size_t i = m; i-- > 0;) {
        for (size_t k = i + 1; k < m; ++k)
            v[i] -= a[k * m + i] * v[k];
        v[i] /= a[i * m + i];
    }
    return true;
}

//! One maximum-likelihood fit over the weights in `active` (the others stay 0), by Fisher
//! scoring with a backtracking line search. params: the weights, then the bias.
void fitActive(const std::vector<double> &x, const std::vector<bool> &y, size_t features, double ceiling,
               const std::vector<bool> &active, double l2, std::vector<double> *params)
{
    const size_t n = y.size();
    std::vector<size_t> index; // active weights, then the bias
    for (size_t k = 0; k < features; ++k) {
        if (active[k])
            index.push_back(k);
        else
            (*params)[k] = 0.0;
    }
    index.push_back(features);
    const size_t m = index.size();
    constexpr double BiasL2 = 1e-6; // keeps the bias finite when every row is nearly always right
    const auto penalty = [&](size_t k) {
        return k == features ? BiasL2 : l2;
    };
    const auto value = [&](const std::vector<double> &p) { // penalised negative log-likelihood
        double sum = 0;
        for (size_t i = 0; i < n; ++i) {
            double z = p[features];
            for (size_t k = 0; k + 1 < m; ++k)
                z += p[index[k]] * x[i * features + index[k]];
            const double s = sigmoid(z);
            sum -= y[i] ? std::log(std::max(1e-300, ceiling * s))
                        : std::log(std::max(1e-300, 1.0 - ceiling * s));
        }
        for (const size_t k : index)
            sum += 0.5 * penalty(k) * p[k] * p[k];
        return sum;
    };
    double current = value(*params);
    std::vector<double> hessian(m * m);
    std::vector<double> gradient(m);
    std::vector<double> row(m);
    for (int iteration = 0; iteration < 100; ++iteration) {
        std::fill(hessian.begin(), hessian.end(), 0.0);
        std::fill(gradient.begin(), gradient.end(), 0.0);
        for (size_t i = 0; i < n; ++i) {
            double z = (*params)[features];
            for (size_t k = 0; k + 1 < m; ++k) {
                row[k] = x[i * features + index[k]];
                z += (*params)[index[k]] * row[k];
            }
            row[m - 1] = 1.0;
            const double s = sigmoid(z);
            const double p = ceiling * s;
            // d log-likelihood / dz and the Fisher information in z of P = ceiling · σ(z).
            const double score = (double(y[i]) - p) * (1.0 - s) / (1.0 - p);
            const double weight = p * (1.0 - s) * (1.0 - s) / (1.0 - p);
            for (size_t a = 0; a < m; ++a) {
                gradient[a] += score * row[a];
                for (size_t b = 0; b <= a; ++b)
                    hessian[a * m + b] += weight * row[a] * row[b];
            }
        }
        for (size_t a = 0; a < m; ++a) {
            gradient[a] -= penalty(index[a]) * (*params)[index[a]];
            hessian[a * m + a] += penalty(index[a]);
            for (size_t b = 0; b < a; ++b)
                hessian[b * m + a] = hessian[a * m + b];
        }
        std::vector<double> step = gradient;
        if (!solve(hessian, &step, m))
            break;
        double t = 1.0;
        std::vector<double> next = *params;
        double nextValue = current;
        for (int halving = 0; halving < 40; ++halving, t /= 2) {
            next = *params;
            for (size_t a = 0; a < m; ++a)
                next[index[a]] += t * step[a];
            nextValue = value(next);
            if (nextValue <= current)
                break;
        }
        if (!(nextValue <= current))
            break;
        double moved = 0;
        for (size_t a = 0; a < m; ++a)
            moved = std::max(moved, std::abs(t * step[a]));
        *params = next;
        const double gain = current - nextValue;
        current = nextValue;
        if (moved < 1e-7 || gain < 1e-10 * (1.0 + std::abs(current)))
            break;
    }
}

} // namespace

bool CappedLogistic::fit(const std::vector<double> &x, const std::vector<bool> &y, int features,
                         double ceiling, const std::vector<Sign> &signs, double l2)
{
    const size_t d = size_t(std::max(0, features));
    m_ceiling = std::clamp(ceiling, 0.5, 1.0 - 1e-9);
    m_weights.assign(d, 0.0);
    const double positives = double(std::count(y.begin(), y.end(), true));
    const double rate = y.empty() ? 0.5 : positives / double(y.size());
    const double base = std::clamp(rate / m_ceiling, 1e-6, 1.0 - 1e-6);
    m_bias = std::log(base / (1.0 - base));
    if (positives == 0 || positives == double(y.size()) || x.size() != y.size() * d)
        return false;
    std::vector<bool> active(d);
    for (size_t k = 0; k < d; ++k)
        active[k] = k >= signs.size() || signs[k] != Sign::Zero;
    std::vector<double> params(d + 1, 0.0);
    params[d] = m_bias;
    // Active set: fit, drop the most negative of the weights that must not be negative, refit.
    for (size_t round = 0; round <= d; ++round) {
        fitActive(x, y, d, m_ceiling, active, l2, &params);
        size_t worst = d;
        for (size_t k = 0; k < d && k < signs.size(); ++k) {
            if (active[k] && signs[k] == Sign::NonNegative && params[k] < 0 &&
                (worst == d || params[k] < params[worst]))
                worst = k;
        }
        if (worst == d)
            break;
        active[worst] = false;
    }
    std::copy(params.begin(), params.begin() + std::ptrdiff_t(d), m_weights.begin());
    m_bias = params[d];
    return true;
}

double CappedLogistic::logit(const double *x) const
{
    double z = m_bias;
    for (size_t k = 0; k < m_weights.size(); ++k)
        z += m_weights[k] * x[k];
    return z;
}

double CappedLogistic::probability(const double *x) const
{
    return m_ceiling * sigmoid(logit(x));
}

void CappedLogistic::set(std::vector<double> weights, double bias, double ceiling)
{
    m_weights = std::move(weights);
    m_bias = bias;
    m_ceiling = ceiling;
}

} // namespace tandem::server::intent
