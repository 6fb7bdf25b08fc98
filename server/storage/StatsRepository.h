#pragma once

#include "core/Stats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace tandem::server {

class Database;

//! The figures of /stats/*, computed from the store at request time (never from counters that
//! could drift), so every tandemd instance on the same database answers the same.
class StatsRepository
{
public:
    explicit StatsRepository(Database &db) : m_db(db) {}

    //! Per queue: open, new in the last hour, oldest waiting, SLA due within 1 h / breached,
    //! needs-human, and arrivals vs solved per hour over the last 24 whole hours plus this one.
    QueueStatsReport queues(const QDateTime &now);
    //! Every user: presence, unsolved tickets assigned, public replies today (UTC), median
    //! handle time over the last 7 days.
    AgentStatsReport agents(const QDateTime &now);
    //! What humans did with the drafts of tickets created in [from, to), grouped by \a groupBy
    //! (intent, language, queue or agent), with totals and ten calibration bins.
    SuggestionStatsReport suggestions(const QDateTime &from, const QDateTime &to, const QString &groupBy);

    struct TicketSignals
    {
        qint64 ticketId = 0;
        QJsonObject signalsJson; //!< EscalationPolicy::Signals::toJson() of its latest draft
    };
    //! The stored escalation signals of tickets created at or after \a from, oldest ticket first.
    QList<TicketSignals> escalationSignalsSince(const QDateTime &from);

    //! The median of \a values (mean of the middle two for an even count); nullopt when empty.
    static std::optional<double> median(QList<double> values);
    //! The nearest-rank percentile \a p (0..1] of \a values; nullopt when empty.
    static std::optional<double> percentile(QList<double> values, double p);

private:
    Database &m_db;
};

} // namespace tandem::server
