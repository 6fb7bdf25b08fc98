#pragma once

#include <QString>

namespace tandem::server::judgement {

//! The leading parts of a lexicon pattern that make PCRE2 try it at every position of a message,
//! taken off so that what remains has a literal opening (prefiltered by PatternPrefilter, found
//! by PCRE2's own start-of-match search):
//! - a clause run, "[^.!?\n]{0,240}" (the match reaches back to the start of the clause): the
//!   lexicon reaches back by hand from where the rest matched, over at most \c reach characters
//!   none of which is in \c stops; the ranges covered are the same;
//! - a negative lookahead guard, "(?!.{0,200}\b(?:buyer|seller))": the lexicon checks it where
//!   the rest matched, anchored there; the matches are the same.
//! One guard of 27 languages, tried at every position of every message, cost 1.2 ms a message
//! (round 16, docs/performance.md).
struct PatternOpening
{
    int reach = 0; //!< the N of a leading "[^…]{0,N}" clause run; 0 when there is none
    QString stops; //!< the characters the clause run does not cross
    QString guard; //!< a leading "(?!…)", kept whole; empty when there is none
    QString rest;  //!< the pattern without them

    static PatternOpening split(const QString &pattern);
};

} // namespace tandem::server::judgement
