#pragma once

#include "server/drafting/intent/Calibrator.h"
#include "server/drafting/intent/CentroidIndex.h"
#include "server/drafting/intent/IntentClassifier.h"
#include "server/drafting/intent/LinearModel.h"
#include "server/drafting/intent/TextFeaturizer.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace tandem::server::intent {

//! Everything a trained IntentClassifier holds; immutable once built, shared between copies.
struct IntentModel
{
    QStringList intents; //!< class index -> intent name (sorted)
    TextFeaturizer featurizer;
    LinearModel linear;
    LinearModel stack; //!< second stage over linear's scores; classes() == 0 when there is none
    CentroidIndex centroids;
    Calibrator calibrator;
    double oosSimilarity = 0;   //!< below this centroid similarity a message is out of scope
    double oosUnknownShare = 1; //!< above this share of unknown-word idf mass it is out of scope
    double defaultCoverage = 0.8;
    int topK = 3;
    int examples = 0;
    //! Training examples per intent (class index). Confidence in an intent is smoothed by it
    //! (rule of succession): no intent claims more certainty than its examples can show.
    //! Empty for models saved before format version 2 (no smoothing).
    std::vector<int> support;
    //! Small training sets only: per intent, the held-out precision (Laplace-smoothed) of
    //! predicting it, which caps its confidence. Empty when there is none.
    std::vector<double> ceiling;
};

//! The calibrated confidence c of a prediction of an intent with n training examples, smoothed
//! as if c were the success rate seen in n trials: (n c + 1) / (n + 2) (Laplace's rule of
//! succession). Held-out folds of a small, self-written training set are nearly always right, so
//! calibration alone would print 100 %; with n = 45 the ceiling is 97.9 %, with n = 127 99.2 %.
inline double smoothConfidence(double c, int n)
{
    return n <= 0 ? c : (double(n) * c + 1.0) / (double(n) + 2.0);
}

//! The confidence reported for calibrated confidence c of a prediction of intent `best`: smoothed
//! by the intent's support, capped by its held-out precision where the model has one.
inline double reportedConfidence(const IntentModel &m, int best, double c)
{
    const size_t i = size_t(best);
    const double smoothed = smoothConfidence(c, i < m.support.size() ? m.support[i] : 0);
    return i < m.ceiling.size() ? std::min(smoothed, m.ceiling[i]) : smoothed;
}

//! Best and runner-up of a score vector.
struct TopTwo
{
    int best = 0;
    double top = 0;
    double margin = 0;
};

inline TopTwo topTwo(const std::vector<double> &scores)
{
    TopTwo t;
    double first = -1e300;
    double second = -1e300;
    for (size_t c = 0; c < scores.size(); ++c) {
        if (scores[c] > first) {
            second = first;
            first = scores[c];
            t.best = int(c);
        } else if (scores[c] > second) {
            second = scores[c];
        }
    }
    t.top = first;
    t.margin = scores.size() > 1 ? first - second : first;
    return t;
}

} // namespace tandem::server::intent
