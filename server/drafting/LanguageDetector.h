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

    //! The language to answer in: the customer's own (the hint, e.g. their profile language)
    //! when it is a good part of a code-switched text (≥ kHintShare percent); else the detected
    //! one when cld2 is sure (or there is no hint); else the hint; else "en".
    static QString decide(const QString &text, const QString &hint);

    static constexpr int kHintShare = 20;
};

} // namespace tandem::server
