#pragma once

#include "core/Stats.h"
#include "core/Ticket.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace tandem::app {

//! Says when SLAs break, so the UI can alert the lead, in two ways:
//! - per ticket: it watches the SLA deadline of every unsolved ticket it is given
//!   (trackTickets(), e.g. from SyncEngine::ticketsUpdated) and emits ticketBreached() the
//!   moment one passes;
//! - per queue: from successive queue reports it emits breachesRose() when a queue's breached
//!   count rose by more than the ticket alerts already explained (tickets it was not given, other
//!   clocks).
//! Nothing that had breached before it started watching is news: the first report and the first
//! sight of a ticket are the baseline.
class BreachDetector : public QObject
{
    Q_OBJECT

public:
    explicit BreachDetector(QObject *parent = nullptr);
    ~BreachDetector() override;

    //! Compares \a report with the previous one; emits breachesRose() per queue that got worse.
    void setQueueReport(const tandem::QueueStatsReport &report);
    //! Starts or keeps watching the unsolved ones of \a tickets (new deadlines replace old ones);
    //! solved ones are forgotten.
    void trackTickets(const QList<tandem::Ticket> &tickets);
    //! Forgets the queue baseline (the next report is a first one again).
    void reset();
    //! Tickets whose deadline is being watched.
    int watchedTickets() const { return int(m_tickets.size()); }

Q_SIGNALS:
    //! \a queueId's breached count rose from \a previous to \a current.
    void breachesRose(const QString &queueId, const QString &queueName, int previous, int current);
    //! \a ticketId's SLA deadline just passed while it was unsolved.
    void ticketBreached(qint64 ticketId, const QString &subject, const QString &queueId);

private:
    struct Watched
    {
        qint64 dueMs = 0;
        QString subject;
        QString queue;
    };
    void fireDue();
    void scheduleNext();
    void announce(qint64 ticketId, const Watched &ticket);

    QHash<QString, int> m_breached;   //!< by queue id, from the last report
    QHash<QString, int> m_explained;  //!< by queue id: ticket alerts not yet seen in a report
    QHash<qint64, Watched> m_tickets; //!< unsolved, deadline still ahead
    QTimer m_timer;
    bool m_hasBaseline = false;
};

} // namespace tandem::app
