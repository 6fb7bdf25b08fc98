#pragma once

#include "JsonReader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

//! The building blocks every codec in core/ shares (JsonCodec.cpp, StatsJson.cpp): null for absent
//! values, and decoding of nested objects and lists with the parent's error reporting.
namespace tandem::json::detail {

inline QJsonValue nullable(const std::optional<qint64> &value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue(QJsonValue::Null);
}

inline QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(formatTime(time)) : QJsonValue(QJsonValue::Null);
}

//! The decoded value if \a reader saw no problem; otherwise nullopt with its error in *error.
template <typename T> std::optional<T> finish(const JsonReader &reader, T value, QString *error)
{
    if (reader.ok())
        return value;
    if (error)
        *error = reader.error();
    return std::nullopt;
}

//! Decodes a nested object with the same error reporting as its parent.
template <typename T, typename Fn> T nested(JsonReader &parent, QStringView key, Fn decode)
{
    const QJsonObject object = parent.object(key);
    if (!parent.ok())
        return T{};
    QString error;
    auto value = decode(object, &error);
    if (!value) {
        parent.fail(key, error);
        return T{};
    }
    return *value;
}

//! Decodes an array of objects; the first bad item fails the parent, naming its index.
template <typename T, typename Fn> QList<T> nestedList(JsonReader &parent, QStringView key, Fn decode)
{
    const QJsonArray items = parent.array(key);
    QList<T> out;
    out.reserve(items.size());
    for (qsizetype i = 0; i < items.size() && parent.ok(); ++i) {
        if (!items.at(i).isObject()) {
            parent.fail(key, QStringLiteral("item %1: expected an object").arg(i));
            break;
        }
        QString error;
        auto value = decode(items.at(i).toObject(), &error);
        if (!value) {
            parent.fail(key, QStringLiteral("item %1: %2").arg(i).arg(error));
            break;
        }
        out.append(*value);
    }
    return out;
}

} // namespace tandem::json::detail
