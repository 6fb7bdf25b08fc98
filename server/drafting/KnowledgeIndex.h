#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace tandem::server {

class StatementCache;

//! A past request and the reply a human actually sent for it, as retrieval knows it.
struct ResolvedExample
{
    qint64 id = 0;
    QString source; //!< citation id: "ticket:<id>" for our own tickets, "resolved:<id>" for imports
    QString intent;
    QString language;
    QString request; //!< what the customer wrote
    QString reply;   //!< what was sent, with the customer's own facts turned back into {slots}
};

//! What a draft can start from or cite: a knowledge-base article or a resolved example.
struct GroundingSource
{
    enum class Kind
    {
        Article,
        Resolved
    };
    Kind kind = Kind::Article;
    qint64 rowId = 0;
    QString citationId; //!< "kb:<id>", "ticket:<id>" or "resolved:<id>"
    QString intent;
    QString language;
    QString title;       //!< article title, or the start of the request
    QString text;        //!< article body, or the request
    QString reply;       //!< reply template, or the reply that was sent
    double weight = 1.0; //!< learned from outcomes: > 1 sent as-is often, < 1 often discarded
    double bm25 = 0.0;   //!< relevance to the query (higher is better; 0 when not searched)
};

//! The engine's knowledge in SQLite: an FTS5 (bm25) index over knowledge-base articles and
//! resolved examples, kept in sync by triggers, and per-source weights learned from outcomes.
//! Everything lives in the given database; nothing is held in memory between calls.
class KnowledgeIndex
{
public:
    explicit KnowledgeIndex(QSqlDatabase db);

    //! The DDL (idempotent: IF NOT EXISTS) for the tables, index and triggers; the same text is
    //! what schema migration 3 runs.
    static QStringList schemaStatements(bool withArticleTriggers);
    //! Creates what is missing and re-fills the FTS index if it is out of step with its sources
    //! (rows written before the triggers existed).
    bool ensureSchema(QString *error);
    //! Cheap check that the tables exist (for per-request callers such as DraftLearning).
    bool isReady() const;
    //! Merges the full-text index into one segment (FTS5 'optimize') when it is small enough to
    //! do so at start-up, and keeps it merging as it grows ('automerge' 2): a query reads every
    //! segment, and ten segments made a search 3-5x slower than one (docs/performance.md). Called
    //! by the engine's reload() and after a bulk load, not by ensureSchema().
    void compact();
    static constexpr qint64 kCompactRowsAtMost = 50000;

    //! Best bm25 matches of an FTS5 expression (see text::ftsQuery), optionally of one intent.
    QList<GroundingSource> search(const QString &ftsQuery, const QString &intent, int limit) const;
    //! The same for several intents at once: per intent, the \a limit best matches, exactly those
    //! (and in the order) search() gives, from one statement, so that FTS5 gathers the query's
    //! term statistics for bm25 once instead of once per intent (most of a search's cost).
    QHash<QString, QList<GroundingSource>> searchEach(const QString &ftsQuery, const QStringList &intents,
                                                      int limit) const;
    //! Knowledge-base articles of an intent (all languages), with their weights.
    QList<GroundingSource> articlesFor(const QString &intent) const;
    std::optional<GroundingSource> source(const QString &citationId) const;

    //! Stores an example unless the same request and reply are already known; returns its id
    //! (existing or new), or 0 on failure.
    qint64 addResolved(const ResolvedExample &example);
    qint64 resolvedCount() const;

    double weight(const QString &citationId) const;
    //! Multiplies a source's weight by \a factor, kept within [kMinWeight, kMaxWeight].
    void adjustWeight(const QString &citationId, double factor);

    //! The languages the knowledge answers in: those of its articles and resolved examples.
    QStringList servedLanguages() const;

    //! (text, intent) pairs the intent model can learn from: article titles and resolved requests.
    QList<QPair<QString, QString>> trainingExamples() const;

    static constexpr double kMinWeight = 0.25;
    static constexpr double kMaxWeight = 3.0;

private:
    bool hasArticles() const;
    void fillWeights(QList<GroundingSource> &sources) const;
    //! The sources behind FTS rowids (resolved examples positive, articles negated), bm25 set,
    //! in the order given; two batched look-ups.
    QList<GroundingSource> sourcesOf(const QList<QPair<qint64, double>> &hits) const;

    QSqlDatabase m_db;
    //! The search statements, prepared once on this connection (shared by copies of the index).
    std::shared_ptr<StatementCache> m_statements;
};

} // namespace tandem::server
