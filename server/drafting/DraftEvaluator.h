#pragma once

#include "GroundedDraftEngine.h"
#include "ResolvedCsv.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tandem::server {

//! Offline evaluation of the grounded engine on a resolved-ticket corpus: the intent model is
//! trained on the corpus (text -> intent), the corpus is indexed as resolved examples in a
//! private in-memory SQLite database, and every test message is drafted and compared with the
//! reply a human sent. Drives `tandemd eval drafts`.
class DraftEvaluator
{
public:
    struct Options
    {
        int folds = 0;      //!< > 1: k-fold cross-validation on the corpus alone (stratified)
        unsigned seed = 7;  //!< fold assignment
        int padIndexTo = 0; //!< index at least this many examples (copies) to measure latency at scale
        int limit = 0;      //!< > 0: evaluate at most this many test rows per run (quick runs)
        GroundedEngineOptions engine;
    };

    struct Report
    {
        double precisionAt1 = 0;
        double precisionAt3 = 0;
        double tokenF1 = 0;
        double rougeL = 0;
        int leakedPlaceholders = 0; //!< drafts containing {{...}} or {...}
        double latencyP50 = 0;      //!< ms per draft
        double latencyP99 = 0;
        int drafts = 0;
        qint64 indexedExamples = 0; //!< per run (the largest)
        double trainSeconds = 0;    //!< total intent-model training time
        int folds = 1;

        QJsonObject toJson() const;
    };

    //! Trains and indexes on \a corpus, drafts every row of \a test.
    static std::optional<Report> evaluate(const QList<ResolvedRow> &corpus, const QList<ResolvedRow> &test,
                                          const Options &options, QString *error);
    //! options.folds-fold cross-validation on \a corpus.
    static std::optional<Report> crossValidate(const QList<ResolvedRow> &corpus, const Options &options,
                                               QString *error);

private:
    struct Accumulator;
    static Report summarize(const Accumulator &acc, int folds);
    static bool runOnce(const QList<ResolvedRow> &corpus, const QList<ResolvedRow> &test,
                        const Options &options, Accumulator &acc, QString *error);
};

} // namespace tandem::server
