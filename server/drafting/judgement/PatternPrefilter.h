#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <unordered_set>
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
    };
    //! Any one of these must be present; nullopt when the pattern's opening is not literal
    //! (a character class, an optional group): then the pattern always runs.
    static std::optional<QList<Need>> analyse(const QString &pattern);
};

//! A message prepared for prefiltering: its folded text, its words sorted, and two hash sets that
//! reject most literals in one lookup (the first three characters of every word; every pair of
//! adjacent characters of the text), before a binary search or a substring search confirms.
class PrefilterText
{
public:
    explicit PrefilterText(const QString &folded);
    bool mayContain(const QList<PatternPrefilter::Need> &needs) const;
    const QString &text() const { return m_text; }

private:
    bool mayStartWord(const QString &literal) const;
    bool mayOccur(const QString &literal) const;

    QString m_text;
    std::vector<QString> m_words;
    std::unordered_set<quint64> m_wordOpenings; //!< 1, 2 and 3 first characters of each word
    std::unordered_set<quint32> m_pairs;        //!< adjacent characters of the text
};

} // namespace tandem::server::judgement
