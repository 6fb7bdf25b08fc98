#pragma once

#include "KnowledgeIndex.h"

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

    //! The best source for \a intent in \a language among the hits of \a ftsQuery; \a customerWords
    //! are the customer's content words (text::contentWords). *evidence receives the sources cited
    //! beside the choice: the intent's article in the draft's language, then the closest hits.
    Choice choose(const QString &intent, const QString &language, const QString &ftsQuery,
                  const QSet<QString> &customerWords, QList<GroundingSource> *evidence) const;

private:
    const KnowledgeIndex &m_index;
};

} // namespace tandem::server
