#pragma once

#include "core/Enums.h"

#include <QString>

#include <optional>

namespace tandem::app {

//! Which tickets the inbox shows: one of the fixed views or one queue.
struct InboxView
{
    enum class Kind
    {
        Mine,
        Unassigned,
        NeedsHuman,
        All,
        Queue
    };
    Kind kind = Kind::All;
    QString queue; //!< queue id when kind == Queue

    static InboxView mine() { return {Kind::Mine, {}}; }
    static InboxView unassigned() { return {Kind::Unassigned, {}}; }
    static InboxView needsHuman() { return {Kind::NeedsHuman, {}}; }
    static InboxView all() { return {Kind::All, {}}; }
    static InboxView forQueue(const QString &queueId) { return {Kind::Queue, queueId}; }

    //! A stable key for settings: "mine", "unassigned", "needs_human", "all", "queue:<id>".
    QString key() const;
    static std::optional<InboxView> fromKey(const QString &key);
    //! The translated name shown in the views list.
    QString displayName() const;

    bool operator==(const InboxView &) const = default;
};

//! The translated display name of a queue id ("payments" -> "Payments & billing"); unknown ids as-is.
QString queueDisplayName(const QString &queueId);
//! Translated names of a ticket's status and priority, shared by the models and the widgets.
QString statusDisplayName(TicketStatus status);
QString priorityDisplayName(Priority priority);

} // namespace tandem::app
