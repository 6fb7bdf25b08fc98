#include "KnowledgeIndex.h"

#include "core/Logging.h"
#include "server/sql/StatementCache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <QHash>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

// FTS rows: knowledge-base article <id> has rowid -<id>, resolved example <id> has rowid <id>.
const QString kArticleText = u"new.title || ' ' || new.body"_s;

QSqlQuery run(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {})
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        tandem::logging::get("draft")->error("prepare failed: {}", q.lastError().text().toStdString());
        return q;
    }
    StatementCache::bind(q, params);
    if (!q.exec())
        tandem::logging::get("draft")->error("query failed: {}", q.lastError().text().toStdString());
    return q;
}

// A hot statement from the connection's cache, executed; errors are logged as run() does.
StatementCache::Lease cached(StatementCache &statements, const QString &sql, const QVariantList &params = {})
{
    bool ok = false;
    StatementCache::Lease q = statements.run(sql, params, &ok);
    if (!ok)
        tandem::logging::get("draft")->error("query failed: {}", q->lastError().text().toStdString());
    return q;
}

// A JSON array of \a values, one bound parameter for "IN (SELECT value FROM json_each(?))": the
// statement's text stays the same whatever the number of values, so it is prepared once.
QString jsonList(const QJsonArray &values)
{
    return QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact));
}

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q = run(db, sql);
    return q.next() ? q.value(0).toLongLong() : 0;
}

QString snippetTitle(const QString &request)
{
    const QString oneLine = request.simplified();
    return oneLine.size() <= 80 ? oneLine : oneLine.left(77) + u"..."_s;
}

// Columns: id, intent, language, title, body, reply_template (kb_articles).
GroundingSource articleFromRow(const QSqlQuery &q)
{
    GroundingSource s;
    s.kind = GroundingSource::Kind::Article;
    s.rowId = q.value(0).toLongLong();
    s.citationId = u"kb:%1"_s.arg(s.rowId);
    s.intent = q.value(1).toString();
    s.language = q.value(2).toString();
    s.title = q.value(3).toString();
    s.text = q.value(4).toString();
    s.reply = q.value(5).toString();
    return s;
}

// Columns: id, source, intent, language, request, reply (resolved_examples).
GroundingSource resolvedFromRow(const QSqlQuery &q)
{
    GroundingSource s;
    s.kind = GroundingSource::Kind::Resolved;
    s.rowId = q.value(0).toLongLong();
    s.citationId = q.value(1).toString();
    s.intent = q.value(2).toString();
    s.language = q.value(3).toString();
    s.text = q.value(4).toString();
    s.title = snippetTitle(s.text);
    s.reply = q.value(5).toString();
    return s;
}

} // namespace

KnowledgeIndex::KnowledgeIndex(QSqlDatabase db)
    : m_db(std::move(db)), m_statements(std::make_shared<StatementCache>(m_db))
{}

QStringList KnowledgeIndex::schemaStatements(bool withArticleTriggers)
{
    QStringList s{
        u"CREATE TABLE IF NOT EXISTS resolved_examples (id INTEGER PRIMARY KEY, source TEXT NOT NULL,"
        " intent TEXT NOT NULL, language TEXT NOT NULL, request TEXT NOT NULL, reply TEXT NOT NULL,"
        " content_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS resolved_examples_intent ON resolved_examples(intent, language)"_s,
        u"CREATE TABLE IF NOT EXISTS source_weights (source TEXT PRIMARY KEY, weight REAL NOT NULL,"
        " sent_as_is INTEGER NOT NULL DEFAULT 0, discarded INTEGER NOT NULL DEFAULT 0)"_s,
        // intent_key holds the intent as one token ("i" + hex of its UTF-8) so a query can require
        // it inside MATCH: FTS5 then ranks only that intent's rows instead of filtering afterwards.
        u"CREATE VIRTUAL TABLE IF NOT EXISTS grounding_fts USING fts5(text, intent_key, intent UNINDEXED,"
        " language UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')"_s,
        u"CREATE TRIGGER IF NOT EXISTS resolved_examples_fts_insert AFTER INSERT ON resolved_examples BEGIN"
        " INSERT INTO grounding_fts(rowid, text, intent_key, intent, language)"
        " VALUES (new.id, new.request, 'i' || lower(hex(new.intent)), new.intent, new.language); END"_s,
        u"CREATE TRIGGER IF NOT EXISTS resolved_examples_fts_delete AFTER DELETE ON resolved_examples BEGIN"
        " DELETE FROM grounding_fts WHERE rowid = old.id; END"_s};
    if (withArticleTriggers) {
        const QString values = u"VALUES (-new.id, "_s + kArticleText +
                               u", 'i' || lower(hex(new.intent)),"
                               " new.intent, new.language); END"_s;
        s << u"CREATE TRIGGER IF NOT EXISTS kb_articles_fts_insert AFTER INSERT ON kb_articles BEGIN"
             " INSERT INTO grounding_fts(rowid, text, intent_key, intent, language) "_s +
                 values;
        s << u"CREATE TRIGGER IF NOT EXISTS kb_articles_fts_update AFTER UPDATE ON kb_articles BEGIN"
             " DELETE FROM grounding_fts WHERE rowid = -old.id;"
             " INSERT INTO grounding_fts(rowid, text, intent_key, intent, language) "_s +
                 values;
        s << u"CREATE TRIGGER IF NOT EXISTS kb_articles_fts_delete AFTER DELETE ON kb_articles BEGIN"
             " DELETE FROM grounding_fts WHERE rowid = -old.id; END"_s;
    }
    return s;
}

