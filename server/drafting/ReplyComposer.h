#pragma once

#include "GroundedEngineOptions.h"
#include "TemplateChooser.h"
#include "TicketFacts.h"

#include "core/Draft.h"
#include "server/drafting/judgement/CaseAssessor.h"
#include "server/drafting/judgement/ReplyTexts.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

//! A draft's wording before it is checked: the filled body, the language the wording is in,
//! what it cites, and the sources the risk checks weigh it against.
struct ComposedReply
{
    QString body;
    QString language;
    QList<Citation> citations;
    QList<DraftFlag> flags; //!< the gaps slot filling left (`missing_slot`)
    //! Reviewed wording the draft may repeat: the judgement's own reply, articles, acknowledgements.
    QStringList approvedSources;
    QStringList contactSources; //!< past replies a human wrote for someone else
};

//! Writes the reply text of a grounded draft: the judgement's own reply (crisis, unserved
//! language, clarifying question, vulnerable customer), the chosen template with the claims of a
//! past reply stripped, one part per further request the knowledge covers, an acknowledgement of
//! a repeat contact, the requested tone, the company's crisis signposting, and the ticket's facts
//! in the slots.
class ReplyComposer
{
public:
    struct Request
    {
        std::optional<judgement::ReplyTexts::Kind> own; //!< the judgement's reply; else the choice
        TemplateChooser::Choice choice;
        QList<GroundingSource> evidence; //!< cited beside the choice
        QString intent;                  //!< what the choice answers
        QString language;                //!< the customer's
        QString tone;
        TicketFacts facts;
        // What the further requests of a multi-request message are chosen among: per intent,
        // the hits of one search of the message (TemplateChooser::candidatesFor).
        QHash<QString, QList<GroundingSource>> candidates;
        QSet<QString> customerWords;
    };

    ReplyComposer(const GroundedEngineOptions &options, const TemplateChooser &chooser)
        : m_options(options), m_chooser(chooser)
    {}

    ComposedReply compose(const Request &request, const judgement::CaseAssessment &judged) const;

    //! A reply of the judgement's own (holding, crisis, clarifying question ...) in \a language,
    //! or English when that language has none; *written says which language it is in.
    QString judgementReply(judgement::ReplyTexts::Kind kind, const QString &language, QString *written) const;

private:
    //! The chosen template with one part for each further request the knowledge answers in the
    //! same language, after an acknowledgement of the several requests.
    QString withOtherRequests(const QString &templateText, const QString &templateLanguage,
                              const Request &request, const judgement::CaseAssessment &judged,
                              QList<Citation> *citations, QStringList *approvedExtra) const;

    const GroundedEngineOptions &m_options;
    const TemplateChooser &m_chooser;
};

} // namespace tandem::server
