#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace tandem::server {

//! Which language a text is written in, via Google's Compact Language Detector 2 (cld2).
class LanguageDetector
{
public:
    struct Result
    {
        QString language;      //!< ISO 639-1 code such as "sv"; "" when cld2 cannot tell
        bool reliable = false; //!< cld2's own reliability verdict
        int percent = 0;       //!< share of the text in that language
        //! Up to three languages cld2 saw, with their share of the text (percent), largest first.
        QList<QPair<QString, int>> mix;
    };

    //! \a hint (e.g. the customer's profile language) nudges cld2 on short texts.
    static Result detect(const QString &text, const QString &hint = {});

    //! The language to answer in: the language the text alone is reliably written in when the
    //! hint made cld2 read it as the hint's (a Portuguese sentence from a Spanish profile); the
    //! customer's own (the hint, e.g. their profile language) when it is a good part of a code-switched text
    //! (≥ kHintShare percent); else the detected one when cld2 is sure (or there is no hint), unless the text
    //! is short and the detected language is a close neighbour of the hint (areNeighbours) or a short
    //! "English" text has no English grammar word (kLoanWordsMaxChars); a Latin-letter text cld2 calls
    //! English or cannot read is looked up in RomanisedLanguages; else the hint; else "en".
    static QString decide(const QString &text, const QString &hint);
    //! ISO 639-1 as the rest of the product writes it: cld2 and profiles keep some withdrawn codes
    //! (iw, ji, jw), Norwegian Bokmål as "nb" or "nn", and tag script variants (zh-Hant).
    static QString canonicalCode(const QString &code);

    //! Whether \a a and \b b are close neighbours cld2 confuses on short text (sv/da/no, cs/sk,
    //! hr/sr/bs/sl, id/ms, es/gl/ca, pt/gl, ru/uk/be, nl/af).
    static bool areNeighbours(const QString &a, const QString &b);

    static constexpr int kHintShare = 20;
    //! The text read without the hint outvotes it (decide()) only from this length and share, and
    //! only when the text has no letter the hint's language writes and the other does not.
    static constexpr qsizetype kPlainOverHintMinChars = 40;
    static constexpr int kPlainOverHintPercent = 80;
    //! Up to this length a neighbour of the customer's language reads as their own.
    static constexpr qsizetype kNeighbourMaxChars = 400;
    //! Up to this length a text cld2 calls English without one English grammar word ("come
    //! cambio la password") is in the customer's language, its loan words notwithstanding.
    static constexpr qsizetype kLoanWordsMaxChars = 80;
};

} // namespace tandem::server
