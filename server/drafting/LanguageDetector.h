#pragma once

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
    };

    //! \a hint (e.g. the customer's profile language) nudges cld2 on short texts.
    static Result detect(const QString &text, const QString &hint = {});

    //! The language to answer in: the detected one when cld2 is sure (or there is no hint),
    //! else the hint, else "en".
    static QString decide(const QString &text, const QString &hint);
};

} // namespace tandem::server
