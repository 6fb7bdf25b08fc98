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
//! Whether \a piece thanks without asking anything ("Thanks, you saved my life with the refund last
//! week!"): gratitude for something done is not a request of its own, even in a message that
//! announces several ("one more question:").
bool onlyThanks(const QString &piece);

} // namespace tandem::server::judgement
