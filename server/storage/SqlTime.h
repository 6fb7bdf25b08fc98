#pragma once

#include <QDateTime>
#include <QVariant>

namespace tandem::server {

//! Times are stored as UTC milliseconds since the epoch (BIGINT): portable and sortable.
inline QVariant toDb(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

inline QDateTime timeFromDb(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

inline QVariant nullableId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant();
}

} // namespace tandem::server
