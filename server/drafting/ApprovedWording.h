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
    explicit ApprovedWording(const QStringList &approvedSources);

    //! True if [start, start + length) of \a body lies inside one repeated approved sentence.
    bool covers(const QString &body, int start, int length) const;

private:
    QList<QPair<int, int>> spansIn(const QString &body) const;

    QStringList m_sentences; //!< approved sentences (with their {slots}) long enough to count
    //! Per sentence: a run of its literal words that any match contains (ASCII letters and
    //! digits, any case); "" when it has none. A body without it is not searched with the pattern,
    //! which is then never compiled.
    QStringList m_needles;
    //! Per sentence: the letter runs (lower case, 3+ characters) of its words that whitespace
    //! bounds on both sides in the pattern, so that any match holds each as a whole run of the
    //! body. A body lacking one of them is not searched with the sentence's pattern.
    QList<QStringList> m_runs;
    mutable QString m_body; //!< the body m_spans were found in
    mutable QList<QPair<int, int>> m_spans;
    mutable bool m_scanned = false;
};

} // namespace tandem::server
