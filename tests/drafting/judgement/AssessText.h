#pragma once

#include "server/drafting/judgement/CaseAssessor.h"

#include <QDateTime>

namespace tandem::test {

//! The judgement on \a text alone, as a routine in-scope message would reach it (a confident
//! reading of an ordinary intent): only the wording can raise a code.
inline server::judgement::CaseAssessment assessText(const QString &text,
                                                    const QString &language = QStringLiteral("en"))
{
    server::judgement::CaseInput in;
    in.customerText = text;
    in.language = language;
    in.intent = QStringLiteral("payment_due_date");
    in.confidence = 0.8;
    in.now = QDateTime::currentDateTimeUtc();
    return server::judgement::CaseAssessor().assess(in);
}

} // namespace tandem::test
