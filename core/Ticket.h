#pragma once

#include "Customer.h"
#include "Enums.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace tandem {

//! A customer case as the API exposes it (without its thread and draft).
struct Ticket
{
    qint64 id = 0;
    QString subject;
    TicketStatus status = TicketStatus::New;
    Priority priority = Priority::Normal;
    QString queue;
    Customer customer;
    std::optional<qint64> assigneeId;
    QStringList tags;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime slaDueAt;
    qint64 version = 1; //!< bumped on every change; sent as the ETag
    QString intent;
    QString sentiment;
    QString language;
    bool needsHuman = false;
    QString needsHumanReason;
    //! Why it needs a person, as codes of core/ReasonCodes.h, most serious first.
    QStringList needsHumanCodes;
    std::optional<double> draftConfidence; //!< confidence of the current AI draft, if there is one
    bool operator==(const Ticket &) const = default;
};

} // namespace tandem
