#pragma once

#include "core/User.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace tandem::server {

class Database;

//! Users and their sessions (only token hashes are stored, never tokens).
class UserRepository
{
public:
    explicit UserRepository(Database &db) : m_db(db) {}

    qint64 insertUser(const User &user, const QString &passwordHash, const QDateTime &at);
    std::optional<User> user(qint64 id);
    std::optional<User> userByEmail(const QString &email, QString *passwordHash);
    QList<User> users();
    qint64 userCount();
    //! Notes that \a userIds are connected to the live stream at \a at (table user_presence).
    void touchLastSeen(const QList<qint64> &userIds, const QDateTime &at);

    void insertSession(const QByteArray &tokenHash, qint64 userId, const QDateTime &at,
                       const QDateTime &expiresAt);
    //! The user of a live session: known hash, not revoked, not expired at \a now.
    std::optional<User> userForSession(const QByteArray &tokenHash, const QDateTime &now);
    void revokeSession(const QByteArray &tokenHash, const QDateTime &at);

private:
    Database &m_db;
};

} // namespace tandem::server
