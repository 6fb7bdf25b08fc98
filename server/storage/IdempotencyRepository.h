#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace tandem::server {

class Database;

//! The first response to each (user, Idempotency-Key), so a retry replays it instead of acting twice.
class IdempotencyRepository
{
public:
    struct Stored
    {
        QByteArray requestHash;
        int status = 0;
        QByteArray response;
    };

    explicit IdempotencyRepository(Database &db) : m_db(db) {}

    std::optional<Stored> find(qint64 userId, const QString &key);
    void store(qint64 userId, const QString &key, const Stored &value, const QDateTime &at);
    //! Forgets keys older than \a before (we promise at least 24 h).
    void purgeOlderThan(const QDateTime &before);

private:
    Database &m_db;
};

} // namespace tandem::server
