#pragma once

#include <QString>

namespace tandem::server::judgement {

//! Folds text for language-independent phrase matching: lower case, diacritics removed
//! (NFKD minus combining marks, plus ß→ss, ł→l, ø→o, æ→ae, œ→oe, đ→d, ı→i), typographic quotes
//! made plain, whitespace runs made one space. Non-Latin scripts keep their letters.
QString fold(const QString &text);

} // namespace tandem::server::judgement
