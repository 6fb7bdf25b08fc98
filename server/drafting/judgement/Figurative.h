#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace tandem::server::judgement {

//! Where a message's words of death or danger are not the writer's situation, read from the shape
//! of the text rather than from a phrase list: a sentence the writer laughs at, a title in
//! quotes, a year long past (ADR 0013). Spans are [start, end) offsets into the text given.
using TextSpans = QList<std::pair<qsizetype, qsizetype>>;

//! Sentences of \a folded (folded text, TextFolding) that end in or carry laughter ("jajaja",
//! "haha", "lol", "kkk", "mdr", 😂, 💀, "xD") and name no suicide or self-harm outright: "Me quiero
//! morir jajaja, I ordered an M again" is a joke; "I want to kill myself lol" is still read.
TextSpans laughingSentences(const QString &folded);

//! Whether the writer laughs at or shrugs off what they just said: laughter (as laughingSentences()
//! reads it), a wink or an upside-down smile in the 240 characters of \a folded after \a from
//! ("Jag blir tokig på nya appen ... var har ni gömt dem? 😅" is a grumble, not frustration).
bool laughsAfter(const QString &folded, qsizetype from);

//! Titles in \a text (the original, not folded): a quoted span ("…", “…”, «…», '…') that opens with
//! a capital letter, and outside German a run of words opened by a capital in mid-sentence, both
//! only when the message names a book, a film, a song, a game or another work (so a threat quoted
//! from a text message is never a title). Every other place the same title is written is a span too
//! (the subject repeating the book's name).
//! \a folded: \a text folded (TextFolding), where the work is looked for.
TextSpans titleSpans(const QString &text, const QString &folded, QStringView language);

//! Whether \a folded (a matched phrase) speaks of the writer: "my husband died", "I can't go on",
//! "mein Mann", "ma mère", "jag orkar inte". A phrase without it ("suicide", "fin de vie", "a
//! hospice") may describe the writer's work or someone else.
bool speaksOfWriter(QStringView folded);

//! Sentences of \a folded that date what they tell to a year at least \a minYears before
//! \a currentYear ("Äitini kuoli 2018", "nach meiner Hüft-OP 2019").
TextSpans pastYearSentences(const QString &folded, int currentYear, int minYears = 2);

class SignalLexicon;

//! \a judged (the folded, not_literal-blanked \a text; \a unblanked: the same before not_literal)
//! as the risk signals read it: what the writer laughs at and the titles of works that hold a word
//! of risk blanked; empty when nothing is blanked. Only risk is read without them: a sarcastic
//! complaint laughs too, and a regulator's name is capitalised like a title.
QString riskText(const SignalLexicon &lexicon, const QString &text, const QString &judged,
                 const QString &unblanked, QStringView language);

} // namespace tandem::server::judgement
