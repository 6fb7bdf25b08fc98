#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace tandem::app {

//! Translated words for the reason codes of core/ReasonCodes.h ("crisis" -> "Crisis",
//! "multi_issue" -> "Several requests"): one home for the inbox model's accessible text, the
//! reason chips and the crisis alert.
class ReasonText
{
    Q_DECLARE_TR_FUNCTIONS(tandem::app::ReasonText)

public:
    //! The chip word of \a code; an unknown code as core's English fallback.
    static QString label(QStringView code);
    //! The words of \a codes in their order, joined for a sentence ("Crisis, Fraud").
    static QString joined(const QStringList &codes);
};

} // namespace tandem::app
