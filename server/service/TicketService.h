#pragma once

#include "core/ApiTypes.h"
#include "server/http/HttpTypes.h"

#include <QDateTime>

#include <optional>
#include <variant>

namespace tandem::server {

class Clock;
class Database;
class DraftEngine;

//! The ticket use cases: intake with drafting, replies (idempotent, conditional), patches,
//! discarding drafts and the change feed. Every write is one transaction and one feed entry.
class TicketService
{
public:
    template <typename T> using Result = std::variant<T, ApiError>;

    TicketService(Database &db, DraftEngine &engine, const Clock &clock)
        : m_db(db), m_engine(engine), m_clock(clock)
    {}

    //! Creates a ticket with its first customer message and an AI draft. \a at defaults to now.
    Result<Ticket> create(const NewTicketRequest &request, std::optional<QDateTime> at = std::nullopt);
    std::optional<TicketDetail> detail(qint64 id);
    //! A further customer message arriving through the channel; the draft is redone for it.
    Result<Message> addCustomerMessage(qint64 ticketId, const QString &body);
    //! The change feed page after \a cursor (opaque; empty = from the beginning).
    Result<TicketPage> changes(const QString &cursor, int limit);

    struct ReplyCall
    {
        qint64 ticketId = 0;
        ReplyRequest request;
        QString idempotencyKey;
        QByteArray requestHash;        //!< identifies "the same body" for the key
        std::optional<qint64> ifMatch; //!< expected ticket version
    };
    //! Idempotency first: a known key replays its first response (or 422 if the body differs),
    //! then the If-Match check (412), then the reply is stored with the response to replay.
    HttpResponse reply(const ReplyCall &call, const User &author);

    Result<Ticket> patch(qint64 id, const TicketPatch &patch, qint64 ifMatch, const User &by);
    std::optional<ApiError> discardDraft(qint64 ticketId, const User &by);
    //! A fresh draft in another tone ("empathetic", "concise" or "formal").
    Result<Draft> regenerateDraft(qint64 ticketId, const QString &tone, const User &by);

    static QString encodeCursor(qint64 seq);
    static std::optional<qint64> decodeCursor(const QString &cursor);

private:
    //! Runs the engine over the ticket's thread and stores the draft and triage fields.
    void redraft(Ticket &ticket, const QDateTime &at, const QString &tone = {});
    //! Whether a person changed the ticket's priority (the audit log's ticket.patch entries).
    bool personSetPriority(qint64 ticketId);

    Database &m_db;
    DraftEngine &m_engine;
    const Clock &m_clock;
};

} // namespace tandem::server
