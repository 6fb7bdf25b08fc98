#pragma once

#include "KnowledgeIndex.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace tandem::server {

//! Chooses what a grounded draft starts from for one intent: the reviewed knowledge-base template,
//! or a past reply a human sent for nearly the same request, retrieved with FTS5 (KnowledgeIndex)
//! and weighted by what people did with earlier drafts. Prefers the customer's language, then
//! English, then any; also picks the few other sources worth citing beside the choice.
class TemplateChooser
{
public:
    struct Choice
    {
        GroundingSource source;
        bool found = false;
        bool otherLanguage = false; //!< nothing in the customer's language: English or another
    };

    explicit TemplateChooser(const KnowledgeIndex &index) : m_index(index) {}

    //! The best source for \a intent in \a language among \a hits (its entry of candidatesFor());
    //! \a customerWords are the customer's content words (text::contentWords). *evidence receives
    //! the sources cited beside the choice: the intent's article in the draft's language, then the
    //! closest hits.
    Choice choose(const QString &intent, const QString &language, const QList<GroundingSource> &hits,
                  const QSet<QString> &customerWords, QList<GroundingSource> *evidence) const;
    //! The hits choose() weighs for each of \a intents, from one search of \a ftsQuery: what a
    //! message with several requests looks up once.
    QHash<QString, QList<GroundingSource>> candidatesFor(const QString &ftsQuery,
                                                         const QStringList &intents) const;

private:
    const KnowledgeIndex &m_index;
};

} // namespace tandem::server
