#include "BreachDetector.h"

#include <QDateTime>

#include <algorithm>

namespace tandem::app {
namespace {
// Wake up at least this often even when the next deadline is far: timers drift over suspend.
constexpr qint64 kMaxSleepMs = 60LL * 60 * 1000;
} // namespace

BreachDetector::BreachDetector(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &BreachDetector::fireDue);
}

BreachDetector::~BreachDetector() = default;

void BreachDetector::setQueueReport(const QueueStatsReport &report)
{
    QHash<QString, int> now;
    for (const QueueStats &queue : report.queues)
        now.insert(queue.queue, queue.breached);
    const QHash<QString, int> before = std::exchange(m_breached, now);
    const bool first = !std::exchange(m_hasBaseline, true);
    if (first) {
        m_explained.clear();
        return;
    }
    for (const QueueStats &queue : report.queues) {
        // A queue that appears with breaches is news too (its previous count was 0).
        const int previous = before.value(queue.queue, 0);
        const int rise = queue.breached - previous;
        const int explained = m_explained.value(queue.queue, 0);
        // Ticket alerts this report reflects are used up; the rest wait for the next report.
        m_explained.insert(queue.queue, std::max(0, explained - std::max(rise, 0)));
        if (rise > explained)
            Q_EMIT breachesRose(queue.queue, queue.name.isEmpty() ? queue.queue : queue.name, previous,
                                queue.breached);
    }
}

void BreachDetector::trackTickets(const QList<Ticket> &tickets)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Ticket &ticket : tickets) {
        if (ticket.status == TicketStatus::Solved || !ticket.slaDueAt.isValid()) {
            m_tickets.remove(ticket.id);
            continue;
        }
        const qint64 due = ticket.slaDueAt.toMSecsSinceEpoch();
        if (due > now) {
            m_tickets.insert(ticket.id, {due, ticket.subject, ticket.queue});
            continue;
        }
        // Already past: news only when we were watching it count down (its deadline moved).
        const auto it = m_tickets.constFind(ticket.id);
        if (it != m_tickets.cend()) {
            Watched watched = *it;
            watched.subject = ticket.subject;
            watched.queue = ticket.queue;
            m_tickets.erase(it);
            announce(ticket.id, watched);
        }
    }
    scheduleNext();
}

void BreachDetector::reset()
{
    m_breached.clear();
    m_explained.clear();
    m_hasBaseline = false;
}

void BreachDetector::fireDue()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<std::pair<qint64, qint64>> due; // deadline, ticket id
    for (auto it = m_tickets.cbegin(); it != m_tickets.cend(); ++it) {
        if (it->dueMs <= now)
            due.append({it->dueMs, it.key()});
    }
    std::sort(due.begin(), due.end());
    for (const auto &[dueMs, ticketId] : std::as_const(due)) {
        Q_UNUSED(dueMs)
        const Watched watched = m_tickets.take(ticketId);
        announce(ticketId, watched);
    }
    scheduleNext();
}

void BreachDetector::scheduleNext()
{
    if (m_tickets.isEmpty()) {
        m_timer.stop();
        return;
    }
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Watched &watched : std::as_const(m_tickets))
        next = std::min(next, watched.dueMs);
    const qint64 wait = std::clamp<qint64>(next - QDateTime::currentMSecsSinceEpoch() + 1, 0, kMaxSleepMs);
    m_timer.start(int(wait));
}

void BreachDetector::announce(qint64 ticketId, const Watched &ticket)
{
    m_explained[ticket.queue] += 1;
    Q_EMIT ticketBreached(ticketId, ticket.subject, ticket.queue);
}

} // namespace tandem::app
