#pragma once

#include "TicketFacts.h"

#include "core/Draft.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::server {

//! Fills the slots of a reply template, `{order}` (our knowledge base) or `{{Order Number}}`
//! (imported corpora), from the ticket's facts and the company's own facts. A slot it cannot
//! fill becomes a visible gap such as "[order number]" plus a `missing_slot` flag on that span:
//! braces never reach a draft. Amount and date slots are filled by role (FactRoles): "your next
//! instalment is {amount}, due on {date}" takes only an amount and a date the customer gave as
//! due, never the one they paid last month; when no value or more than one fits, a gap.
class SlotFiller
{
public:
    //! A placeholder in a template and the role its words give it.
    struct Slot
    {
        QString label;                     //!< as written inside the braces
        QString canonical;                 //!< canonicalSlot(label), "" when unknown
        FactRole role = FactRole::Unknown; //!< amounts and dates only
        int start = 0;
        int length = 0;
    };

    struct Result
    {
        QString body;
        QList<DraftFlag> flags; //!< one missing_slot flag per gap, with its span in body
        QStringList filled;     //!< canonical slots that got a value
        QStringList missing;    //!< gap labels
    };

    //! \a companyFacts maps canonical keys ("company", "website", "website_url", "support_phone",
    //! "support_email", "support_hours") or lower-case placeholder labels to values.
    SlotFiller(TicketFacts facts, QHash<QString, QString> companyFacts)
        : m_facts(std::move(facts)), m_company(std::move(companyFacts))
    {}

    Result fill(const QString &templateText) const;

    //! "Order Number Anonymized" -> "order", "Website URL" -> "website_url"; "" when unknown.
    static QString canonicalSlot(const QString &label);
    //! What a gap says: "order number" for order, else the placeholder's own words.
    static QString gapLabel(const QString &label);
    //! True if \a text still contains something that looks like a template placeholder.
    static bool hasPlaceholder(const QString &text);
    //! The placeholders of \a templateText in order, with the roles fill() gives them.
    static QList<Slot> templateSlots(const QString &templateText);

private:
    //! The customer's amount or date for \a slot; "" with \a why set when none or several fit.
    QString roleValue(const Slot &slot, QString *why) const;

    TicketFacts m_facts;
    QHash<QString, QString> m_company;
};

} // namespace tandem::server
