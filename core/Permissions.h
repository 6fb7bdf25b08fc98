#pragma once

#include "core/Enums.h"

#include <QString>

namespace tandem {

//! What a user may do. The one place that says which role may do what: tandemd enforces it on
//! every route (docs/api/permissions.md mirrors it; tests/integration/tst_role_matrix.cpp checks
//! every route against it) and the desktop shows only what it allows (workspaces, taking over a
//! colleague's ticket).
enum class Permission
{
    ReadTickets,      //!< see tickets, threads, drafts, the knowledge base, users
    ActOnTickets,     //!< reply, discard drafts, change status/tags, assign to oneself
    Reassign,         //!< assign a ticket to someone else
    ChangePriority,   //!< change a ticket's priority
    ViewQueueStats,   //!< queue and agent statistics
    ViewAiAnalytics,  //!< AI-quality analytics, reviews, drafts' full provenance
    ChangeEscalation, //!< change escalation thresholds
    ViewAudit,        //!< read the audit log
    ManageUsers,      //!< users, queues and knowledge-base articles
};

//! The least role that holds \a permission (roles are ordered agent < lead < supervisor < admin).
constexpr Role minimumRole(Permission permission)
{
    switch (permission) {
    case Permission::ReadTickets:
    case Permission::ActOnTickets:
        return Role::Agent;
    case Permission::Reassign:
    case Permission::ChangePriority:
    case Permission::ViewQueueStats:
        return Role::Lead;
    case Permission::ViewAiAnalytics:
    case Permission::ChangeEscalation:
    case Permission::ViewAudit:
        return Role::Supervisor;
    case Permission::ManageUsers:
        return Role::Admin;
    }
    return Role::Admin;
}

constexpr bool allowed(Role role, Permission permission)
{
    return roleAtLeast(role, minimumRole(permission));
}

} // namespace tandem
