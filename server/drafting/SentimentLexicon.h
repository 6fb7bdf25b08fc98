#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace tandem::server {

//! The word lists the sentiment analyser scores with, one per demo language (en, sv, de, es, fr, nl,
//! fi, pl, it, pt).
//! Written for customer support: complaints, thanks, urgency. Valences run from -4 to +4.
struct SentimentLexicon
{
    QHash<QString, double> words;           //!< exact lower-case word -> valence
    QList<QPair<QString, double>> prefixes; //!< word stem -> valence ("frustrat" for frustrated, ...)
    QHash<QString, double> phrases;         //!< space-joined tokens ("doesn't work") -> valence
    QHash<QString, double> boosters;        //!< intensifier (+) or diminisher (-) -> scale change
    QSet<QString> negators;                 //!< words that flip the valence of what follows
    QSet<QString> contrast;                 //!< "but": what follows counts more than what precedes
    int longestPhrase = 1;                  //!< in tokens

    //! The lexicon for \a language ("en", "sv", "de", "es", "fr", "nl", "fi", "pl", "it",
    //! "pt"); English for any other.
    static const SentimentLexicon &forLanguage(const QString &language);
    //! Languages with their own lexicon.
    static QList<QString> languages();
};

} // namespace tandem::server
