#pragma once

#include <QString>
#include <QStringList>

#include <algorithm>
#include <bitset>
#include <optional>
#include <vector>

namespace tandem::server::judgement {

//! What text must contain for a lexicon pattern to have a chance: the literal openings of its
//! alternatives ("\b(?:end|take) my life|\bno way out" needs a word starting "end", "take" or
//! "no way out" somewhere). Checking that against the message's sorted words costs a few binary
//! searches, so the regular expression only runs on the few messages that could match: a
//! thousand patterns cost tens of microseconds, not tens of milliseconds.
class PatternPrefilter
{
public:
    struct Need
    {
        QString literal;
        bool wordStart = false; //!< the literal opens a word (the pattern has \b before it)
        // Filled by analyse() so that a check does no per-message arithmetic on the literal: its
        // first three characters as one key (0 when one is not a word character) and the keys of
        // its adjacent character pairs.
        quint64 opening = 0;
        std::vector<quint32> pairs;
        //! The opening keys of the words the literal starts after one of its own non-word
        //! characters (" my life": "my", "lif"): each opens a word of any text that holds it.
        std::vector<quint64> inner;
        //! The same literal with the same word-start rule has one id across a lexicon
        //! (PatternNeeds numbers them): a message answers for it once, however many patterns
        //! share it. -1 when not numbered.
        qint32 id = -1;
    };
    //! Any one of these must be present; nullopt when the pattern's opening is not literal
    //! (a character class, an optional group): then the pattern always runs.
    static std::optional<QList<Need>> analyse(const QString &pattern);
    //! One of these needs must be in the text (the literals of one element of a pattern).
    using Clause = QList<Need>;
    //! What the whole of one top-level alternative needs: every element of it that must match
    //! and proves something ("\\b(?:end|take) my life" needs "end" or "take", and "my life").
    using Branch = QList<Clause>;
    //! Every top-level alternative's clauses; a text can match only where, for one branch, each
    //! clause has a need in the text. nullopt when a branch proves nothing (it always runs).
    //! The opening of analyse() is a weaker form of the first clauses: checked first, by its
    //! anchor bits; these reject the many texts that hold a pattern's first word only.
    static std::optional<QList<Branch>> analyseBranches(const QString &pattern);
    //! Two bits a text must both have set for \a need to have a chance (its word opening and its
    //! last character pair, or its middle and last pairs; kAnyText for a half it lacks). Checked
    //! first, from one contiguous array per signal (SignalLexicon): most patterns are passed over
    //! without touching their needs, whose literals live all over the heap.
    static quint64 anchor(const Need &need);
    static constexpr quint32 kAnyText = 0xFFFFFFFFu;
};

//! A message prepared for prefiltering: its folded text, its words sorted, and two bit sets that
//! reject most literals with one or two bit tests (the hashed first three characters of every
//! word; every hashed pair of adjacent characters of the text), before a binary search or a
//! substring search confirms. The bit sets fit in the first-level cache: the thousands of
//! literals a message is checked against cost a few microseconds.
class PrefilterText
{
public:
    explicit PrefilterText(const QString &folded);
    //! False when \a need, number \a id of \a count (PatternNeeds), cannot be in the text: its
    //! \a anchor bits first, then a word or a substring search. The answer is kept per id for the
    //! text's lifetime.
    bool mayHold(quint32 id, quint64 anchor, const PatternPrefilter::Need &need, quint32 count) const
    {
        if (id >= m_known.size())
            m_known.resize(std::max(id + 1, count), 0);
        quint8 &known = m_known[id];
        if (known == 0)
            known = mayHave(anchor) && (need.wordStart ? mayStartWord(need) : mayOccur(need)) ? 2 : 1;
        return known == 2;
    }
    //! False when the need of \a anchor (PatternPrefilter::anchor) cannot be in the text.
    bool mayHave(quint64 anchor) const
    {
        return mayHaveBit(quint32(anchor)) && mayHaveBit(quint32(anchor >> 32));
    }
    static constexpr quint32 kPairAnchor = 0x10000000u;
    const QString &text() const { return m_text; }
    //! The bits of the text, once each: its words' openings, its character pairs (PatternIndex).
    const std::vector<quint16> &openingBits() const { return m_openingBits; }
    const std::vector<quint16> &pairBits() const { return m_pairBits; }

    //! What one PatternIndex found for this text (kept for the text's lifetime).
    struct PatternCache
    {
        const void *index = nullptr;
        bool filled = false;
        std::vector<quint64> candidates;
        //! Per pattern: 0 not asked yet, 1 cannot match, 2 may match (its needs checked).
        std::vector<quint8> verdicts;
    };
    //! The cache for \a index, emptied when another index asks (and with it the answers per need
    //! id, which are numbered per lexicon).
    PatternCache &patternCache(const void *index) const
    {
        if (m_patternCache.index != index) {
            m_patternCache = PatternCache{index, false, {}, {}};
            m_known.clear();
        }
        return m_patternCache;
    }

private:
    bool mayHaveBit(quint32 anchor) const
    {
        if (anchor == PatternPrefilter::kAnyText)
            return true;
        return (anchor & kPairAnchor) ? m_pairs.test(anchor & 0xFFFFu)
                                      : m_wordOpenings.test(anchor & 0xFFFFu);
    }
    bool mayStartWord(const PatternPrefilter::Need &need) const;
    bool mayOccur(const PatternPrefilter::Need &need) const;

    QString m_text;
    //! Per need id: 0 not asked yet, 1 absent, 2 may be there. Grown on first use.
    mutable std::vector<quint8> m_known;
    std::vector<QString> m_words;
    std::bitset<65536> m_wordOpenings; //!< hashed 1, 2 and 3 first characters of each word
    std::bitset<65536> m_pairs;        //!< hashed adjacent characters of the text
    std::vector<quint16> m_openingBits;
    std::vector<quint16> m_pairBits;
    mutable PatternCache m_patternCache;
};

} // namespace tandem::server::judgement
