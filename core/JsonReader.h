#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace tandem {

//! Strict, typed reading of a JSON object. The first problem is remembered as a
//! human-readable error ("subject: expected a string"); later reads return defaults,
//! so a decoder can read every field and check ok() once.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object, QString path = {});

    bool has(QStringView key) const;
    //! Present and not null.
    bool hasValue(QStringView key) const;

    QString string(QStringView key);
    std::optional<QString> optionalString(QStringView key); //!< absent or null -> nullopt
    qint64 integer(QStringView key);
    std::optional<qint64> optionalInteger(QStringView key); //!< absent or null -> nullopt
    double number(QStringView key);
    bool boolean(QStringView key);
    std::optional<bool> optionalBoolean(QStringView key);
    QStringList stringList(QStringView key);
    QJsonObject object(QStringView key);
    QJsonArray array(QStringView key);
    QDateTime time(QStringView key); //!< RFC 3339
    std::optional<QDateTime> optionalTime(QStringView key);

    //! Reads a string and maps it through \a parse; an unknown value is an error that lists \a allowed.
    template <typename E>
    E enumValue(QStringView key, std::optional<E> (*parse)(QStringView), const QString &allowed, E fallback)
    {
        const QString text = string(key);
        if (!ok())
            return fallback;
        if (auto value = parse(text))
            return *value;
        fail(key, QStringLiteral("unknown value \"") + text.left(40) +
                      QStringLiteral("\" (expected one of: ") + allowed + QLatin1Char(')'));
        return fallback;
    }

    //! Rejects keys outside \a known, for request bodies where a typo must not pass silently.
    void rejectUnknownKeys(const QStringList &known);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(QStringView key, const QString &problem);
    //! Takes over the first error of a reader of a nested object (whose path names the field).
    void adoptError(const JsonReader &nested)
    {
        if (m_error.isEmpty())
            m_error = nested.m_error;
    }
    QString pathOf(QStringView key) const;

private:
    QJsonValue valueFor(QStringView key, bool required);

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

//! RFC 3339 in UTC with milliseconds, e.g. "2026-11-25T21:12:00.000Z".
QString formatTime(const QDateTime &time);
//! Parses RFC 3339; an invalid QDateTime when the text is not one.
QDateTime parseTime(const QString &text);

} // namespace tandem
