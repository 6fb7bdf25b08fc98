#pragma once

#include "Figurative.h"
#include "PatternPrefilter.h"
#include "RiskModel.h"

#include <QString>

#include <optional>

namespace tandem::server::judgement {

class SignalLexicon;

//! What one message says about the writer that puts its sensitive words in the background
//! (ADR 0013), read lazily, once per assessment:
//! - past(): sentences telling a past the writer has put behind them: years back (a phrase or a
//!   year number) beside "I'm well now" or "I manage everything myself", or a death years ago;
//! - work(): sentences where the writer states their work or volunteering ("I volunteer at a
//!   suicide helpline", "je travaille en soins palliatifs"); a phrase there that does not speak of
//!   the writer (speaksOfWriter()) describes the work;
//! - manages(): sentences where the writer says they manage alone (an age, a relative online);
//! - limitedCapacity(): despair bounded by a task ("I can't face the forms right now").
class WriterContext
{
public:
    //! \a unblanked: the same folded text before not_literal blanked anything (the writer's
    //! profession is among what it blanks, and work() must still read it).
    WriterContext(const SignalLexicon &lexicon, const PrefilterText &text, const QString &unblanked,
                  int currentYear);

    //! The unblanked text, prepared once for the signals that read it.
    const PrefilterText &unblanked();
    const TextSpans &past();
    const TextSpans &work();
    const TextSpans &manages();
    //! Despair bounded by a task ("I can't face the paperwork", "orkar inte med krångel").
    const TextSpans &limitedCapacity();
    //! Whether the phrase at [start, end), with the three words before it, speaks of the writer
    //! (speaksOfWriter()).
    bool aboutWriter(qsizetype start, qsizetype end) const;
    //! Whether the phrase at [start, end) lies in a work sentence and does not speak of the writer.
    bool describesWork(qsizetype start, qsizetype end);
    //! Whether the phrase at [start, end) overlaps despair bounded by a task.
    bool boundedByTask(qsizetype start, qsizetype end);
    //! Whether the writer cares for someone ill, old or disabled ("I look after my mum", "la
    //! seguo da sola", "ik zorg dag en nacht voor haar": context_carer).
    bool caresForSomeone();
    //! Where a writer who cares for someone says they are worn out in \a text ("ik zorg dag en
    //! nacht voor haar, ik ben zo moe": carer_strain, else concept_despair); empty otherwise.
    QString carerStrain(const PrefilterText &text);
    //! Whether the writer states their age or retirement ("ik ben 91 jaar", age_status).
    bool statesAge();
    //! Clauses that ask what would happen if ("si un jour je tombe malade et ne peux plus
    //! payer": context_hypothetical).
    const TextSpans &hypothetical();
    //! The words of a loss whose estate the writer says is settled ("my mum passed away in
    //! February; probate is finished and the estate all sorted"): the background of the request
    //! wherever they are. Empty when no estate is said to be settled.
    const TextSpans &settledLoss();
    //! Sentences telling an episode years, months or a season back (context_long_ago,
    //! context_months_ago) that the writer closes, in that sentence or the next, with thanks (not
    //! thanks in advance) or with "nothing happened" (context_no_harm): "el año pasado me robaron
    //! la cartera ... (muchas gracias otra vez)", "min pappa blev nästan lurad förra året (banken
    //! stoppade det i tid, så inget hände)". The fraud and legal words there are the past. Not an
    //! episode that lasts "since" then, or that "again" or "still … not" says is not over.
    const TextSpans &pastEpisodes();
    //! Where the signature under a formal closing starts in \a raw, the customer's text before
    //! folding ("Med vänliga hälsningar / Karin Ek / Jurist | Advokatfirman Lindqvist AB"): when
    //! what follows the last closing is a few short lines with no question in them (a name, a
    //! title, a company, an address). A title there is no threat. -1 when there is none.
    static qsizetype signatureAt(const QString &raw);

    //! Clears the risk signs of \a r that are background: in past(), describing the work, the
    //! "alone" sign where the writer says they manage, despair bounded by a task, the dying read
    //! inside someone else's death; a carer's exhaustion and caring alone (caresForSomeone()),
    //! and living alone beside the writer's age; despair inside a question about what would
    //! happen if.
    //! Also despair that is the frustration phrase itself ("mam dosyć", said of us) and a dying
    //! every hit of which overlaps someone else's death, both found in \a read (the text \a r
    //! was read from).
    void clearBackground(RiskModel::Reading &r, const PrefilterText &read);

    static bool inside(const TextSpans &spans, qsizetype start, qsizetype end);
    static bool overlaps(const TextSpans &spans, qsizetype start, qsizetype end);
    //! Whether one of the six words before \a start, in its clause, names a relative or friend
    //! ("my mum started chemo", "moja babcia ma alzheimera").
    static bool namesRelativeBefore(const QString &folded, qsizetype start);

private:
    const SignalLexicon &m_lexicon;
    const PrefilterText &m_text;
    const QString &m_unblanked;
    int m_currentYear;
    std::optional<TextSpans> m_past;
    std::optional<TextSpans> m_work;
    std::optional<TextSpans> m_manages;
    std::optional<TextSpans> m_capacity;
    std::optional<TextSpans> m_hypothetical;
    std::optional<TextSpans> m_settledLoss;
    std::optional<TextSpans> m_pastEpisodes;
    std::optional<bool> m_carer;
    std::optional<bool> m_age;
    std::optional<PrefilterText> m_unblankedText;
};

} // namespace tandem::server::judgement
