#pragma once

#include "ReplyComposer.h"

#include "core/Draft.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::server {

//! The flags a composed draft gets besides its slot gaps: RiskFlagger's (facts, promises,
//! claimed actions, placeholders, a draft that reads as another language), a draft that could not
//! be written in the customer's language, and every figure of a manipulative message the draft
//! repeats.
class DraftFlagger
{
public:
    struct Input
    {
        QString customerText;      //!< everything the customer wrote
        QString customerLanguage;  //!< the language the draft should be in
        bool manipulative = false; //!< the judgement found the message steering the reply
        QStringList companyFacts;  //!< the company's own details (support facts, not evidence)
    };

    static QList<DraftFlag> flag(const ComposedReply &reply, const Input &input);
};

} // namespace tandem::server
