#pragma once

#include "core/Draft.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::server {

//! Marks what a person must check before a draft goes out, each on its exact span (UTF-16
//! offsets into the body): facts (amounts, dates, URLs, e-mail addresses, phone, order or account
//! numbers) found in neither the ticket nor the cited sources (`unsupported_fact`), amounts and
//! dates found only in the customer's message (`unverified_fact`: the customer said so, nobody
//! checked; always for a figure they say was approved or promised), promises that need approval
//! (refund, fee waiver, deadline, compensation) in the ten demo languages, statements that something was
//! already done (`claimed_action`, ClaimedActions), leftover placeholders, and a draft written in
//! another language than the customer's. Promises and claimed actions in sentences repeated
//! word for word from an approved source are the knowledge base's own and are not flagged.
class RiskFlagger
{
public:
    struct Input
    {
        QString body;
        QString customerText; //!< everything the customer wrote
        //! Cited knowledge-base text (article and reply template): supports any fact, and approves
        //! the promises and claimed actions of the sentences the body repeats from it.
        QStringList approvedSources;
        QStringList contactSources; //!< cited past replies: support only URLs, e-mails and phones
        QStringList companyFacts;   //!< the company's own details (phone, website, ...)
        QString expectedLanguage;   //!< the customer's; "" skips the language check
    };

    static QList<DraftFlag> flag(const Input &input);

    //! Promise spans alone: (category, start, length), category one of "refund", "fee waiver",
    //! "deadline", "compensation".
    struct Promise
    {
        QString category;
        int start = 0;
        int length = 0;
    };
    static QList<Promise> promises(const QString &text);
};

} // namespace tandem::server
