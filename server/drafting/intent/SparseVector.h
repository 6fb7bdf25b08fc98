#pragma once

#include <cstdint>
#include <vector>

namespace tandem::server::intent {

//! One non-zero of a feature vector (0-based feature index).
struct SparseEntry
{
    std::int32_t index = 0;
    float value = 0;
};

//! A sparse feature vector, sorted by index, L2-normalised by the featurizer.
using SparseVector = std::vector<SparseEntry>;

//! Dot product of two index-sorted sparse vectors.
inline double sparseDot(const SparseVector &a, const SparseVector &b)
{
    double sum = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->index < j->index) {
            ++i;
        } else if (j->index < i->index) {
            ++j;
        } else {
            sum += double(i->value) * double(j->value);
            ++i;
            ++j;
        }
    }
    return sum;
}

} // namespace tandem::server::intent
