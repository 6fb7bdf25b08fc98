#pragma once

#include "core/ApiTypes.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace tandem::app {

//! Where a queued reply stands. Stored as text in the outbox table.
enum class OutboxState
{
    Queued,   //!< waiting to be sent (or to be retried after a network failure / 5xx)
    Sending,  //!< a request is (or was, before a crash) on the wire; resent with the same key
    Conflict, //!< 412: the ticket changed since the agent wrote; the agent decides
    Failed,   //!< rejected by the server (4xx); error holds the server's message
};

QString toString(OutboxState state);
std::optional<OutboxState> outboxStateFromString(QStringView text);

//! One reply waiting in the outbox. Written to disk before the request leaves.
struct OutboxItem
{
    qint64 id = 0;
    qint64 ticketId = 0;
    QString idempotencyKey; //!< a QUuid made when queued; kept across retries and restarts
    ReplyRequest request;
    qint64 baseVersion = 0; //!< the ticket version the agent saw; sent as If-Match
    OutboxState state = OutboxState::Queued;
    QString error; //!< the last failure, for people
    QDateTime createdAt;
    int attempts = 0;
};

} // namespace tandem::app
