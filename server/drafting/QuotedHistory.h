#pragma once

#include <QString>

namespace tandem::server::text {

//! What a customer wrote in a message, without the history their mail program added below it:
//! lines quoted with ">", and everything from a reply header ("On 12 March, Lumen wrote:",
//! "Em qui., 14/03, Lumen escreveu:", "Le … a écrit :"), an "-----Original Message-----" or
//! forwarded-message separator, or an Outlook header block ("From: …" followed by "Sent:",
//! "Subject:" …) on, in the ten served languages. The company's own earlier reply, quoted back,
//! is not what the customer says now: its "we will process your refund" is no claim of theirs,
//! its "legal notice" no threat. The message itself keeps every line (the agent reads it whole);
//! only what the drafting and the judgement read is cut. A message that is nothing but history
//! (a bare forward) is returned whole: then the history is what the customer sent. A reply
//! header over a ">" quote that the customer answers below ("> Refunds take 5-7 days" / "It's
//! been 9 days now...") cuts only the header and the quote: what follows is theirs again.
QString withoutQuotedHistory(const QString &body);

} // namespace tandem::server::text
