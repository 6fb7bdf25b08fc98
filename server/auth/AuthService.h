#pragma once

#include "core/User.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tandem::server {

class Clock;
class Database;

//! Logs users in and out and resolves bearer tokens. Tokens are 256-bit random strings;
//! only their SHA-256 is stored, so a leaked database does not leak sessions.
class AuthService
{
public:
    struct Login
    {
        QString token;
        User user;
    };

    AuthService(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    std::optional<Login> login(const QString &email, const QString &password);
    std::optional<User> authenticate(const QString &token);
    void logout(const QString &token);

    static QByteArray hashToken(const QString &token);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace tandem::server