bool KnowledgeIndex::hasArticles() const
{
    auto q = cached(*m_statements,
                    u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'kb_articles'"_s);
    return q->next() && q->value(0).toLongLong() > 0;
}

bool KnowledgeIndex::isReady() const
{
    return m_db.driverName() == u"QSQLITE" &&
           count(m_db, u"SELECT COUNT(*) FROM sqlite_master WHERE name IN ('resolved_examples',"
                       " 'source_weights', 'grounding_fts')"_s) == 3;
}

bool KnowledgeIndex::ensureSchema(QString *error)
{
    if (m_db.driverName() != u"QSQLITE") {
        *error = u"the grounded drafting engine needs SQLite (FTS5); this database uses %1"_s.arg(
            m_db.driverName());
        return false;
    }
    const bool articles = hasArticles();
    const QStringList statements = schemaStatements(articles);
    for (const QString &sql : statements) {
        QSqlQuery q(m_db);
        if (!q.exec(sql)) {
            *error = u"cannot create the drafting index: %1"_s.arg(q.lastError().text());
            return false;
        }
    }
    // Rows written before the triggers existed (an older database): index them once.
    const qint64 indexed = count(m_db, u"SELECT COUNT(*) FROM grounding_fts"_s);
    const qint64 expected = count(m_db, u"SELECT COUNT(*) FROM resolved_examples"_s) +
                            (articles ? count(m_db, u"SELECT COUNT(*) FROM kb_articles"_s) : 0);
    if (indexed != expected) {
        QSqlQuery q(m_db);
        bool ok =
            q.exec(u"DELETE FROM grounding_fts"_s) &&
            q.exec(
                u"INSERT INTO grounding_fts(rowid, text, intent_key, intent, language)"
                " SELECT id, request, 'i' || lower(hex(intent)), intent, language FROM resolved_examples"_s);
        if (ok && articles)
            ok = q.exec(u"INSERT INTO grounding_fts(rowid, text, intent_key, intent, language)"
                        " SELECT -id, title || ' ' || body, 'i' || lower(hex(intent)), intent, language"
                        " FROM kb_articles"_s);
        if (!ok) {
            *error = u"cannot fill the drafting index: %1"_s.arg(q.lastError().text());
            return false;
        }
    }
    return true;
}

void KnowledgeIndex::compact()
{
    QSqlQuery q(m_db);
    // Persistent FTS5 settings; a failure costs speed, never an answer.
    if (!q.exec(u"INSERT INTO grounding_fts(grounding_fts, rank) VALUES('automerge', 2)"_s))
        tandem::logging::get("draft")->warn("fts automerge: {}", q.lastError().text().toStdString());
    if (count(m_db, u"SELECT COUNT(*) FROM grounding_fts"_s) > kCompactRowsAtMost)
        return;
    if (!q.exec(u"INSERT INTO grounding_fts(grounding_fts) VALUES('optimize')"_s))
        tandem::logging::get("draft")->warn("fts optimize: {}", q.lastError().text().toStdString());
}

namespace {

// The FTS5 phrase that narrows a match to one intent's rows (the intent, hex-encoded: any name is
// one token of the intent_key column).
QString intentPhrase(const QString &intent)
{
    return u"intent_key : \"i%1\""_s.arg(QString::fromLatin1(intent.toUtf8().toHex()));
}

} // namespace

QList<GroundingSource> KnowledgeIndex::search(const QString &ftsQuery, const QString &intent, int limit) const
{
    if (ftsQuery.isEmpty())
        return {};
    // The intent token only narrows the rows; its bm25 share is the same for all of them.
    const QString match = intent.isEmpty() ? ftsQuery : u"%1 AND (%2)"_s.arg(intentPhrase(intent), ftsQuery);
    // rowid breaks ties, so that searchEach() can give exactly the same rows.
    const QString sql = u"SELECT rowid, -bm25(grounding_fts) FROM grounding_fts WHERE grounding_fts MATCH ?"
                        " ORDER BY rank, rowid LIMIT ?"_s;
    QList<QPair<qint64, double>> hits;
    {
        auto q = cached(*m_statements, sql, {match, limit});
        while (q->next())
            hits.append({q->value(0).toLongLong(), q->value(1).toDouble()});
    }
    return sourcesOf(hits);
}

QHash<QString, QList<GroundingSource>> KnowledgeIndex::searchEach(const QString &ftsQuery,
                                                                  const QStringList &intents, int limit) const
{
    QHash<QString, QList<GroundingSource>> out;
    QStringList distinct;
    for (const QString &intent : intents) {
        if (!intent.isEmpty() && !distinct.contains(intent))
            distinct.append(intent);
    }
    if (ftsQuery.isEmpty() || distinct.isEmpty() || limit <= 0)
        return out;
    if (distinct.size() == 1) {
        out.insert(distinct.first(), search(ftsQuery, distinct.first(), limit));
        return out;
    }
    // A row of one intent has none of the other intents' tokens: those phrases add exactly 0 to
    // its bm25, so its score and rank are those of the one-intent query.
    QStringList phrases;
    for (const QString &intent : std::as_const(distinct))
        phrases.append(intentPhrase(intent));
    const QString match = u"(%1) AND (%2)"_s.arg(phrases.join(u" OR "_s), ftsQuery);
    QHash<QString, QList<QPair<qint64, double>>> hits;
    {
        auto q = cached(
            *m_statements,
            u"SELECT rowid, -bm25(grounding_fts), intent FROM grounding_fts WHERE grounding_fts MATCH ?"
            " ORDER BY rank, rowid"_s,
            {match});
        qsizetype full = 0;
        while (full < distinct.size() && q->next()) {
            auto &mine = hits[q->value(2).toString()];
            if (mine.size() >= limit)
                continue;
            mine.append({q->value(0).toLongLong(), q->value(1).toDouble()});
            if (mine.size() == limit)
                ++full;
        }
    }
    QList<QPair<qint64, double>> all;
    QHash<qint64, QString> intentOf;
    for (const QString &intent : std::as_const(distinct)) {
        for (const auto &hit : hits.value(intent)) {
            all.append(hit);
            intentOf.insert(hit.first, intent);
        }
    }
    for (const GroundingSource &s : sourcesOf(all)) {
        const qint64 rowid = s.kind == GroundingSource::Kind::Article ? -s.rowId : s.rowId;
        out[intentOf.value(rowid)].append(s);
    }
    return out;
}

QList<GroundingSource> KnowledgeIndex::sourcesOf(const QList<QPair<qint64, double>> &hits) const
{
    QList<GroundingSource> out;
    QJsonArray resolvedIds;
    QJsonArray articleIds;
    for (const auto &[rowid, score] : hits)
        (rowid < 0 ? articleIds : resolvedIds).append(std::abs(rowid));
    // Two batched look-ups instead of one query per hit; articles are keyed by their negative rowid.
    QHash<qint64, GroundingSource> byRow;
    const auto lookUp = [&](const QString &sql, const QJsonArray &ids,
                            GroundingSource (*fromRow)(const QSqlQuery &), qint64 sign) {
        if (ids.isEmpty())
            return;
        auto q = cached(*m_statements, sql, {jsonList(ids)});
        while (q->next()) {
            GroundingSource s = fromRow(*q);
            byRow.insert(sign * s.rowId, s);
        }
    };
    lookUp(u"SELECT id, source, intent, language, request, reply FROM resolved_examples"
           " WHERE id IN (SELECT value FROM json_each(?))"_s,
           resolvedIds, resolvedFromRow, 1);
    lookUp(u"SELECT id, intent, language, title, body, reply_template FROM kb_articles"
           " WHERE id IN (SELECT value FROM json_each(?))"_s,
           articleIds, articleFromRow, -1);
    for (const auto &[rowid, score] : std::as_const(hits)) {
        auto it = byRow.find(rowid);
        if (it == byRow.end())
            continue;
        it->bm25 = score;
        out.append(*it);
    }
    fillWeights(out);
    return out;
}

QList<GroundingSource> KnowledgeIndex::articlesFor(const QString &intent) const
{
    QList<GroundingSource> out;
    if (!hasArticles())
        return out;
    {
        auto q = cached(*m_statements,
                        u"SELECT id, intent, language, title, body, reply_template FROM kb_articles"
                        " WHERE intent = ? ORDER BY id"_s,
                        {intent});
        while (q->next())
            out.append(articleFromRow(*q));
    }
    fillWeights(out);
    return out;
}

std::optional<GroundingSource> KnowledgeIndex::source(const QString &id) const
{
    if (id.startsWith(u"kb:")) {
        QSqlQuery q = run(m_db,
                          u"SELECT id, intent, language, title, body, reply_template FROM kb_articles"
                          " WHERE id = ?"_s,
                          {id.mid(3).toLongLong()});
        if (!q.next())
            return std::nullopt;
        GroundingSource s = articleFromRow(q);
        s.citationId = id;
        return s;
    }
    QSqlQuery q = run(m_db,
                      u"SELECT id, source, intent, language, request, reply FROM resolved_examples"
                      " WHERE source = ? ORDER BY id DESC LIMIT 1"_s,
                      {id});
    if (!q.next())
        return std::nullopt;
    return resolvedFromRow(q);
}

qint64 KnowledgeIndex::addResolved(const ResolvedExample &e)
{
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash((e.intent + u'\x1f' + e.language + u'\x1f' +
                                                      e.request.simplified() + u'\x1f' + e.reply.simplified())
                                                         .toUtf8(),
                                                     QCryptographicHash::Sha1)
                                .toHex());
    QSqlQuery existing = run(m_db, u"SELECT id FROM resolved_examples WHERE content_hash = ?"_s, {hash});
    if (existing.next())
        return existing.value(0).toLongLong();
    QSqlQuery q =
        run(m_db,
            u"INSERT INTO resolved_examples (source, intent, language, request, reply, content_hash,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
            {e.source, e.intent, e.language, e.request, e.reply, hash, QDateTime::currentMSecsSinceEpoch()});
    if (!q.next())
        return 0;
    const qint64 id = q.value(0).toLongLong();
    if (e.source.isEmpty())
        run(m_db, u"UPDATE resolved_examples SET source = ? WHERE id = ?"_s, {u"resolved:%1"_s.arg(id), id});
    return id;
}

