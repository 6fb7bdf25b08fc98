#pragma once

#include "Enums.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace tandem {

struct Author
{
    AuthorKind kind = AuthorKind::Customer;
    std::optional<qint64> id; //!< user id for agents; empty for customers and the system
    QString name;
    bool operator==(const Author &) const = default;
};

//! One entry of a ticket's thread. The body is plain text, never markup.
struct Message
{
    qint64 id = 0;
    qint64 ticketId = 0;
    Author author;
    QString body;
    bool internal = false; //!< internal notes are never shown to the customer
    QDateTime createdAt;
    bool operator==(const Message &) const = default;
};

} // namespace tandem
