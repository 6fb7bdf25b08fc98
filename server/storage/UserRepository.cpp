#include "UserRepository.h"

#include "Database.h"
#include "SqlTime.h"

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
User userFromRow(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.name = q.value(1).toString();
    u.email = q.value(2).toString();
    u.role = roleFromString(q.value(3).toString()).value_or(Role::Agent);
    return u;
}
} // namespace

qint64 UserRepository::insertUser(const User &user, const QString &passwordHash, const QDateTime &at)
{
    QSqlQuery q = m_db.exec(u"INSERT INTO users (email, name, role, password_hash, created_at)"
                            " VALUES (?, ?, ?, ?, ?) RETURNING id"_s,
                            {user.email.toLower(), user.name, toString(user.role), passwordHash, toDb(at)});
    if (!q.next())
        throw StorageError(u"insert user returned no id"_s);
    return q.value(0).toLongLong();
}

std::optional<User> UserRepository::user(qint64 id)
{
    QSqlQuery q = m_db.exec(u"SELECT id, name, email, role FROM users WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return userFromRow(q);
}

std::optional<User> UserRepository::userByEmail(const QString &email, QString *passwordHash)
{
    QSqlQuery q = m_db.exec(u"SELECT id, name, email, role, password_hash FROM users WHERE email = ?"_s,
                            {email.toLower()});
    if (!q.next())
        return std::nullopt;
    if (passwordHash)
        *passwordHash = q.value(4).toString();
    return userFromRow(q);
}

QList<User> UserRepository::users()
{
    QSqlQuery q = m_db.exec(u"SELECT id, name, email, role FROM users ORDER BY id"_s);
    QList<User> out;
    while (q.next())
        out.append(userFromRow(q));
    return out;
}

qint64 UserRepository::userCount()
{
    return m_db.scalar(u"SELECT COUNT(*) FROM users"_s).toLongLong();
}

void UserRepository::insertSession(const QByteArray &tokenHash, qint64 userId, const QDateTime &at,
                                   const QDateTime &expiresAt)
{
    m_db.exec(u"INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)"_s,
              {QString::fromLatin1(tokenHash), userId, toDb(at), toDb(expiresAt)});
}

std::optional<User> UserRepository::userForSession(const QByteArray &tokenHash, const QDateTime &now)
{
    QSqlQuery q =
        m_db.exec(u"SELECT u.id, u.name, u.email, u.role FROM sessions s JOIN users u ON u.id = s.user_id"
                  " WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?"_s,
                  {QString::fromLatin1(tokenHash), toDb(now)});
    if (!q.next())
        return std::nullopt;
    return userFromRow(q);
}

void UserRepository::revokeSession(const QByteArray &tokenHash, const QDateTime &at)
{
    m_db.exec(u"UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL"_s,
              {toDb(at), QString::fromLatin1(tokenHash)});
}

void UserRepository::touchLastSeen(const QList<qint64> &userIds, const QDateTime &at)
{
    for (qint64 id : userIds) {
        m_db.exec(u"INSERT INTO user_presence (user_id, last_seen_at) VALUES (?, ?)"
                  " ON CONFLICT (user_id) DO UPDATE SET last_seen_at = excluded.last_seen_at"_s,
                  {id, toDb(at)});
    }
}

} // namespace tandem::server
