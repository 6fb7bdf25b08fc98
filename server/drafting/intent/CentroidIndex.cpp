#include "server/drafting/intent/CentroidIndex.h"

#include <algorithm>
#include <cmath>

namespace tandem::server::intent {

CentroidIndex CentroidIndex::build(const std::vector<SparseVector> &examples, const std::vector<int> &labels,
                                   const std::vector<int> &rows, int classes, int dimension)
{
    std::vector<std::vector<int>> members(static_cast<size_t>(classes));
    if (rows.empty()) {
        for (size_t r = 0; r < examples.size(); ++r)
            members[size_t(labels[r])].push_back(int(r));
    } else {
        for (const int r : rows)
            members[size_t(labels[size_t(r)])].push_back(r);
    }
    // One dense accumulator reused per class, plus the list of features it touched.
    std::vector<double> sum(size_t(dimension), 0.0);
    std::vector<std::int32_t> touched;
    std::vector<std::vector<SparseEntry>> centroids(static_cast<size_t>(classes));
    std::vector<std::int32_t> counts(size_t(dimension), 0);
    for (int c = 0; c < classes; ++c) {
        touched.clear();
        for (const int r : members[size_t(c)]) {
            for (const SparseEntry &e : examples[size_t(r)]) {
                if (sum[size_t(e.index)] == 0.0)
                    touched.push_back(e.index);
                sum[size_t(e.index)] += e.value;
            }
        }
        double norm = 0;
        for (const std::int32_t f : touched)
            norm += sum[size_t(f)] * sum[size_t(f)];
        norm = norm > 0 ? std::sqrt(norm) : 1.0;
        for (const std::int32_t f : touched) {
            centroids[size_t(c)].push_back({f, float(sum[size_t(f)] / norm)});
            ++counts[size_t(f)];
            sum[size_t(f)] = 0.0;
        }
    }
    CentroidIndex index;
    index.m_classes = classes;
    index.m_rowStart.assign(size_t(dimension) + 1, 0);
    for (int f = 0; f < dimension; ++f)
        index.m_rowStart[size_t(f) + 1] = index.m_rowStart[size_t(f)] + counts[size_t(f)];
    const size_t total = size_t(index.m_rowStart.back());
    index.m_class.assign(total, 0);
    index.m_value.assign(total, 0.0f);
    std::vector<std::int32_t> fill(index.m_rowStart.begin(), index.m_rowStart.end() - 1);
    for (int c = 0; c < classes; ++c) {
        for (const SparseEntry &e : centroids[size_t(c)]) {
            const size_t at = size_t(fill[size_t(e.index)]++);
            index.m_class[at] = c;
            index.m_value[at] = e.value;
        }
    }
    return index;
}

double CentroidIndex::maxSimilarity(const SparseVector &x) const
{
    if (m_classes <= 0)
        return 0.0;
    std::vector<double> dots;
    similarities(x, &dots);
    return std::max(0.0, *std::max_element(dots.begin(), dots.end()));
}

void CentroidIndex::similarities(const SparseVector &x, std::vector<double> *out) const
{
    std::vector<double> &dots = *out;
    dots.assign(size_t(std::max(0, m_classes)), 0.0);
    const std::int32_t features = std::int32_t(m_rowStart.size()) - 1;
    for (const SparseEntry &e : x) {
        if (e.index < 0 || e.index >= features)
            continue;
        for (std::int32_t k = m_rowStart[size_t(e.index)]; k < m_rowStart[size_t(e.index) + 1]; ++k)
            dots[size_t(m_class[size_t(k)])] += double(e.value) * m_value[size_t(k)];
    }
}

void CentroidIndex::write(QDataStream &out) const
{
    out << qint32(m_classes) << quint64(m_rowStart.size()) << quint64(m_class.size());
    for (const std::int32_t v : m_rowStart)
        out << qint32(v);
    for (size_t i = 0; i < m_class.size(); ++i)
        out << qint32(m_class[i]) << m_value[i];
}

bool CentroidIndex::read(QDataStream &in)
{
    qint32 classes = 0;
    quint64 rows = 0;
    quint64 entries = 0;
    in >> classes >> rows >> entries;
    if (in.status() != QDataStream::Ok || classes <= 0 || rows == 0 || rows > (quint64(1) << 28) ||
        entries > (quint64(1) << 31))
        return false;
    m_classes = classes;
    m_rowStart.resize(size_t(rows));
    for (std::int32_t &v : m_rowStart) {
        qint32 x = 0;
        in >> x;
        v = x;
    }
    m_class.resize(size_t(entries));
    m_value.resize(size_t(entries));
    for (size_t i = 0; i < entries; ++i) {
        qint32 c = 0;
        in >> c >> m_value[i];
        m_class[i] = c;
    }
    if (in.status() != QDataStream::Ok || m_rowStart.front() != 0 || quint64(m_rowStart.back()) != entries)
        return false;
    for (size_t i = 1; i < m_rowStart.size(); ++i) {
        if (m_rowStart[i] < m_rowStart[i - 1])
            return false;
    }
    return std::all_of(m_class.begin(), m_class.end(), [&](std::int32_t c) { return c >= 0 && c < classes; });
}

} // namespace tandem::server::intent
