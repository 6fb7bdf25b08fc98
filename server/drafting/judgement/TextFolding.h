#pragma once

#include <QList>
#include <QString>

namespace tandem::server::judgement {

//! Folds text for language-independent phrase matching: lower case, diacritics removed
//! (NFKD minus combining marks, plus ß→ss, ł→l, ø→o, æ→ae, œ→oe, đ→d, ı→i), typographic quotes
//! made plain, whitespace runs made one space. Non-Latin scripts keep their letters.
//! With \a origins, also where each folded character came from: origins[k] is the index in
//! \a text of the character that folded character k was made from (a space standing for a run
//! of whitespace is placed at the character after the run).
QString fold(const QString &text, QList<qsizetype> *origins = nullptr);

} // namespace tandem::server::judgement
