#pragma once

#include <vector>

namespace tandem::server::intent {

//! Logistic regression whose probability tops out below 1: P(y | x) = ceiling · σ(bias + w·x).
//! Fitted by maximum likelihood (Fisher scoring, a weak L2 penalty on w) with optional sign
//! constraints, so a feature that must only ever raise the probability cannot lower it. The
//! ceiling is part of the likelihood, not a clamp applied afterwards: the fit puts the
//! probabilities below it where the data says so, and every message keeps its own value.
class CappedLogistic
{
public:
    //! How a weight may move.
    enum class Sign
    {
        Free,
        NonNegative,
        Zero, //!< left out (e.g. a feature that never varies)
    };

    //! Fits on n rows of `features` values each (row-major in x), labels in y. Returns false (and
    //! keeps a flat model at the base rate) when y has a single value.
    bool fit(const std::vector<double> &x, const std::vector<bool> &y, int features, double ceiling,
             const std::vector<Sign> &signs, double l2);

    //! P(y | x) for one row of features() values.
    double probability(const double *x) const;
    double logit(const double *x) const;

    int features() const { return int(m_weights.size()); }
    double ceiling() const { return m_ceiling; }
    const std::vector<double> &weights() const { return m_weights; }
    double bias() const { return m_bias; }
    //! Sets a model read from a file.
    void set(std::vector<double> weights, double bias, double ceiling);

private:
    std::vector<double> m_weights;
    double m_bias = 0;
    double m_ceiling = 1;
};

} // namespace tandem::server::intent
