#pragma once

#include "core/Ticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace tandem::app {

//! What another agent is doing on a ticket, as the event stream reports it.
enum class PresenceState
{
    Viewing,
    Typing,
    Left,
};

QString toString(PresenceState state);
std::optional<PresenceState> presenceStateFromString(QStringView text);

//! The "presence" part of a presence event.
struct Presence
{
    qint64 userId = 0;
    QString name;
    PresenceState state = PresenceState::Viewing;
    qint64 ticketId = 0;
    QDateTime expiresAt; //!< server time; invalid when the server sent none
};

//! One message of GET /api/v1/events, decoded. Messages of a type this build does not know
//! decode as Unknown (with their seq, so the client still advances past them).
struct StreamEvent
{
    enum class Type
    {
        TicketCreated,
        TicketUpdated,
        MessageCreated,
        DraftUpdated,
        Presence,
        ResyncRequired, //!< the server cannot replay from our seq: pull the delta cursor instead
        Pong,           //!< the answer to our {"type":"ping"}
        Unknown,
    };

    Type type = Type::Unknown;
    qint64 seq = 0; //!< 0 for pong (and unknown types without one)
    qint64 ticketId = 0;
    QDateTime at;
    std::optional<Ticket> ticket;     //!< ticket/message/draft events carry the whole ticket
    std::optional<qint64> messageId;  //!< message.created
    std::optional<Presence> presence; //!< presence

    //! True for the events that change a ticket (and carry it).
    bool changesTicket() const
    {
        return type == Type::TicketCreated || type == Type::TicketUpdated || type == Type::MessageCreated ||
               type == Type::DraftUpdated;
    }
    //! True when the ticket's thread or draft changed, not only its fields.
    bool changesThread() const { return type == Type::MessageCreated || type == Type::DraftUpdated; }
};

//! Decodes one text message of the event stream. A pure function (no state, no I/O): nullopt
//! with \a error set for anything malformed (not JSON, wrong types, a data event without a
//! ticket, seq <= 0 ...). Never throws, never crashes: this is a fuzz target.
std::optional<StreamEvent> parseStreamEvent(const QByteArray &bytes, QString *error);

//! The client's messages: {"type":"presence","ticket_id":N,"state":"..."} and {"type":"ping"}.
QByteArray encodePresenceMessage(qint64 ticketId, PresenceState state);
QByteArray encodePingMessage();

} // namespace tandem::app
