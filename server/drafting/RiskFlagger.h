#pragma once

#include "core/Draft.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::server {

//! Marks what a person must check before a draft goes out, each on its exact span (UTF-16
//! offsets into the body): facts (amounts, dates, URLs, e-mail addresses, phone, order or account
//! numbers) found in neither the ticket nor the cited sources, promises that need approval
//! (refund, fee waiver, deadline, compensation) in en/sv/de/es/fr, leftover placeholders, and a
//! draft written in another language than the customer's.
class RiskFlagger
{
public:
    struct Input
    {
        QString body;
        QString customerText;        //!< everything the customer wrote
        QStringList approvedSources; //!< cited knowledge-base text: supports any fact or promise
        QStringList contactSources;  //!< cited past replies: support only URLs, e-mails and phones
        QStringList companyFacts;    //!< the company's own details (phone, website, ...)
        QString expectedLanguage;    //!< the customer's; "" skips the language check
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