qint64 KnowledgeIndex::resolvedCount() const
{
    return count(m_db, u"SELECT COUNT(*) FROM resolved_examples"_s);
}

double KnowledgeIndex::weight(const QString &citationId) const
{
    QSqlQuery q = run(m_db, u"SELECT weight FROM source_weights WHERE source = ?"_s, {citationId});
    return q.next() ? q.value(0).toDouble() : 1.0;
}

void KnowledgeIndex::adjustWeight(const QString &citationId, double factor)
{
    if (citationId.isEmpty())
        return;
    const double updated = std::clamp(weight(citationId) * factor, kMinWeight, kMaxWeight);
    run(m_db,
        u"INSERT INTO source_weights (source, weight, sent_as_is, discarded) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(source) DO UPDATE SET weight = excluded.weight,"
        " sent_as_is = sent_as_is + excluded.sent_as_is, discarded = discarded + excluded.discarded"_s,
        {citationId, updated, factor > 1.0 ? 1 : 0, factor < 1.0 ? 1 : 0});
}

void KnowledgeIndex::fillWeights(QList<GroundingSource> &sources) const
{
    if (sources.isEmpty())
        return;
    QJsonArray ids;
    for (const GroundingSource &s : std::as_const(sources))
        ids.append(s.citationId);
    QHash<QString, double> weights;
    {
        auto q = cached(
            *m_statements,
            u"SELECT source, weight FROM source_weights WHERE source IN (SELECT value FROM json_each(?))"_s,
            {jsonList(ids)});
        while (q->next())
            weights.insert(q->value(0).toString(), q->value(1).toDouble());
    }
    for (GroundingSource &s : sources)
        s.weight = weights.value(s.citationId, 1.0);
}

QList<QPair<QString, QString>> KnowledgeIndex::trainingExamples() const
{
    QList<QPair<QString, QString>> out;
    if (hasArticles()) {
        QSqlQuery q = run(m_db, u"SELECT title, intent FROM kb_articles ORDER BY id"_s);
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString()});
    }
    QSqlQuery q = run(m_db, u"SELECT request, intent FROM resolved_examples ORDER BY id"_s);
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

QStringList KnowledgeIndex::servedLanguages() const
{
    QStringList languages;
    QString sql = u"SELECT DISTINCT language FROM resolved_examples"_s;
    if (hasArticles())
        sql += u" UNION SELECT DISTINCT language FROM kb_articles"_s;
    QSqlQuery q(m_db);
    if (q.exec(sql)) {
        while (q.next()) {
            const QString lang = q.value(0).toString();
            if (!lang.isEmpty() && !languages.contains(lang))
                languages.append(lang);
        }
    }
    return languages;
}

} // namespace tandem::server
