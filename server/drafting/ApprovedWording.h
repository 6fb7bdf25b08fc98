#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tandem::server {

//! Where a draft repeats reviewed wording word for word: the spans of the draft that are a
//! sentence of an approved source (a knowledge-base article or its reply template), with any
//! `{slot}` of the template standing for whatever value or "[gap]" the draft has there. A promise
//! or a claimed action inside such a span is the knowledge base's own and needs no approval.
class ApprovedWording
{
public:
    //! An approved sentence (with its {slots}) long enough to count, and what rules a body out
    //! before its pattern is compiled.
    struct Sentence
    {
        QString text;
        //! A run of its literal words that any match contains (ASCII letters and digits, any
        //! case); "" when it has none.
        QString needle;
        //! The letter runs (lower case, 3+ characters) of its words that whitespace bounds on both
        //! sides in the pattern, so that any match holds each as a whole run of the body.
        QStringList runs;
    };

    explicit ApprovedWording(const QStringList &approvedSources);

    //! True if [start, start + length) of \a body lies inside one repeated approved sentence.
    bool covers(const QString &body, int start, int length) const;

private:
    QList<QPair<int, int>> spansIn(const QString &body) const;

    QList<Sentence> m_sentences;
    mutable QString m_body; //!< the body m_spans were found in
    mutable QList<QPair<int, int>> m_spans;
    mutable bool m_scanned = false;
};

} // namespace tandem::server
