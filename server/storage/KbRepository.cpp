#include "KbRepository.h"

#include "Database.h"

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
const QString kColumns = u"id, slug, intent, language, title, body, reply_template"_s;

KbArticle fromRow(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toString(), q.value(6).toString()};
}
} // namespace

qint64 KbRepository::insert(const KbArticle &a)
{
    QSqlQuery q = m_db.exec(u"INSERT INTO kb_articles (slug, intent, language, title, body, reply_template)"
                            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
                            {a.slug, a.intent, a.language, a.title, a.body, a.replyTemplate});
    if (!q.next())
        throw StorageError(u"insert article returned no id"_s);
    return q.value(0).toLongLong();
}

std::optional<KbArticle> KbRepository::article(qint64 id)
{
    QSqlQuery q = m_db.exec(u"SELECT "_s + kColumns + u" FROM kb_articles WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

QList<KbArticle> KbRepository::all()
{
    QSqlQuery q = m_db.exec(u"SELECT "_s + kColumns + u" FROM kb_articles ORDER BY id"_s);
    QList<KbArticle> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

} // namespace tandem::server
