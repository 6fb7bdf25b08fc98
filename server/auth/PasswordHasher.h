#pragma once

#include <QString>

namespace tandem::server {

//! argon2id password hashes through libsodium's crypto_pwhash_str (salted, self-describing).
class PasswordHasher
{
public:
    //! Initialises libsodium; false if it cannot be used (then nothing else may be called).
    static bool initialize();
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
};

} // namespace tandem::server
