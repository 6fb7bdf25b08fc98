#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

//! Languages typed in Latin letters that cld2 reads as English or does not know: romanised Hindi
//! and Urdu ("bill dekh ke meri jaan nikal gayi"), Arabizi, Taglish, Yoruba, Hausa, Igbo, Zulu,
//! Xhosa, Somali. Each has a list of everyday words that are not English words
//! (romanised-words.json, built in as :/drafting/romanised-words.json); a text is in one of
//! them when enough distinct words of its list make up enough of the text.
class RomanisedLanguages
{
public:
    static const RomanisedLanguages &builtIn();
    static std::optional<RomanisedLanguages> fromJson(const QByteArray &json, QString *error);

    //! The language \a text is typed in, or "" when it is none of these (or mostly another
    //! script). \a hint is the customer's profile language: it lowers the bar for its own
    //! language and names the answer when it shares the words ("ur" for Roman Urdu).
    QString guess(const QString &text, const QString &hint = {}) const;
    QStringList languages() const;

    //! Without a matching hint: at least this many distinct words of one list, making up at
    //! least this share of the words of the text.
    static constexpr int kMinDistinct = 3;
    static constexpr double kMinShare = 0.2;
    //! With the customer's profile language among the candidates.
    static constexpr int kHintMinDistinct = 2;
    static constexpr double kHintMinShare = 0.1;
    //! Above this share of non-Latin letters the text is in another script (cld2's business).
    static constexpr double kMaxOtherScript = 0.2;

private:
    struct Language
    {
        QString code;
        QStringList asHint;
        QSet<QString> words;
    };
    QList<Language> m_languages;
};

} // namespace tandem::server
