#pragma once

#include <QString>
#include <QStringList>

namespace tandem::server::judgement {

//! Splits a customer message into the sentences and clauses that may each carry a request:
//! at sentence punctuation (also CJK and Arabic), line breaks and "also / another thing"
//! connectors in the ten served languages. Quoted earlier mail ("> ...") and signatures after
//! "-- " are left out. Pieces keep their original text, trimmed; empty ones are dropped.
QStringList splitRequests(const QString &text);

//! True when \a piece reads as a request in one of the ten served languages: a question, or
//! request wording ("please", "can you", "I want", "ich möchte", "jag vill", "quisiera" ...).
bool asksSomething(const QString &piece);
//! Whether \a piece says thank you in a served language. A piece that thanks and does not ask
//! (asksSomething) is gratitude for something done ("Thanks, you saved my life with the refund
//! last week!"), not a request of its own, even in a message that announces several.
bool thanks(const QString &piece);

} // namespace tandem::server::judgement
