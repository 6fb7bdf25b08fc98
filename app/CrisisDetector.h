#pragma once

#include "core/Enums.h"
#include "core/Ticket.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace tandem::app {

//! Says when a ticket becomes a crisis for the signed-in user, so the UI can alert them even when
//! the window is in the background (as BreachDetector does for SLA breaches): an unsolved ticket
//! arrives with the "crisis" reason code (core/ReasonCodes.h) or gains it, through the live stream
//! or a pull. Each ticket is announced once. The cache at start-up is the baseline: its crises
//! were news in an earlier session; so is the first complete pull into an empty cache (a first
//! sign-in loads the crises, pinned on top of the inbox, rather than announcing them). An agent is not
//! alerted for a crisis another agent owns (it becomes news if it comes to them or loses its owner); leads
//! and above hear every crisis.
class CrisisDetector : public QObject
{
    Q_OBJECT

public:
    explicit CrisisDetector(QObject *parent = nullptr);
    ~CrisisDetector() override;

    //! Whose alerts these are. Without it every crisis is announced.
    void setCurrentUser(qint64 userId, tandem::Role role);
    //! The tickets already known (the cache at start-up): none of them is news.
    void setBaseline(const QList<tandem::Ticket> &tickets);
    //! While \a learning, tracked crises join the baseline silently (the first pull of a new cache).
    void setLearning(bool learning) { m_learning = learning; }
    bool isLearning() const { return m_learning; }
    //! New values of tickets (SyncEngine::ticketsUpdated); emits crisisArrived() for the news.
    void trackTickets(const QList<tandem::Ticket> &tickets);
    //! True once \a ticketId was announced or was a crisis in the baseline.
    bool isKnown(qint64 ticketId) const { return m_known.contains(ticketId); }

Q_SIGNALS:
    //! \a tickets (one or more, in arrival order) just became crises for this user.
    void crisisArrived(const QList<tandem::Ticket> &tickets);

private:
    bool concernsUser(const tandem::Ticket &ticket) const;

    QSet<qint64> m_known; //!< crisis tickets already announced or in the baseline
    qint64 m_userId = 0;
    bool m_learning = false;
    tandem::Role m_role = tandem::Role::Admin;
};

//! True for an unsolved ticket with the "crisis" reason code.
bool isOpenCrisis(const tandem::Ticket &ticket);

} // namespace tandem::app
