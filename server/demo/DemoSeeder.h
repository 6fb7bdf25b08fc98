#pragma once

#include "core/User.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace tandem::server {

class Database;
class DemoContent;
class DraftEngine;

//! Fills an empty database with the demo company: queues, users (password "demo"), the
//! knowledge base and ~340 tickets over the last 14 days, answered the way agents would,
//! through the same TicketService the API uses (with a clock set to each moment in the past),
//! plus spot-check verdicts and presence for the lead's and supervisor's workspaces.
class DemoSeeder
{
public:
    DemoSeeder(Database &db, DraftEngine &engine, const DemoContent &content)
        : m_db(db), m_engine(engine), m_content(content)
    {}

    //! Seeds only when there are no users yet; returns false with \a error on failure.
    bool seedIfEmpty(const QDateTime &now, QString *error);
    //! True when seedIfEmpty() did seed (the engine is then already trained on the new knowledge).
    bool seeded() const { return m_seeded; }

    static constexpr int kTicketCount = 340;
    static constexpr int kHistoryDays = 14;

private:
    void seed(const QDateTime &now);
    //! Spot-check verdicts, SLA due soon and presence: what the lead and supervisor views show.
    void seedSupervision(const QDateTime &now, const QList<User> &agents, const User &supervisor);

    Database &m_db;
    DraftEngine &m_engine;
    const DemoContent &m_content;
    bool m_seeded = false;
};

} // namespace tandem::server
