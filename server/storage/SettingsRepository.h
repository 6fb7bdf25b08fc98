#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tandem::server {

class Database;

//! One server-side setting (e.g. "escalation_policy"): a JSON document with a version for If-Match.
struct Setting
{
    QString name;
    QJsonObject value;
    qint64 version = 0;
    QDateTime updatedAt;
    std::optional<qint64> updatedBy;
    QString updatedByName;
};

//! Server-side configuration shared by every tandemd instance on the database (table settings).
class SettingsRepository
{
public:
    explicit SettingsRepository(Database &db) : m_db(db) {}

    std::optional<Setting> get(const QString &name);
    //! Stores \a value if the setting is still at \a expectedVersion (0: not stored yet); returns
    //! the new version, or nullopt when someone else changed it first.
    std::optional<qint64> put(const QString &name, const QJsonObject &value, qint64 expectedVersion,
                              qint64 by, const QDateTime &at);

private:
    Database &m_db;
};

} // namespace tandem::server
