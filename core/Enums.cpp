#include "Enums.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace tandem {
namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, QStringView>, N> &table, E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return name.toString();
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, QStringView>, N> &table, QStringView text)
{
    for (const auto &[e, name] : table) {
        if (name == text)
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<TicketStatus, QStringView>, 4> kStatus{{
    {TicketStatus::New, u"new"},
    {TicketStatus::Open, u"open"},
    {TicketStatus::Pending, u"pending"},
    {TicketStatus::Solved, u"solved"},
}};
constexpr std::array<std::pair<Priority, QStringView>, 4> kPriority{{
    {Priority::Low, u"low"},
    {Priority::Normal, u"normal"},
    {Priority::High, u"high"},
    {Priority::Urgent, u"urgent"},
}};
constexpr std::array<std::pair<AuthorKind, QStringView>, 4> kAuthor{{
    {AuthorKind::Customer, u"customer"},
    {AuthorKind::Agent, u"agent"},
    {AuthorKind::Ai, u"ai"},
    {AuthorKind::System, u"system"},
}};
constexpr std::array<std::pair<Role, QStringView>, 4> kRole{{
    {Role::Agent, u"agent"},
    {Role::Lead, u"lead"},
    {Role::Supervisor, u"supervisor"},
    {Role::Admin, u"admin"},
}};
constexpr std::array<std::pair<ReplyOutcome, QStringView>, 3> kOutcome{{
    {ReplyOutcome::AsIs, u"as_is"},
    {ReplyOutcome::Edited, u"edited"},
    {ReplyOutcome::Own, u"own"},
}};

} // namespace

QString toString(TicketStatus value)
{
    return nameOf(kStatus, value);
}
QString toString(Priority value)
{
    return nameOf(kPriority, value);
}
QString toString(AuthorKind value)
{
    return nameOf(kAuthor, value);
}
QString toString(Role value)
{
    return nameOf(kRole, value);
}
QString toString(ReplyOutcome value)
{
    return nameOf(kOutcome, value);
}

std::optional<TicketStatus> ticketStatusFromString(QStringView text)
{
    return valueOf(kStatus, text);
}
std::optional<Priority> priorityFromString(QStringView text)
{
    return valueOf(kPriority, text);
}
std::optional<AuthorKind> authorKindFromString(QStringView text)
{
    return valueOf(kAuthor, text);
}
std::optional<Role> roleFromString(QStringView text)
{
    return valueOf(kRole, text);
}
std::optional<ReplyOutcome> replyOutcomeFromString(QStringView text)
{
    return valueOf(kOutcome, text);
}

} // namespace tandem
