// LeadWorkspace, part two: acting on tickets. Reassignment (menus and drops on an agent) and
// priority changes go through the session's TicketActions (PATCH with If-Match); the replies
// come back through the handlers in LeadWorkspace.cpp.
#include "LeadWorkspace.h"

#include "Icons.h"

#include "app/AgentStatsModel.h"
#include "app/CsvExport.h"
#include "app/InboxView.h"
#include "app/LocalStore.h"
#include "app/Session.h"
#include "app/TicketActions.h"

#include <QDate>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::AgentStatsModel;

namespace {
constexpr int kMaxSubjectChars = 40;
}

void LeadWorkspace::fillReassignMenu(QMenu *menu)
{
    menu->clear();
    std::optional<qint64> assignee;
    if (m_session && m_session->store()) {
        if (const auto ticket = m_session->store()->ticket(m_ticketId))
            assignee = ticket->assigneeId;
    }
    for (int row = 0; row < m_agentSort->rowCount(); ++row) {
        const QModelIndex index = m_agentSort->index(row, AgentStatsModel::NameColumn);
        const qint64 userId = index.data(AgentStatsModel::UserIdRole).toLongLong();
        const QString presence =
            AgentStatsModel::presenceText(index.data(AgentStatsModel::PresenceRole).toString());
        QAction *action = menu->addAction(tr("%1 (%2)").arg(index.data().toString(), presence));
        action->setData(userId);
        if (assignee == userId) {
            action->setEnabled(false);
            action->setText(tr("%1 (assigned now)").arg(index.data().toString()));
        }
        connect(action, &QAction::triggered, this, [this, userId] {
            if (m_ticketId > 0)
                reassign({m_ticketId}, userId);
        });
    }
    if (menu->isEmpty())
        menu->addAction(tr("No agents yet"))->setEnabled(false);
}

void LeadWorkspace::fillPriorityMenu(QMenu *menu)
{
    menu->clear();
    std::optional<Priority> current;
    if (m_session && m_session->store()) {
        if (const auto ticket = m_session->store()->ticket(m_ticketId))
            current = ticket->priority;
    }
    for (Priority priority : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent}) {
        QAction *action = menu->addAction(app::priorityDisplayName(priority));
        action->setCheckable(true);
        action->setChecked(current == priority);
        action->setData(int(priority));
        connect(action, &QAction::triggered, this, [this, priority] {
            if (m_ticketId > 0)
                changePriority(m_ticketId, priority);
        });
    }
}

void LeadWorkspace::showAgentMenu(const QPoint &pos)
{
    const QModelIndex index = m_agentTable->indexAt(pos);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (index.isValid()) {
        const qint64 userId = index.siblingAtColumn(0).data(AgentStatsModel::UserIdRole).toLongLong();
        const QString name = index.siblingAtColumn(AgentStatsModel::NameColumn).data().toString();
        QAction *assign = menu->addAction(
            Icons::get(u"assign"), m_ticketId > 0 ? tr("Assign %1 to %2").arg(ticketLabel(m_ticketId), name)
                                                  : tr("Assign the selected ticket to %1").arg(name));
        assign->setEnabled(m_ticketId > 0);
        connect(assign, &QAction::triggered, this, [this, userId] {
            if (m_ticketId > 0)
                reassign({m_ticketId}, userId);
        });
        menu->addSeparator();
    }
    menu->addAction(tr("Export CSV…"), this, [this] {
        exportCsv(m_agentSort, tr("agents-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    });
    menu->popup(m_agentTable->viewport()->mapToGlobal(pos));
}

void LeadWorkspace::reassign(const QList<qint64> &ticketIds, qint64 userId)
{
    if (!m_session || ticketIds.isEmpty() || userId <= 0)
        return;
    const QString name = agentName(userId);
    for (qint64 ticketId : ticketIds) {
        if (ticketId <= 0 || m_pending.contains(ticketId))
            continue;
        // Recorded first: TicketActions may fail at once (a ticket not in the cache).
        m_pending.insert(ticketId, tr("%1 is now assigned to %2").arg(ticketLabel(ticketId), name));
        TicketPatch patch;
        patch.assigneeId = std::optional<qint64>(userId);
        m_session->actions()->patch(ticketId, patch);
    }
}

void LeadWorkspace::changePriority(qint64 ticketId, Priority priority)
{
    if (!m_session || ticketId <= 0 || m_pending.contains(ticketId))
        return;
    m_pending.insert(
        ticketId,
        tr("%1 is now %2 priority").arg(ticketLabel(ticketId), app::priorityDisplayName(priority).toLower()));
    TicketPatch patch;
    patch.priority = priority;
    m_session->actions()->patch(ticketId, patch);
}

QString LeadWorkspace::ticketLabel(qint64 ticketId) const
{
    if (m_session && m_session->store()) {
        if (const auto ticket = m_session->store()->ticket(ticketId)) {
            QString subject = ticket->subject.simplified();
            if (subject.size() > kMaxSubjectChars)
                subject = subject.left(kMaxSubjectChars - 1) + u'…';
            if (!subject.isEmpty())
                return tr("#%1 “%2”").arg(ticketId).arg(subject);
        }
    }
    return tr("#%1").arg(ticketId);
}

QString LeadWorkspace::agentName(qint64 userId) const
{
    if (const AgentStats *agent = m_agents->agentAt(m_agents->rowOfUser(userId)))
        return agent->name.isEmpty() ? agent->email : agent->name;
    return tr("user #%1").arg(userId);
}

} // namespace tandem::ui
