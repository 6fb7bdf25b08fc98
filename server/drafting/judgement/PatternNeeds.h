#pragma once

#include "PatternPrefilter.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace tandem::server::judgement {

//! What each lexicon pattern needs of a text before its regular expression is worth running
//! (PatternPrefilter::analyse and analyseBranches), kept as numbers in flat arrays: checking a
//! pattern reads a few adjacent integers instead of walking the lists of lists the analysis
//! returns, whose strings live all over the heap. Each distinct need (a literal and its
//! word-start rule) is stored once with its anchor bits, so that a text answers for it once
//! (PrefilterText::mayHold). Patterns are numbered across the lexicon in the order they are
//! added, as in PatternIndex.
class PatternNeeds
{
public:
    //! Adds the next pattern with its opening needs (nullopt: it always runs) and the clauses of
    //! its branches (nullopt: none checked). Returns the anchors of its opening needs, for
    //! PatternIndex (empty when it always runs).
    std::vector<quint64> add(const std::optional<QList<PatternPrefilter::Need>> &opening,
                             const std::optional<QList<PatternPrefilter::Branch>> &branches);
    //! False when pattern \a pattern cannot match \a text: none of its opening needs may be
    //! there, or every branch has a clause none of whose needs may be there.
    bool mayMatch(quint32 pattern, const PrefilterText &text) const;
    quint32 patternCount() const { return quint32(m_openingAt.size()); }
    quint32 needCount() const { return quint32(m_needs.size()); }

private:
    quint32 idOf(const PatternPrefilter::Need &need);
    bool mayHold(quint32 id, const PrefilterText &text) const
    {
        return text.mayHold(id, m_anchors[id], m_needs[id], quint32(m_needs.size()));
    }

    static constexpr quint32 kAlways = 0xFFFFFFFFu;
    static constexpr quint32 kNoBranches = 0xFFFFFFFFu;
    QHash<QString, quint32> m_ids;               //!< "\b" + literal, or the literal, to its id
    std::vector<PatternPrefilter::Need> m_needs; //!< by id
    std::vector<quint64> m_anchors;              //!< by id (PatternPrefilter::anchor)
    //! Per pattern: where its opening needs' ids start and end in m_opening (kAlways: it always
    //! runs).
    std::vector<quint32> m_openingAt;
    std::vector<quint32> m_openingEnd;
    std::vector<quint32> m_opening;
    //! Per pattern: where its branches start in m_code (kNoBranches: none), coded as the number
    //! of branches, then per branch its number of clauses, then per clause its number of needs
    //! and their ids.
    std::vector<quint32> m_branchesAt;
    std::vector<quint32> m_code;
};

} // namespace tandem::server::judgement
