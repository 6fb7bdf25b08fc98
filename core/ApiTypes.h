#pragma once

#include "Customer.h"
#include "Draft.h"
#include "Enums.h"
#include "Message.h"
#include "Ticket.h"
#include "User.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tandem {

//! The error envelope every failing API call returns: {"error":{"code","message"}}.
struct ApiError
{
    int status = 0;      //!< HTTP status; 0 when the request never got an answer
    QString code;        //!< snake_case, stable, for programs
    QString message;     //!< a sentence for people
    QJsonObject details; //!< other fields beside "error" in the body, e.g. current_version on 412
};

//! GET /tickets/{id}: the ticket with its thread and current draft.
struct TicketDetail
{
    Ticket ticket;
    QList<Message> messages;
    std::optional<Draft> draft;
};

//! GET /tickets: one page of the change feed.
struct TicketPage
{
    QList<Ticket> items;
    QString nextCursor;
    bool hasMore = false;
};

//! POST /auth/login answer.
struct LoginResult
{
    QString token;
    User user;
};

//! POST /tickets (channel intake, or an agent logging a phone call).
struct NewTicketRequest
{
    QString subject;
    Customer customer;
    QString body;
    QString queue;
};

//! POST /tickets/{id}/replies.
struct ReplyRequest
{
    QString body;
    std::optional<qint64> draftId;
    ReplyOutcome outcome = ReplyOutcome::Own;
    bool internal = false; //!< an internal note instead of a customer-visible reply
};

//! POST /tickets/{id}/replies answer.
struct ReplyResult
{
    Message message;
    qint64 ticketVersion = 0;
};

//! PATCH /tickets/{id}: only the fields that are set change.
struct TicketPatch
{
    std::optional<TicketStatus> status;
    std::optional<std::optional<qint64>> assigneeId; //!< set to nullopt-inside to unassign
    std::optional<Priority> priority;
    std::optional<QStringList> tags;
    bool isEmpty() const { return !status && !assigneeId && !priority && !tags; }
};

} // namespace tandem
