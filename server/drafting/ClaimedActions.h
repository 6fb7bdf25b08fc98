#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::server {

//! Statements that something was already done for the customer: the agent's own ("I've frozen
//! your account", "we have refunded", "le hemos enviado", "olemme palauttaneet") and passive ones
//! ("your refund has been processed", "Ihr Konto wurde gesperrt", "zamówienie zostało anulowane"),
//! in en, sv, de, es, fr, nl, fi, pl, it and pt. Conditions ("once we've confirmed") and "we've
//! received your message" are not claims. A past reply was written for another customer, so what
//! it says was done is not true for this one: strip() drops those sentences from its wording.
class ClaimedActions
{
public:
    struct Span
    {
        int start = 0;
        int length = 0; //!< from the subject to the end of its clause
    };
    struct Result
    {
        QString text;        //!< without the dropped sentences (or ";" clauses)
        QStringList removed; //!< what was dropped, as written
        QList<Span> kept;    //!< claims left in \a text because dropping them would break it
    };

    //! Claims in \a text. \a language ("sv") selects its patterns and English ones; "" or a
    //! language without patterns uses all of them.
    static QList<Span> find(const QString &text, const QString &language = {});

    //! \a text without its claims: each one's sentence is dropped, or only its ";" clause when the
    //! sentence has several. A claim stays (and is listed in Result::kept, to be flagged) when
    //! dropping it would break the text: the next sentence refers back to it ("It expires in 24
    //! hours", "In the meantime, ...") or nothing of substance would be left.
    static Result strip(const QString &text, const QString &language = {});

    //! The languages with patterns.
    static QStringList languages();
};

} // namespace tandem::server
