#include "JsonReader.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem {
namespace {
constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1: beyond it doubles lose integers
}

JsonReader::JsonReader(const QJsonObject &object, QString path) : m_object(object), m_path(std::move(path)) {}

bool JsonReader::has(QStringView key) const
{
    return m_object.contains(key);
}

bool JsonReader::hasValue(QStringView key) const
{
    return m_object.contains(key) && !m_object.value(key).isNull();
}

QString JsonReader::pathOf(QStringView key) const
{
    return m_path.isEmpty() ? key.toString() : m_path + u'.' + key;
}

void JsonReader::fail(QStringView key, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = pathOf(key) + u": "_s + problem;
}

QJsonValue JsonReader::valueFor(QStringView key, bool required)
{
    if (!ok())
        return {};
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd() || it->isNull()) {
        if (required)
            fail(key, u"is required"_s);
        return QJsonValue(QJsonValue::Undefined);
    }
    return *it;
}

QString JsonReader::string(QStringView key)
{
    const QJsonValue v = valueFor(key, true);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        fail(key, u"expected a string"_s);
        return {};
    }
    return v.toString();
}

std::optional<QString> JsonReader::optionalString(QStringView key)
{
    const QJsonValue v = valueFor(key, false);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isString()) {
        fail(key, u"expected a string or null"_s);
        return std::nullopt;
    }
    return v.toString();
}

qint64 JsonReader::integer(QStringView key)
{
    const QJsonValue v = valueFor(key, true);
    if (v.isUndefined())
        return 0;
    auto value = optionalInteger(key);
    return value.value_or(0);
}

std::optional<qint64> JsonReader::optionalInteger(QStringView key)
{
    const QJsonValue v = valueFor(key, false);
    if (v.isUndefined())
        return std::nullopt;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::isnan(d) || std::floor(d) != d || std::fabs(d) > kMaxSafeInteger) {
        fail(key, u"expected an integer"_s);
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

double JsonReader::number(QStringView key)
{
    const QJsonValue v = valueFor(key, true);
    if (v.isUndefined())
        return 0.0;
    if (!v.isDouble()) {
        fail(key, u"expected a number"_s);
        return 0.0;
    }
    return v.toDouble();
}

bool JsonReader::boolean(QStringView key)
{
    const QJsonValue v = valueFor(key, true);
    if (v.isUndefined())
        return false;
    if (!v.isBool()) {
        fail(key, u"expected true or false"_s);
        return false;
    }
    return v.toBool();
}

std::optional<bool> JsonReader::optionalBoolean(QStringView key)
{
    const QJsonValue v = valueFor(key, false);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        fail(key, u"expected true or false"_s);
        return std::nullopt;
    }
    return v.toBool();
}

QStringList JsonReader::stringList(QStringView key)
{
    const QJsonArray items = array(key);
    QStringList out;
    out.reserve(items.size());
    for (const QJsonValue &item : items) {
        if (!item.isString()) {
            fail(key, u"expected an array of strings"_s);
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

QJsonObject JsonReader::object(QStringView key)
{
    const QJsonValue v = valueFor(key, true);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(key, u"expected an object"_s);
        return {};
    }
    return v.toObject();
}

QJsonArray JsonReader::array(QStringView key)
{
    const QJsonValue v = valueFor(key, true);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        fail(key, u"expected an array"_s);
        return {};
    }
    return v.toArray();
}

QDateTime JsonReader::time(QStringView key)
{
    const QString text = string(key);
    if (!ok())
        return {};
    const QDateTime t = parseTime(text);
    if (!t.isValid())
        fail(key, u"expected an RFC 3339 time such as 2026-01-31T09:30:00Z"_s);
    return t;
}

std::optional<QDateTime> JsonReader::optionalTime(QStringView key)
{
    if (!hasValue(key))
        return std::nullopt;
    const QDateTime t = time(key);
    return ok() ? std::optional<QDateTime>(t) : std::nullopt;
}

void JsonReader::rejectUnknownKeys(const QStringList &known)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            fail(it.key(), u"unknown field"_s);
            return;
        }
    }
}

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &text)
{
    if (text.size() < 20 || text.size() > 40)
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    // RFC 3339 requires an offset; a local time without one is ambiguous.
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return {};
    return t.toUTC();
}

} // namespace tandem
