#pragma once

#include <QString>

namespace tandem::server {

//! Lexicon-based sentiment for customer messages in en/sv/de/es/fr/nl/fi/pl/it/pt, in the spirit of
//! VADER: word valences, intensifiers and diminishers ("very", "väldigt", "sehr", "muy", "très"),
//! negation within the next few words ("not happy", "inte nöjd", "n'est pas bon"), "but"
//! shifting weight to the clause after it, emphasis by exclamation marks and CAPITALS.
class SentimentAnalyzer
{
public:
    struct Result
    {
        QString label;    //!< "negative", "neutral" or "positive"
        double score = 0; //!< -1 (very negative) .. +1 (very positive)
    };

    static Result analyze(const QString &text, const QString &language);

    static constexpr double kPositiveAt = 0.2;
    static constexpr double kNegativeAt = -0.2;
};

} // namespace tandem::server
