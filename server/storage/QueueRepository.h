#pragma once

#include "core/Enums.h"

#include <QList>
#include <QString>

#include <optional>

namespace tandem::server {

class Database;

//! A work queue with its SLA targets (minutes to first answer, per priority).
struct Queue
{
    QString id;
    QString name;
    int slaMinutes[4] = {1440, 480, 240, 60}; //!< indexed by Priority: low, normal, high, urgent
    int slaFor(Priority p) const { return slaMinutes[static_cast<int>(p)]; }
};

//! Queues and their SLA targets.
class QueueRepository
{
public:
    explicit QueueRepository(Database &db) : m_db(db) {}

    void insert(const Queue &queue);
    std::optional<Queue> queue(const QString &id);
    QList<Queue> all();

private:
    Database &m_db;
};

} // namespace tandem::server
