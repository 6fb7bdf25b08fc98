#pragma once

#include <QDateTime>
#include <QString>

namespace tandem::server {

class Database;

//! A seeded demo database kept as a file, so that a demo start copies it instead of seeding
//! (docs/performance.md, "Demo start"). The build writes it next to the demo model
//! (`tandemd build-demo-model`); a start copies it and moves every stored time forward by the
//! time since it was seeded, so the demo's history always ends "now". SQLite only, like the
//! embedded demo itself.
class DemoTemplate
{
public:
    //! Writes a compact copy of \a db (VACUUM INTO) to \a path, noting \a seededAt in it.
    static bool save(Database &db, const QString &path, const QDateTime &seededAt, QString *error);
    //! Copies the template at \a templatePath to \a databasePath (which must not exist yet).
    static bool copy(const QString &templatePath, const QString &databasePath, QString *error);
    //! Moves every stored time (BIGINT columns named "at" or "*_at") of a copied template forward
    //! by (now - the time it was seeded), in one transaction.
    static bool shiftToNow(Database &db, const QDateTime &now, QString *error);
};

} // namespace tandem::server
