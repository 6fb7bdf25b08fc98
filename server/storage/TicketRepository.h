#pragma once

#include "core/Draft.h"
#include "core/Message.h"
#include "core/Ticket.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace tandem::server {

class Database;

//! Tickets, their threads and drafts, and the change feed (events table) that orders every change.
class TicketRepository
{
public:
    explicit TicketRepository(Database &db) : m_db(db) {}

    //! Inserts \a ticket (id ignored) with change_seq 0; call recordChange() in the same transaction.
    qint64 insertTicket(const Ticket &ticket);
    std::optional<Ticket> ticket(qint64 id);
    //! Writes the mutable fields (status, priority, assignee, tags, AI fields, SLA).
    void updateTicket(const Ticket &ticket);
    //! The customer's other tickets created since \a since, at most \a limit of the newest, oldest
    //! first (the history the judgement reads for repeat contact).
    QList<Ticket> customerTickets(const QString &email, qint64 excludeId, const QDateTime &since, int limit);
    //! When the ticket was solved (an invalid time clears it: the ticket was reopened).
    void setSolvedAt(qint64 ticketId, const QDateTime &at);
    //! Appends an event, moves the ticket to the end of the change feed and, if asked, bumps its
    //! version. Returns the ticket's version after the change.
    qint64 recordChange(qint64 ticketId, const QString &type, const QDateTime &at, bool bumpVersion,
                        const QJsonObject &payload = {});
    //! The change feed: tickets whose last change is after \a afterSeq, oldest change first.
    //! \a lastSeq receives the change_seq of the last returned ticket.
    QList<Ticket> changedAfter(qint64 afterSeq, int limit, qint64 *lastSeq, bool *hasMore);
    qint64 ticketCount();

    qint64 insertMessage(const Message &message, std::optional<qint64> draftId = std::nullopt,
                         const QString &outcome = {}, std::optional<int> editDistance = std::nullopt);
    QList<Message> messages(qint64 ticketId);
    //! The threads of several tickets in one query, by ticket id, each oldest first (a
    //! customer's history is read this way, not with a query per ticket).
    QHash<qint64, QList<Message>> messagesOf(const QList<qint64> &ticketIds);

    //! Inserts a draft as the ticket's active one; earlier active drafts become superseded.
    qint64 insertDraft(const Draft &draft);
    //! Keeps what the ticket's latest escalation decision was made from (table draft_signals),
    //! so a proposed policy can be previewed against it (PolicyRoutes).
    void saveEscalationSignals(qint64 ticketId, const QJsonObject &signalsJson);
    std::optional<Draft> activeDraft(qint64 ticketId);
    std::optional<Draft> draft(qint64 id);
    //! Records what a human did with a draft: state "sent" or "discarded", outcome as_is/edited/own.
    void decideDraft(qint64 draftId, const QString &state, const QString &outcome, qint64 userId,
                     const QDateTime &at);

private:
    Database &m_db;
};

} // namespace tandem::server
