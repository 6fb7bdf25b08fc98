#pragma once

#include "Enums.h"

#include <QString>

namespace tandem {

//! A person who signs in to Tandem (never a customer).
struct User
{
    qint64 id = 0;
    QString name;
    QString email;
    Role role = Role::Agent;
    bool operator==(const User &) const = default;
};

} // namespace tandem
