#pragma once

#include "core/Draft.h"
#include "core/Message.h"
#include "core/Ticket.h"
#include "server/drafting/judgement/CaseAssessor.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tandem::server {

//! What a drafting engine is asked: the ticket and its thread so far.
struct DraftRequest
{
    Ticket ticket;
    QList<Message> messages;
    QString tone; //!< "", "empathetic", "concise" or "formal"
    //! The same customer's earlier tickets inside the repeat-contact window, oldest first.
    QList<judgement::PriorContact> history;
};

//! What it answers: the draft plus the triage it did on the way.
struct DraftResult
{
    Draft draft; //!< id, ticketId and createdAt are filled in by the caller
    QString intent;
    QString sentiment;
    double sentimentScore = 0.0; //!< -1 (very negative) .. +1 (very positive)
    QString language;
    bool needsHuman = false;
    QString needsHumanReason;
    QStringList needsHumanCodes; //!< core/ReasonCodes.h, most serious first
    //! The priority the ticket should have at least (crisis: urgent); Normal when nothing fired.
    Priority priority = Priority::Normal;
    //! The customer's newest message took back what raised the priority before ("sorry for the
    //! tone, it was only a reservation"): the ticket may fall back to \c priority, unless a
    //! person set it or it is urgent (TicketService).
    bool priorityMayFall = false;
    //! What the escalation decision was made from (EscalationPolicy::Signals::toJson()), kept by
    //! the caller with the ticket so a changed policy can be previewed; empty when not decided.
    QJsonObject escalationSignals;
};

//! What a person did with a draft, or a reply they wrote without one: what engines learn from.
struct DraftOutcome
{
    Ticket ticket;
    QList<Message> thread;      //!< the conversation so far
    std::optional<Draft> draft; //!< the draft concerned; empty for a reply written from scratch
    QString sentBody;           //!< what was sent; empty when the draft was discarded
    QString outcome;            //!< "as_is", "edited", "own" or "discarded"
};

//! The seam between the routes and whatever drafts replies. draft() is a pure function of its
//! input and the engine's loaded knowledge and never writes to the database; only
//! recordOutcome() may record, inside the caller's transaction, what people did with drafts.
class DraftEngine
{
public:
    virtual ~DraftEngine() = default;
    virtual QString name() const = 0;
    virtual DraftResult draft(const DraftRequest &request) = 0;
    //! Called after the knowledge it draws on changed (e.g. new articles).
    virtual void reload() {}
    //! Called after a reply was sent (not internal notes) or a draft discarded.
    virtual void recordOutcome(const DraftOutcome &outcome) { Q_UNUSED(outcome) }
};

} // namespace tandem::server
