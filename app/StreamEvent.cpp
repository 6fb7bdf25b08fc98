#include "StreamEvent.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"

using namespace Qt::StringLiterals;

namespace tandem::app {

namespace {

// The server never sends more than this in one message (a ticket is a few KiB at most).
constexpr qsizetype kMaxMessageBytes = 1 << 20;

std::optional<StreamEvent> failWith(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return std::nullopt;
}

std::optional<StreamEvent::Type> typeFromString(QStringView text)
{
    if (text == u"ticket.created")
        return StreamEvent::Type::TicketCreated;
    if (text == u"ticket.updated")
        return StreamEvent::Type::TicketUpdated;
    if (text == u"message.created")
        return StreamEvent::Type::MessageCreated;
    if (text == u"draft.updated")
        return StreamEvent::Type::DraftUpdated;
    if (text == u"presence")
        return StreamEvent::Type::Presence;
    if (text == u"resync_required")
        return StreamEvent::Type::ResyncRequired;
    if (text == u"pong")
        return StreamEvent::Type::Pong;
    return std::nullopt;
}

std::optional<Presence> presenceFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object, u"presence"_s);
    Presence p;
    p.userId = r.integer(u"user_id");
    p.name = r.string(u"name");
    p.state =
        r.enumValue(u"state", &presenceStateFromString, u"viewing, typing, left"_s, PresenceState::Left);
    p.ticketId = r.integer(u"ticket_id");
    p.expiresAt = r.optionalTime(u"expires_at").value_or(QDateTime());
    if (r.ok() && (p.userId <= 0 || p.ticketId <= 0))
        r.fail(u"user_id", u"user_id and ticket_id must be positive"_s);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return p;
}

} // namespace

QString toString(PresenceState state)
{
    switch (state) {
    case PresenceState::Viewing:
        return u"viewing"_s;
    case PresenceState::Typing:
        return u"typing"_s;
    case PresenceState::Left:
        return u"left"_s;
    }
    return u"left"_s;
}

std::optional<PresenceState> presenceStateFromString(QStringView text)
{
    if (text == u"viewing")
        return PresenceState::Viewing;
    if (text == u"typing")
        return PresenceState::Typing;
    if (text == u"left")
        return PresenceState::Left;
    return std::nullopt;
}

std::optional<StreamEvent> parseStreamEvent(const QByteArray &bytes, QString *error)
{
    if (bytes.size() > kMaxMessageBytes)
        return failWith(error, u"event larger than %1 bytes"_s.arg(kMaxMessageBytes));
    QString parseError;
    const auto object = json::parseObject(bytes, &parseError);
    if (!object)
        return failWith(error, parseError);

    JsonReader r(*object);
    StreamEvent event;
    const QString typeText = r.string(u"type");
    if (!r.ok())
        return failWith(error, r.error());
    event.type = typeFromString(typeText).value_or(StreamEvent::Type::Unknown);

    if (event.type == StreamEvent::Type::Pong)
        return event;
    if (event.type == StreamEvent::Type::Unknown) {
        // Forward compatible: a newer server's event is skipped, but its seq still counts.
        event.seq = r.optionalInteger(u"seq").value_or(0);
        if (!r.ok() || event.seq < 0)
            return failWith(error, r.ok() ? u"seq: must not be negative"_s : r.error());
        return event;
    }

    event.seq = r.integer(u"seq");
    if (!r.ok())
        return failWith(error, r.error());
    if (event.type == StreamEvent::Type::ResyncRequired) {
        if (event.seq < 0)
            return failWith(error, u"seq: must not be negative"_s);
        return event;
    }
    if (event.seq <= 0)
        return failWith(error, u"seq: must be positive"_s);

    event.ticketId = r.integer(u"ticket_id");
    event.at = r.optionalTime(u"at").value_or(QDateTime());
    if (!r.ok())
        return failWith(error, r.error());
    if (event.ticketId <= 0)
        return failWith(error, u"ticket_id: must be positive"_s);

    if (event.type == StreamEvent::Type::Presence) {
        const QJsonObject presence = r.object(u"presence");
        if (!r.ok())
            return failWith(error, r.error());
        QString presenceError;
        event.presence = presenceFromJson(presence, &presenceError);
        if (!event.presence)
            return failWith(error, presenceError);
        return event;
    }

    const QJsonObject ticket = r.object(u"ticket");
    if (!r.ok())
        return failWith(error, r.error());
    QString ticketError;
    event.ticket = json::ticketFromJson(ticket, &ticketError);
    if (!event.ticket)
        return failWith(error, u"ticket."_s + ticketError);
    if (event.ticket->id != event.ticketId)
        return failWith(error, u"ticket.id: differs from ticket_id"_s);
    if (event.type == StreamEvent::Type::MessageCreated) {
        event.messageId = r.optionalInteger(u"message_id");
        if (!r.ok())
            return failWith(error, r.error());
    }
    return event;
}

QByteArray encodePresenceMessage(qint64 ticketId, PresenceState state)
{
    return json::serialize(
        {{u"type"_s, u"presence"_s}, {u"ticket_id"_s, double(ticketId)}, {u"state"_s, toString(state)}});
}

QByteArray encodePingMessage()
{
    return json::serialize({{u"type"_s, u"ping"_s}});
}

} // namespace tandem::app
