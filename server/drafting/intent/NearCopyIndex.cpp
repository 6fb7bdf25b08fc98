#include "server/drafting/intent/NearCopyIndex.h"

#include "server/drafting/intent/TextFeaturizer.h"

#include <algorithm>
#include <cmath>

namespace tandem::server::intent {

namespace {

double squaredIdf(const TextFeaturizer &featurizer, std::int32_t f)
{
    return double(featurizer.idf(f)) * featurizer.idf(f);
}

//! Sorted unique known features of a message and the squared norm of their idf-weighted set.
std::vector<std::int32_t> knownWords(const std::vector<std::int32_t> &words, const TextFeaturizer &featurizer,
                                     double *weight)
{
    std::vector<std::int32_t> known;
    for (const std::int32_t f : words) {
        if (f >= 0 && f < featurizer.dimension())
            known.push_back(f);
    }
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    double sum = 0;
    for (const std::int32_t f : known)
        sum += squaredIdf(featurizer, f);
    *weight = sum;
    return known;
}

} // namespace

NearCopyIndex NearCopyIndex::build(const std::vector<Entry> &entries, const TextFeaturizer &featurizer,
                                   double similarity)
{
    NearCopyIndex index;
    index.m_similarity = similarity;
    index.m_wordStart.push_back(0);
    for (const Entry &e : entries) {
        double weight = 0;
        const std::vector<std::int32_t> known = knownWords(e.words, featurizer, &weight);
        index.m_words.insert(index.m_words.end(), known.begin(), known.end());
        index.m_wordStart.push_back(std::int32_t(index.m_words.size()));
        index.m_norm.push_back(float(std::sqrt(weight)));
        index.m_confidence.push_back(float(e.confidence));
        index.m_predicted.push_back(e.predicted);
    }
    index.index(featurizer.dimension());
    return index;
}

void NearCopyIndex::index(int dimension)
{
    m_postingStart.assign(size_t(std::max(0, dimension)) + 1, 0);
    for (const std::int32_t f : m_words)
        ++m_postingStart[size_t(f) + 1];
    for (size_t f = 1; f < m_postingStart.size(); ++f)
        m_postingStart[f] += m_postingStart[f - 1];
    m_postings.assign(m_words.size(), 0);
    std::vector<std::int32_t> fill(m_postingStart.begin(), m_postingStart.end() - 1);
    for (size_t m = 0; m + 1 < m_wordStart.size(); ++m) {
        for (std::int32_t k = m_wordStart[m]; k < m_wordStart[m + 1]; ++k)
            m_postings[size_t(fill[size_t(m_words[size_t(k)])]++)] = std::int32_t(m);
    }
}

std::optional<NearCopyIndex::Match> NearCopyIndex::find(const std::vector<std::int32_t> &words, int predicted,
                                                        const TextFeaturizer &featurizer) const
{
    double weight = 0;
    const std::vector<std::int32_t> known = knownWords(words, featurizer, &weight);
    if (known.empty() || weight <= 0 || m_confidence.empty() || m_similarity > 1.0 ||
        m_postingStart.size() != size_t(featurizer.dimension()) + 1)
        return std::nullopt;
    const double norm = std::sqrt(weight);
    // Prefix filter: a message with cosine >= s shares words worth at least s² of this one's
    // weight (its own norm is at least that of the shared words), so it shares one of the rarest
    // words, up to where the words left weigh less than s². Only their postings are read, and
    // those are short.
    std::vector<std::int32_t> rarest = known;
    std::sort(rarest.begin(), rarest.end(),
              [&](std::int32_t a, std::int32_t b) { return featurizer.idf(a) > featurizer.idf(b); });
    const double needed = m_similarity * m_similarity * weight;
    double left = weight;
    thread_local std::vector<char> seen;
    thread_local std::vector<std::int32_t> candidates;
    if (seen.size() < m_confidence.size())
        seen.resize(m_confidence.size(), 0);
    candidates.clear();
    for (const std::int32_t f : rarest) {
        if (left < needed)
            break;
        left -= squaredIdf(featurizer, f);
        for (std::int32_t k = m_postingStart[size_t(f)]; k < m_postingStart[size_t(f) + 1]; ++k) {
            const std::int32_t m = m_postings[size_t(k)];
            if (!seen[size_t(m)]) {
                seen[size_t(m)] = 1;
                candidates.push_back(m);
            }
        }
    }
    std::optional<Match> best;
    for (const std::int32_t m : candidates) {
        seen[size_t(m)] = 0; // ready for the next query on this thread
        // Both word lists are sorted: merge them.
        double dot = 0;
        auto a = known.begin();
        const std::int32_t *b = m_words.data() + m_wordStart[size_t(m)];
        const std::int32_t *end = m_words.data() + m_wordStart[size_t(m) + 1];
        while (a != known.end() && b != end) {
            if (*a < *b) {
                ++a;
            } else if (*b < *a) {
                ++b;
            } else {
                dot += squaredIdf(featurizer, *a);
                ++a;
                ++b;
            }
        }
        const double similarity = dot / (norm * std::max(1e-12, double(m_norm[size_t(m)])));
        if (similarity >= m_similarity && (!best || similarity > best->similarity)) {
            // Held out, the folds chose another class with that confidence: this one gets at most
            // what they left over.
            const double c = m_confidence[size_t(m)];
            best = Match{similarity, m_predicted[size_t(m)] == predicted ? c : 1.0 - c, weight};
        }
    }
    return best;
}

void NearCopyIndex::write(QDataStream &out) const
{
    out.setFloatingPointPrecision(QDataStream::DoublePrecision);
    out << m_similarity;
    out.setFloatingPointPrecision(QDataStream::SinglePrecision);
    out << quint32(m_confidence.size()) << quint32(m_words.size());
    for (size_t m = 0; m < m_confidence.size(); ++m)
        out << qint32(m_wordStart[m + 1]) << m_norm[m] << m_confidence[m] << qint32(m_predicted[m]);
    for (const std::int32_t f : m_words)
        out << qint32(f);
}

bool NearCopyIndex::read(QDataStream &in, int dimension)
{
    in.setFloatingPointPrecision(QDataStream::DoublePrecision);
    in >> m_similarity;
    in.setFloatingPointPrecision(QDataStream::SinglePrecision);
    quint32 messages = 0;
    quint32 words = 0;
    in >> messages >> words;
    if (in.status() != QDataStream::Ok || messages > (1u << 24) || words > (1u << 28))
        return false;
    m_wordStart.assign(1, 0);
    m_norm.resize(messages);
    m_confidence.resize(messages);
    m_predicted.resize(messages);
    for (quint32 m = 0; m < messages; ++m) {
        qint32 end = 0;
        qint32 predicted = 0;
        in >> end >> m_norm[m] >> m_confidence[m] >> predicted;
        if (end < m_wordStart.back() || quint32(end) > words)
            return false;
        m_wordStart.push_back(end);
        m_predicted[m] = predicted;
    }
    m_words.resize(words);
    for (std::int32_t &f : m_words) {
        qint32 value = 0;
        in >> value;
        f = value;
    }
    if (in.status() != QDataStream::Ok || quint32(m_wordStart.back()) != words ||
        !std::all_of(m_words.begin(), m_words.end(), [&](std::int32_t f) { return f >= 0 && f < dimension; }))
        return false;
    index(dimension);
    return true;
}

} // namespace tandem::server::intent
