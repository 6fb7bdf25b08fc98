#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace tandem::server {

class Database;

//! A knowledge-base article; reply_template is what a draft may start from.
struct KbArticle
{
    qint64 id = 0;
    QString slug;
    QString intent;
    QString language;
    QString title;
    QString body;
    QString replyTemplate;
};

//! Knowledge-base articles.
class KbRepository
{
public:
    explicit KbRepository(Database &db) : m_db(db) {}

    qint64 insert(const KbArticle &article);
    std::optional<KbArticle> article(qint64 id);
    QList<KbArticle> all();

private:
    Database &m_db;
};

} // namespace tandem::server
