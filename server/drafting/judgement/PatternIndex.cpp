#include "PatternIndex.h"

#include "PatternPrefilter.h"

#include <algorithm>

namespace tandem::server::judgement {
namespace {
// Keys: a word-opening bit as is, a pair bit after them.
constexpr quint32 kBits = 65536;
constexpr quint32 kKeys = 2 * kBits;
} // namespace

quint32 PatternIndex::key(quint32 half)
{
    return (half & PrefilterText::kPairAnchor) ? kBits + (half & 0xFFFFu) : (half & 0xFFFFu);
}

void PatternIndex::add(quint32 pattern, const std::vector<quint64> &anchors)
{
    m_count = std::max(m_count, pattern + 1);
    bool always = anchors.empty();
    for (const quint64 anchor : anchors) {
        // Keyed by the first half unless it asks nothing of the text; then by the second.
        quint32 first = quint32(anchor);
        quint32 second = quint32(anchor >> 32);
        if (first == PatternPrefilter::kAnyText)
            std::swap(first, second);
        if (first == PatternPrefilter::kAnyText) {
            always = true;
            break;
        }
        m_pending.push_back({key(first), Posting{pattern, second}});
    }
    if (always)
        m_always.push_back(pattern);
}

void PatternIndex::finish()
{
    std::stable_sort(m_pending.begin(), m_pending.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    m_start.assign(kKeys + 1, 0);
    for (const auto &[k, posting] : m_pending)
        ++m_start[k + 1];
    for (quint32 k = 0; k < kKeys; ++k)
        m_start[k + 1] += m_start[k];
    m_postings.reserve(m_pending.size());
    for (const auto &[k, posting] : m_pending)
        m_postings.push_back(posting);
    m_pending.clear();
    m_pending.shrink_to_fit();
}

const std::vector<quint64> &PatternIndex::candidates(const PrefilterText &text) const
{
    PrefilterText::PatternCache &cache = text.patternCache(this);
    if (cache.filled)
        return cache.candidates;
    cache.filled = true;
    cache.candidates.assign((m_count + 63) / 64, 0);
    cache.verdicts.assign(m_count, 0);
    const auto mark = [&cache](quint32 pattern) {
        cache.candidates[pattern / 64] |= quint64(1) << (pattern % 64);
    };
    std::for_each(m_always.cbegin(), m_always.cend(), mark);
    if (m_start.empty())
        return cache.candidates;
    const auto markKey = [&](quint32 k) {
        for (quint32 i = m_start[k]; i < m_start[k + 1]; ++i) {
            const Posting &p = m_postings[i];
            if (text.mayHave(quint64(p.second) << 32 | PatternPrefilter::kAnyText))
                mark(p.pattern);
        }
    };
    for (const quint16 bit : text.openingBits())
        markKey(bit);
    for (const quint16 bit : text.pairBits())
        markKey(kBits + bit);
    return cache.candidates;
}

} // namespace tandem::server::judgement
