#pragma once

#include "server/drafting/intent/SparseVector.h"

#include <QDataStream>

#include <vector>

namespace tandem::server::intent {

//! The normalised mean TF-IDF vector of each intent, stored feature-major and sparse, to measure
//! how much a message resembles any known intent (the out-of-scope signal) and whether the
//! closest intent is the one the classifier chose (a confidence signal).
class CentroidIndex
{
public:
    //! Builds the centroids of examples[r] for r in rows (all when empty).
    static CentroidIndex build(const std::vector<SparseVector> &examples, const std::vector<int> &labels,
                               const std::vector<int> &rows, int classes, int dimension);
    //! Highest cosine similarity between x (L2-normalised) and any centroid.
    double maxSimilarity(const SparseVector &x) const;
    //! Cosine similarity between x and each intent's centroid (classes() values).
    void similarities(const SparseVector &x, std::vector<double> *out) const;

    void write(QDataStream &out) const;
    bool read(QDataStream &in);

private:
    int m_classes = 0;
    std::vector<std::int32_t> m_rowStart; //!< per feature: first entry in m_class / m_value
    std::vector<std::int32_t> m_class;
    std::vector<float> m_value;
};

} // namespace tandem::server::intent
