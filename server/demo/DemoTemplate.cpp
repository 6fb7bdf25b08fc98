#include "DemoTemplate.h"

#include "server/storage/Database.h"

#include "core/Logging.h"

#include <QFile>
#include <QSqlRecord>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
const QString kSeededAtSetting = u"demo.seeded_at"_s;

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}
} // namespace

bool DemoTemplate::save(Database &db, const QString &path, const QDateTime &seededAt, QString *error)
{
    try {
        db.exec(u"DELETE FROM settings WHERE name = ?"_s, {kSeededAtSetting});
        db.exec(
            u"INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?)"_s,
            {kSeededAtSetting, QString::number(seededAt.toMSecsSinceEpoch()), seededAt.toMSecsSinceEpoch()});
        QFile::remove(path);
        db.exec(u"VACUUM INTO ?"_s, {path});
    } catch (const StorageError &e) {
        *error = u"cannot write the demo template %1: %2"_s.arg(path, QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

bool DemoTemplate::copy(const QString &templatePath, const QString &databasePath, QString *error)
{
    QFile::remove(databasePath + u"-wal"_s);
    QFile::remove(databasePath + u"-shm"_s);
    if (!QFile::copy(templatePath, databasePath)) {
        *error = u"cannot copy the demo template to %1"_s.arg(databasePath);
        return false;
    }
    // Templates are installed read-only; the copy is ours to write.
    QFile::setPermissions(databasePath, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

bool DemoTemplate::shiftToNow(Database &db, const QDateTime &now, QString *error)
{
    try {
        QSqlQuery seeded = db.exec(u"SELECT value FROM settings WHERE name = ?"_s, {kSeededAtSetting});
        if (!seeded.next()) {
            *error = u"the demo template does not say when it was seeded"_s;
            return false;
        }
        const qint64 delta = now.toMSecsSinceEpoch() - seeded.value(0).toLongLong();
        Transaction tx(db);
        QStringList tables;
        QSqlQuery list = db.exec(
            u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"_s);
        while (list.next())
            tables.append(list.value(0).toString());
        int columns = 0;
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery info = db.exec(u"PRAGMA table_info(%1)"_s.arg(quoted(table)));
            QStringList times;
            while (info.next()) {
                const QString name = info.value(1).toString();
                const QString type = info.value(2).toString().toUpper();
                if ((name == u"at" || name.endsWith(u"_at")) && type.contains(u"INT"))
                    times.append(name);
            }
            for (const QString &column : std::as_const(times)) {
                db.exec(
                    u"UPDATE %1 SET %2 = %2 + ? WHERE %2 IS NOT NULL"_s.arg(quoted(table), quoted(column)),
                    {delta});
                ++columns;
            }
        }
        db.exec(u"UPDATE settings SET value = ? WHERE name = ?"_s,
                {QString::number(now.toMSecsSinceEpoch()), kSeededAtSetting});
        tx.commit();
        tandem::logging::get("db")->info("demo template moved forward by {} s ({} time columns)",
                                         delta / 1000, columns);
    } catch (const StorageError &e) {
        *error = u"cannot prepare the demo database: %1"_s.arg(QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

} // namespace tandem::server
