#pragma once

#include "EscalationPolicy.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

//! What the grounded engine knows about the company it writes for.
struct GroundedEngineOptions
{
    //! Canonical keys "company", "website", "website_url", "support_phone", "support_email",
    //! "support_hours", or lower-case placeholder labels ("live chat"), to values.
    QHash<QString, QString> companyFacts;
    QStringList merchants; //!< merchant names the slot filler recognises in customer text
    EscalationPolicy policy = EscalationPolicy::builtIn();
    //! Signposting for people at risk, by language ("default" for any other): the lines a crisis
    //! reply shows (emergency number, crisis line). Company configuration: never invented.
    QHash<QString, QString> crisisContacts;
    //! intent -> family (its queue): two requests of one family are one matter, not several.
    QHash<QString, QString> intentFamilies;
    //! Intent-model coverage whose abstention threshold applies: the model abstains (low_confidence)
    //! on the least sure tenth of in-domain messages. 0.8 escalated one routine ticket in five, which
    //! buries the hard cases; the judgement catches those by what they say, not by model doubt.
    double coverage = 0.9;

    //! Reads a company file like resources/demo/company.json: "name", "support_hours",
    //! "website", "support_phone", "support_email", "merchants" and "crisis_contacts" (an object
    //! of language -> text, "default" for the rest; all optional).
    static std::optional<GroundedEngineOptions> fromCompanyFile(const QString &path, QString *error);
};

} // namespace tandem::server
