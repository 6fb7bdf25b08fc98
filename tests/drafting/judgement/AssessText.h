#pragma once

#include "server/drafting/judgement/CaseAssessor.h"

#include <QDateTime>

namespace tandem::test {

//! \a text alone as the judgement's input, in \a language, dated now.
inline server::judgement::CaseInput textInput(const QString &text, const QString &language)
{
    server::judgement::CaseInput in;
    in.customerText = text;
    in.language = language;
    in.now = QDateTime::currentDateTimeUtc();
    return in;
}

//! The judgement on \a text alone, as a routine in-scope message would reach it (a confident
//! reading of an ordinary intent): only the wording can raise a code.
inline server::judgement::CaseAssessment assessText(const QString &text,
                                                    const QString &language = QStringLiteral("en"))
{
    server::judgement::CaseInput in = textInput(text, language);
    in.intent = QStringLiteral("payment_due_date");
    in.confidence = 0.8;
    return server::judgement::CaseAssessor().assess(in);
}

//! The judgement on \a text in a language the desk does not serve (no intent reading at all).
inline server::judgement::CaseAssessment assessUnserved(const QString &text, const QString &language)
{
    server::judgement::CaseInput in = textInput(text, language);
    in.languageServed = false;
    return server::judgement::CaseAssessor().assess(in);
}

} // namespace tandem::test
