#include "CrisisDetector.h"

#include "core/Permissions.h"
#include "core/ReasonCodes.h"

namespace tandem::app {

bool isOpenCrisis(const Ticket &ticket)
{
    return ticket.status != TicketStatus::Solved && ticket.needsHumanCodes.contains(reason::kCrisis);
}

CrisisDetector::CrisisDetector(QObject *parent) : QObject(parent) {}

CrisisDetector::~CrisisDetector() = default;

void CrisisDetector::setCurrentUser(qint64 userId, Role role)
{
    m_userId = userId;
    m_role = role;
}

void CrisisDetector::setBaseline(const QList<Ticket> &tickets)
{
    for (const Ticket &ticket : tickets) {
        if (isOpenCrisis(ticket))
            m_known.insert(ticket.id);
    }
}

bool CrisisDetector::concernsUser(const Ticket &ticket) const
{
    // Whoever may hand tickets to others hears of every crisis; the rest, of their own and unowned.
    if (m_userId == 0 || allowed(m_role, Permission::Reassign))
        return true;
    return !ticket.assigneeId || *ticket.assigneeId == m_userId;
}

void CrisisDetector::trackTickets(const QList<Ticket> &tickets)
{
    QList<Ticket> news;
    for (const Ticket &ticket : tickets) {
        // Not marked known when it is not news for this user yet: it may become so later
        // (reopened, unassigned, handed to them) and must be announced then.
        if (!isOpenCrisis(ticket) || m_known.contains(ticket.id) || !concernsUser(ticket))
            continue;
        m_known.insert(ticket.id);
        if (!m_learning)
            news.append(ticket);
    }
    if (!news.isEmpty())
        Q_EMIT crisisArrived(news);
}

} // namespace tandem::app
