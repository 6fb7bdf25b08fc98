#pragma once

#include <QString>
#include <QStringList>

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
    };
    //! Any one of these must be present; nullopt when the pattern's opening is not literal
    //! (a character class, an optional group): then the pattern always runs.
    static std::optional<QList<Need>> analyse(const QString &pattern);
};

//! A message prepared for prefiltering: its folded text and its words, sorted.
class PrefilterText
{
public:
    explicit PrefilterText(const QString &folded);
    bool mayContain(const QList<PatternPrefilter::Need> &needs) const;
    const QString &text() const { return m_text; }

private:
    QString m_text;
    std::vector<QString> m_words;
};

} // namespace tandem::server::judgement
