#pragma once

#include <QString>
#include <QStringList>

namespace tandem::server {

//! Rewrites the opening and closing of a reply in one of three tones, in each demo language:
//! "empathetic" (acknowledges the trouble first, warmer sign-off), "concise" (drops pleasantries
//! and "any other questions" lines) and "formal" (formal greeting and sign-off, no contractions).
//! Works on templates before slot filling, so the facts in the middle are never touched.
class ToneStyler
{
public:
    static QStringList tones();
    static bool isKnown(const QString &tone);
    //! \a tone "" returns \a text unchanged; an unknown tone too.
    static QString apply(const QString &text, const QString &tone, const QString &language);
};

} // namespace tandem::server
