#pragma once

#include "Figurative.h"

#include <QString>
#include <QStringView>

#include <functional>

namespace tandem::server::judgement {

class PrefilterText;
class SignalLexicon;

//! Spans read on first use (the settled past, a hypothetical question...).
using LazyTextSpans = std::function<const TextSpans &()>;

//! The first phrase of \a signal in \a prepared that is the writer's own matter: not inside a span
//! of context_reported (their work or their fiction: "ik werk bij de politie" is a job, not a
//! threat of the police) and not overlapping a span \a explaining gives (read only when some hit is
//! there: the settled past, planned care). Empty when every hit is explained.
//! \a subjectEnd: where the subject at the start of \a prepared ends (0: no subject there). A
//! subject's phrase names the matter the body speaks of: it is explained too when the body has
//! phrases of \a signal and every one of them is ("question carte volée" over "si un jour on me
//! vole ma carte, comment ça se passe ?").
QString ownPhrase(const SignalLexicon &lexicon, QStringView signal, const PrefilterText &prepared,
                  const LazyTextSpans &explaining, qsizetype subjectEnd = 0);

} // namespace tandem::server::judgement
