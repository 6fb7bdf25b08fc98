#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <utility>

namespace tandem::server::judgement {

//! What opens an item of a list, as a regular expression: "1)", "2.", "-", "*", "•", an en or em
//! dash (the whitespace after it is the caller's).
inline constexpr QStringView kListItemOpener = u"(?:\\d{1,2}[.)]|[-*\u2022\u2013\u2014])";

//! Splits a customer message into the sentences and clauses that may each carry a request:
//! at sentence punctuation (also CJK and Arabic), line breaks and "also / another thing"
//! connectors in the ten served languages. Quoted earlier mail ("> ...") and signatures after
//! "-- " are left out. Pieces keep their original text, trimmed; empty ones are dropped.
QStringList splitRequests(const QString &text);

//! Where the numbers of a list written on one line stand in \a text ("1) …; 2) …", "1. … 2. …"):
//! each item opens the text or follows a space, a colon, a semicolon, a comma or a parenthesis,
//! and the numbers run in sequence from 1 ("2.", a date or an amount alone, is no item). Numbers
//! with no "." or ")" after them ("3 sprawy 1 jak … 2 faktura … 3 kiedy …") are items only when the
//! text before the first announces as many ("3 sprawy"). Empty when there is no such "1".
QList<qsizetype> numberedItems(const QString &text);

//! True when \a piece reads as a request in one of the ten served languages: a question, or
//! request wording ("please", "can you", "I want", "ich möchte", "jag vill", "quisiera" ...).
bool asksSomething(const QString &piece);
//! Whether \a piece says thank you in a served language. A piece that thanks and does not ask
//! (asksSomething) is gratitude for something done ("Thanks, you saved my life with the refund
//! last week!"), not a request of its own, even in a message that announces several.
bool thanks(const QString &piece);

//! The sentence of \a text around [start, end): from the last sentence end before it (. ! ? or a
//! line break) to the next one after it.
std::pair<qsizetype, qsizetype> sentenceAround(const QString &text, qsizetype start, qsizetype end);

//! \a phrase in typographic quotes, simplified and cut to 60 characters: evidence in a reason.
QString quotedPhrase(const QString &phrase);

} // namespace tandem::server::judgement
