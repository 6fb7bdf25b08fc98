#pragma once

#include "core/Stats.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace tandem::server {

class Database;

//! Which AI-assisted replies GET /reviews lists.
struct ReviewFilter
{
    QDateTime from; //!< sent at or after; invalid = no bound
    QDateTime to;   //!< sent before; invalid = no bound
    QString outcome;
    QString intent;
    QString language;
    QString queue;
    std::optional<qint64> agentId;
    QString verdict;        //!< "" any, "none", or a verdict
    bool spotCheck = false; //!< a stable pseudo-random sample of as_is replies without a verdict
    int limit = 50;
    //! Where the previous page ended: the last (sent at in ms, id) when newest first, or the
    //! last (sample key, id) in the spot-check order.
    std::optional<std::pair<qint64, qint64>> after;
};

//! AI-assisted replies (public replies sent with a draft) with their drafts and the reviews
//! supervisors gave them (table reviews, keyed by the message id).
class ReviewRepository
{
public:
    explicit ReviewRepository(Database &db) : m_db(db) {}

    //! One page; \a next is set to where the next page starts when there may be more.
    QList<ReviewItem> list(const ReviewFilter &filter, std::optional<std::pair<qint64, qint64>> *next);
    std::optional<ReviewItem> item(qint64 messageId);
    //! Stores or overwrites the verdict on a reply.
    void setVerdict(qint64 messageId, const QString &verdict, const QString &note, qint64 reviewerId,
                    const QDateTime &at);

    //! The spot-check order: a fixed scramble of the message id, the same on SQLite and PostgreSQL.
    static qint64 sampleKey(qint64 messageId) { return (messageId * 2654435761LL) % 1000003LL; }

private:
    Database &m_db;
};

} // namespace tandem::server
