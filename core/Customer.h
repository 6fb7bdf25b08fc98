#pragma once

#include <QString>

namespace tandem {

//! The person who wrote to support, as the channel reported them.
struct Customer
{
    QString name;
    QString email;
    QString language; //!< BCP 47 primary tag as given by the channel, e.g. "sv"
    bool operator==(const Customer &) const = default;
};

} // namespace tandem
