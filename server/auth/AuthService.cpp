#include "AuthService.h"

#include "PasswordHasher.h"
#include "server/Clock.h"
#include "server/storage/Database.h"
#include "server/storage/UserRepository.h"

#include "core/Logging.h"

#include <QCryptographicHash>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
constexpr int kSessionDays = 7;
constexpr qsizetype kMaxTokenLength = 200;
} // namespace

QByteArray AuthService::hashToken(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

std::optional<AuthService::Login> AuthService::login(const QString &email, const QString &password)
{
    UserRepository users(m_db);
    QString stored;
    const auto user = users.userByEmail(email, &stored);
    if (!user) {
        // Spend the same time as a real check so response timing does not reveal which e-mails exist.
        static const QString dummy = PasswordHasher::hash(u"not-a-password"_s);
        PasswordHasher::verify(dummy, password);
        return std::nullopt;
    }
    if (!PasswordHasher::verify(stored, password)) {
        tandem::logging::get("auth")->info("failed login for user {}", user->id);
        return std::nullopt;
    }
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const QString token =
        u"tdm_"_s +
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
                                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QDateTime now = m_clock.now();
    Transaction tx(m_db);
    users.insertSession(hashToken(token), user->id, now, now.addDays(kSessionDays));
    tx.commit();
    tandem::logging::get("auth")->info("user {} logged in", user->id);
    return Login{token, *user};
}

std::optional<User> AuthService::authenticate(const QString &token)
{
    if (token.isEmpty() || token.size() > kMaxTokenLength)
        return std::nullopt;
    return UserRepository(m_db).userForSession(hashToken(token), m_clock.now());
}

void AuthService::logout(const QString &token)
{
    Transaction tx(m_db);
    UserRepository(m_db).revokeSession(hashToken(token), m_clock.now());
    tx.commit();
}

} // namespace tandem::server
