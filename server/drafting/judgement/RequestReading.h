#pragma once

#include "CaseAssessor.h"

#include <QString>
#include <QStringList>

namespace tandem::server::judgement {

class PrefilterText;
class SignalLexicon;

//! How many requests one message holds, and whether it holds any: the sentence-level reading
//! of the judgement (CaseAssessor), kept apart from the topics it weighs.
class RequestReading
{
public:
    explicit RequestReading(const SignalLexicon &lexicon) : m_lexicon(lexicon) {}

    //! The distinct intents of the separate requests in \a input, when there are several
    //! (two families, or three intents): empty when the message is one matter. A customer who
    //! announces several things ("a few things:", a numbered list) is read more readily; one who
    //! announces questions about one matter ("three quick questions about swapping the card
    //! in:") has one; a piece that refers back to the one before ("Is that still possible?",
    //! "Tillkommer det i så fall en avgift?") continues its matter.
    QStringList severalRequests(const CaseInput &input, const PrefilterText &prepared) const;

    //! Why the message is several requests ("several requests in one message: …", "a list of 3
    //! requests"), or empty when it is one matter. *\a intents receives severalRequests(). In a
    //! language the desk does not serve no model reads the pieces: the writer's own numbered list
    //! (listedRequests()) is the count.
    QString multiIssue(const CaseInput &input, const PrefilterText &prepared, QStringList *intents) const;

    //! Whether the message asks nothing at all ("hello", "??", "is anyone there?").
    bool isUnclear(const CaseInput &input, const QString &folded) const;

    //! Lines of \a text that open like list items ("1)", "2.", "- "), or the items of a list
    //! numbered on one line ("1) …; 2) …", "①…②…").
    static int listItems(const QString &text);

    //! The items of a list of requests in \a text (listItems()), or 0 when there are fewer than
    //! two or the list is introduced by one of our records ("about order 64081: 1) … 2) …" asks
    //! about that order). Read where no model reads the pieces: a language the desk does not serve.
    int listedRequests(const QString &text) const;

    //! Where the first list item of \a text starts (its size when there is none).
    static qsizetype firstListItem(const QString &text);

private:
    //! Whether a piece (folded) raises a matter of its own: not a hypothetical, not a question about
    //! the matter the piece before raised, not a settled past.
    bool asksAMatterOfItsOwn(const QString &foldedPiece) const;

    //! A second matter the writer announces after the first ("P.S.", "while I'm writing", "au
    //! passage": the second_matter signal): the message's first intent and a request after the
    //! cue in another family, or empty.
    QStringList secondMatter(const CaseInput &input, const PrefilterText &prepared) const;

    const SignalLexicon &m_lexicon;
};

} // namespace tandem::server::judgement
