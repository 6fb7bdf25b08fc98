#pragma once

#include "core/Message.h"
#include "core/Ticket.h"

#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tandem::server::text {

//! Lower-cased word tokens (letters and digits; diacritics kept), in order.
QStringList words(const QString &text);

//! The distinct content words of \a text: words() minus short words and common function words
//! of the five demo languages.
QSet<QString> contentWords(const QString &text);

//! Order, invoice or case numbers in \a text (5 to 8 digits on their own): two tickets that name
//! the same one are about the same matter, whatever their words.
QSet<QString> referenceNumbers(const QString &text);

//! An FTS5 MATCH expression that ORs the (quoted) content words of \a text, at most \a maxTerms
//! of them (longest first, they carry the most information). Empty when nothing is searchable.
QString ftsQuery(const QString &text, int maxTerms = 24);

//! Cosine similarity of two word sets (0..1).
double setCosine(const QSet<QString> &a, const QSet<QString> &b);

//! What the customer wrote: the subject and every non-internal customer message (each without
//! its mail footer and signature block, withoutSignature()), oldest first,
//! without the notices and contact lines their mail system appends (withoutMailFooter()).
QString customerText(const Ticket &ticket, const QList<Message> &messages);

//! What the customer wrote in one message body, without the quoted history, the mail system's
//! footer and the signature block under their name (withoutQuotedHistory(), withoutMailFooter(),
//! withoutSignature()).
QString ownWords(const Ticket &ticket, const QString &body);

//! customerText() with each message read by ownWords().
QString customerOwnText(const Ticket &ticket, const QList<Message> &messages);
//! Everything the customer sent as it came: subject and message bodies with the mail they quote,
//! their signatures and their mail system's notices (an instruction hidden in a disclaimer is
//! still an instruction).
QString customerRawText(const Ticket &ticket, const QList<Message> &messages);

//! Whether the subject is the quoted mail's: a reply's or forward's ("Re: Your card has been
//! blocked – suspected fraud", "WG: Newsletter – So schützen Sie sich vor Betrug") over a first
//! message that quotes the mail it came with. Its words still tell the model the topic; its fraud
//! and legal words are history, not the customer's report (judgement::CaseInput::subjectQuoted).
bool quotesItsSubject(const Ticket &ticket, const QList<Message> &messages);

//! The number of customer messages in the thread.
int customerMessageCount(const QList<Message> &messages);

//! A customer's display name as a greeting may say it: markup tags, bidirectional and zero-width
//! controls, other control characters and template braces removed, whitespace collapsed, at most
//! 60 characters ("<i>Eve</i>" -> "Eve", "\u202EevE" -> "evE"). Empty when no letter is left.
QString cleanName(const QString &displayName);

//! First name of a display name ("Lucía García Fernández" -> "Lucía"), cleaned (cleanName).
QString firstName(const QString &fullName);

//! The sentences of \a text as (start, length) spans, without surrounding whitespace. A line
//! break always ends one; ".", "!", "?" or "…" end one when whitespace and then no lower-case
//! letter follow and the word before is not a bare number ("3. März", "e.g. this" stay whole).
QList<QPair<int, int>> sentenceSpans(const QString &text);

} // namespace tandem::server::text
