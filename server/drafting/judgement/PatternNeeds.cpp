#include "PatternNeeds.h"

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

quint32 PatternNeeds::idOf(const PatternPrefilter::Need &need)
{
    const QString key = (need.wordStart ? u"\\b"_s : QString()) + need.literal;
    const auto it = m_ids.constFind(key);
    if (it != m_ids.cend())
        return *it;
    const auto id = quint32(m_needs.size());
    m_ids.insert(key, id);
    m_needs.push_back(need);
    m_needs.back().id = qint32(id);
    m_anchors.push_back(PatternPrefilter::anchor(need));
    return id;
}

std::vector<quint64> PatternNeeds::add(const std::optional<QList<PatternPrefilter::Need>> &opening,
                                       const std::optional<QList<PatternPrefilter::Branch>> &branches)
{
    std::vector<quint64> anchors;
    if (!opening) {
        m_openingAt.push_back(kAlways);
        m_openingEnd.push_back(kAlways);
    } else {
        m_openingAt.push_back(quint32(m_opening.size()));
        for (const PatternPrefilter::Need &n : *opening) {
            const quint32 id = idOf(n);
            m_opening.push_back(id);
            anchors.push_back(m_anchors[id]);
        }
        m_openingEnd.push_back(quint32(m_opening.size()));
    }
    if (!opening || !branches) {
        m_branchesAt.push_back(kNoBranches);
        return anchors;
    }
    m_branchesAt.push_back(quint32(m_code.size()));
    m_code.push_back(quint32(branches->size()));
    for (const PatternPrefilter::Branch &branch : *branches) {
        m_code.push_back(quint32(branch.size()));
        for (const PatternPrefilter::Clause &clause : branch) {
            m_code.push_back(quint32(clause.size()));
            for (const PatternPrefilter::Need &n : clause)
                m_code.push_back(idOf(n));
        }
    }
    return anchors;
}

bool PatternNeeds::mayMatch(quint32 pattern, const PrefilterText &text) const
{
    const quint32 from = m_openingAt[pattern];
    if (from == kAlways)
        return true;
    const quint32 to = m_openingEnd[pattern];
    bool opens = false;
    for (quint32 a = from; a < to && !opens; ++a)
        opens = mayHold(m_opening[a], text);
    if (!opens)
        return false;
    quint32 at = m_branchesAt[pattern];
    if (at == kNoBranches)
        return true;
    // Some branch each of whose clauses has a need that may be there.
    const quint32 branches = m_code[at++];
    for (quint32 b = 0; b < branches; ++b) {
        const quint32 clauses = m_code[at++];
        bool all = true;
        for (quint32 c = 0; c < clauses; ++c) {
            const quint32 needs = m_code[at++];
            bool any = false;
            for (quint32 n = 0; n < needs; ++n, ++at) {
                if (all && !any)
                    any = mayHold(m_code[at], text);
            }
            all = all && any;
        }
        if (all)
            return true;
    }
    return false;
}

} // namespace tandem::server::judgement
