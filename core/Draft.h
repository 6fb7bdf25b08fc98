#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace tandem {

//! A source the draft relied on: a knowledge-base article or a resolved ticket.
struct Citation
{
    QString sourceId; //!< "kb:<id>" or "ticket:<id>"
    QString title;
    QString snippet;
    bool operator==(const Citation &) const = default;
};

//! Something a human should check before sending; start/length name the span in the body.
struct DraftFlag
{
    //! e.g. "needs_human", "missing_slot", "promise", "unsupported_fact", "language",
    //! "unverified_fact", "claimed_action", "manipulation"
    QString kind;
    QString message;
    int start = -1; //!< -1 when the flag concerns the whole draft
    int length = 0;
    bool operator==(const DraftFlag &) const = default;
};

//! An AI-proposed reply. A human always decides what happens to it.
struct Draft
{
    qint64 id = 0;
    qint64 ticketId = 0;
    QString body;
    double confidence = 0.0; //!< 0..1
    QString intent;
    QString language;
    QList<Citation> citations;
    QList<DraftFlag> flags;
    QString engine; //!< which engine produced it, e.g. "placeholder-kb-overlap"
    QDateTime createdAt;
    bool operator==(const Draft &) const = default;
};

} // namespace tandem
