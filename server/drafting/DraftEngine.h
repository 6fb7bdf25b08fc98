#pragma once

#include "core/Draft.h"
#include "core/Message.h"
#include "core/Ticket.h"

#include <QList>
#include <QString>

namespace tandem::server {

//! What a drafting engine is asked: the ticket and its thread so far.
struct DraftRequest
{
    Ticket ticket;
    QList<Message> messages;
    QString tone; //!< "", "empathetic", "concise" or "formal"
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
};

//! The seam between the routes and whatever drafts replies. Engines are pure functions of their
//! input and their loaded knowledge; they never write to the database themselves.
class DraftEngine
{
public:
    virtual ~DraftEngine() = default;
    virtual QString name() const = 0;
    virtual DraftResult draft(const DraftRequest &request) = 0;
    //! Called after the knowledge it draws on changed (e.g. new articles).
    virtual void reload() {}
};

} // namespace tandem::server
