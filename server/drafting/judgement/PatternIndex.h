#pragma once

#include <QtGlobal>

#include <vector>

namespace tandem::server::judgement {

class PrefilterText;

//! From the bits a text can set (PrefilterText: the hashed openings of its words, its hashed
//! character pairs) to the lexicon patterns whose anchors (PatternPrefilter::anchor) need them.
//! A text's own few hundred bits name the patterns it can reach, instead of a walk over the
//! anchors of every pattern of a signal on every call: a draft asks about 150 signal questions
//! of about ten texts, and the lexicon holds some 25,000 patterns.
//!
//! Patterns are numbered across the whole lexicon (SignalLexicon gives each signal a range).
//! The index is exact with respect to the anchor test: a pattern is a candidate when both halves
//! of one of its needs' anchors are in the text (the need itself is checked by the caller).
class PatternIndex
{
public:
    //! Pattern \a pattern (numbered from 0, in order) has these anchors (empty: it always runs).
    void add(quint32 pattern, const std::vector<quint64> &anchors);
    //! Call once every pattern is added.
    void finish();

    //! Bit i (word i / 64, bit i % 64) set when pattern i may match \a text. Computed on first
    //! use per text and index, then kept in the text.
    const std::vector<quint64> &candidates(const PrefilterText &text) const;

private:
    static quint32 key(quint32 half);

    quint32 m_count = 0;
    struct Posting
    {
        quint32 pattern;
        quint32 second; //!< the anchor's other half, checked before the pattern is marked
    };
    std::vector<std::pair<quint32, Posting>> m_pending; //!< by key, until finish()
    std::vector<quint32> m_start;                       //!< per key, where its postings begin
    std::vector<Posting> m_postings;
    std::vector<quint32> m_always;
};

} // namespace tandem::server::judgement
