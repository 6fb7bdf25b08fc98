#pragma once

#include "server/drafting/intent/SparseVector.h"

#include <QDataStream>

#include <vector>

namespace tandem::server::intent {

//! Routes LIBLINEAR's progress output to nowhere (once per process; it is a global).
void silenceLiblinear();

//! LIBLINEAR solver settings.
struct LinearOptions
{
    int solver = 1;    //!< LIBLINEAR solver_type (1 = L2R_L2LOSS_SVC_DUAL, 7 = L2R_LR_DUAL, 4 = MCSVM_CS)
    double C = 1.0;    //!< inverse regularisation strength
    double eps = 0.1;  //!< stopping tolerance
    double bias = 1.0; //!< value of the appended bias feature
};

//! One-vs-rest linear scores trained with LIBLINEAR, kept as a compact float matrix
//! (feature-major) so scoring a sparse message touches only its non-zero rows.
class LinearModel
{
public:
    //! Trains on examples[i] with class labels[i] in [0, classes). `rows` selects which
    //! examples take part (all when empty). Returns an empty model (classes() == 0) on failure.
    static LinearModel train(const std::vector<SparseVector> &examples, const std::vector<int> &labels,
                             const std::vector<int> &rows, int classes, int dimension,
                             const LinearOptions &options);

    //! Writes classes() decision values for x into scores.
    void scores(const SparseVector &x, std::vector<double> *scores) const;
    int classes() const { return m_classes; }
    //! Weight of \a feature for class \a cls (feature dimension() is the bias feature).
    float weight(int feature, int cls) const
    {
        return m_weights[size_t(feature) * size_t(m_classes) + size_t(cls)];
    }
    //! Value of the bias feature the weights were trained with.
    float biasValue() const { return m_bias; }
    int dimension() const { return m_dimension; }

    void write(QDataStream &out) const;
    bool read(QDataStream &in);

private:
    int m_classes = 0;
    int m_dimension = 0;
    float m_bias = 0;
    std::vector<float> m_weights; //!< (dimension + 1) x classes; the last row is the bias
};

} // namespace tandem::server::intent
