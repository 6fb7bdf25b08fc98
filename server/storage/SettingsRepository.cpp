#include "SettingsRepository.h"

#include "Database.h"
#include "SqlTime.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tandem::server {

std::optional<Setting> SettingsRepository::get(const QString &name)
{
    QSqlQuery q = m_db.exec(u"SELECT s.value, s.version, s.updated_at, s.updated_by, u.name FROM settings s"
                            " LEFT JOIN users u ON u.id = s.updated_by WHERE s.name = ?"_s,
                            {name});
    if (!q.next())
        return std::nullopt;
    Setting s;
    s.name = name;
    s.value = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    s.version = q.value(1).toLongLong();
    s.updatedAt = timeFromDb(q.value(2));
    if (!q.value(3).isNull())
        s.updatedBy = q.value(3).toLongLong();
    s.updatedByName = q.value(4).toString();
    return s;
}

std::optional<qint64> SettingsRepository::put(const QString &name, const QJsonObject &value,
                                              qint64 expectedVersion, qint64 by, const QDateTime &at)
{
    const QString text = QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
    Transaction tx(m_db);
    const QVariant current = m_db.scalar(u"SELECT version FROM settings WHERE name = ?"_s, {name});
    const qint64 version = current.isValid() ? current.toLongLong() : 0;
    if (version != expectedVersion)
        return std::nullopt;
    if (version == 0)
        m_db.exec(
            u"INSERT INTO settings (name, value, updated_at, updated_by, version) VALUES (?, ?, ?, ?, 1)"_s,
            {name, text, toDb(at), by});
    else
        m_db.exec(u"UPDATE settings SET value = ?, updated_at = ?, updated_by = ?, version = version + 1"
                  " WHERE name = ? AND version = ?"_s,
                  {text, toDb(at), by, name, version});
    tx.commit();
    return version + 1;
}

} // namespace tandem::server
