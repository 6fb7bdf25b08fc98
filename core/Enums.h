#pragma once

#include <QString>

#include <optional>

namespace tandem {

enum class TicketStatus
{
    New,
    Open,
    Pending,
    Solved
};
enum class Priority
{
    Low,
    Normal,
    High,
    Urgent
};
enum class AuthorKind
{
    Customer,
    Agent,
    Ai,
    System
};
//! Roles are ordered: every role can do what the ones before it can.
enum class Role
{
    Agent,
    Lead,
    Supervisor,
    Admin
};
//! How a sent reply relates to the AI draft it was based on.
enum class ReplyOutcome
{
    AsIs,
    Edited,
    Own
};

QString toString(TicketStatus value);
QString toString(Priority value);
QString toString(AuthorKind value);
QString toString(Role value);
QString toString(ReplyOutcome value);

std::optional<TicketStatus> ticketStatusFromString(QStringView text);
std::optional<Priority> priorityFromString(QStringView text);
std::optional<AuthorKind> authorKindFromString(QStringView text);
std::optional<Role> roleFromString(QStringView text);
std::optional<ReplyOutcome> replyOutcomeFromString(QStringView text);

//! True when \a role may do what \a required may do.
constexpr bool roleAtLeast(Role role, Role required)
{
    return static_cast<int>(role) >= static_cast<int>(required);
}

} // namespace tandem
