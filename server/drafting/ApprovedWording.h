#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <utility>

namespace tandem::server {

//! Where a draft repeats reviewed wording word for word: the spans of the draft that are a
//! sentence of an approved source (a knowledge-base article or its reply template), with any
//! `{slot}` of the template standing for whatever value or "[gap]" the draft has there. A promise
//! or a claimed action inside such a span is the knowledge base's own and needs no approval.
//! Matched word by word on normalized text, without a regular expression: a pattern per sentence
//! cost some 1.7 ms of JIT compilation each time a draft met a new one (docs/performance.md).
class ApprovedWording
{
public:
    //! An approved sentence (with its {slots}) long enough to count, and what rules a body out
    //! before it is matched.
    struct Sentence
    {
        QString text;
        //! A run of its literal words that any match contains (ASCII letters and digits, any
        //! case); "" when it has none.
        QString needle;
        //! The letter runs (lower case, 3+ characters) of its words that whitespace bounds on both
        //! sides in the sentence, so that any match holds each as a whole run of the body.
        QStringList runs;
        //! Its literal text between slots (normalized()): a match is parts[0], a slot, parts[1],
        //! ... ("" first when it opens with a slot, last when it ends with one).
        QStringList parts;
        bool opensWithSlot = false;
    };
    //! Text as matching reads it (case folded, either apostrophe one, English contractions
    //! written out, each whitespace run one character), with the span of the original each of
    //! its characters stands for.
    struct Normalized
    {
        QString text;
        QList<qsizetype> from;
        QList<qsizetype> to;
    };
    static Normalized normalized(QStringView text);

    explicit ApprovedWording(const QStringList &approvedSources);

    //! True if [start, start + length) of \a body lies inside one repeated approved sentence.
    bool covers(const QString &body, int start, int length) const;

private:
    QList<QPair<int, int>> spansIn(const QString &body) const;
    //! Where \a sentence is repeated in \a body: (start, length) in the original body.
    static QList<std::pair<qsizetype, qsizetype>> matches(const Sentence &sentence, const Normalized &body);

    QList<Sentence> m_sentences;
    mutable QString m_body; //!< the body m_spans were found in
    mutable QList<QPair<int, int>> m_spans;
    mutable Normalized m_normalized; //!< m_body as matches() reads it
    mutable bool m_scanned = false;
};

} // namespace tandem::server
