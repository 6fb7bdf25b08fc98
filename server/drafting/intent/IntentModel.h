#pragma once

#include "server/drafting/intent/Calibrator.h"
#include "server/drafting/intent/CentroidIndex.h"
#include "server/drafting/intent/IntentClassifier.h"
#include "server/drafting/intent/LinearModel.h"
#include "server/drafting/intent/NearCopyIndex.h"
#include "server/drafting/intent/TextFeaturizer.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
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
    //! Per intent (class index): the held-out precision of predicting it, (right + 1) /
    //! (predicted + 2). A confidence feature: confusable intents start from lower odds.
    std::vector<double> precision;
    //! Training messages and their held-out confidence, for messages made of them
    //! (NearCopyIndex). Empty without calibration folds.
    NearCopyIndex nearCopies;
};

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

//! The ConfidenceFeatures of one prediction. `scores`: the final decision values; `firstBest`: the
//! first stage's choice (before a second stage); `similarities`: cosine similarity to each
//! intent's centroid; `words`: the message's word count, `unknown` the share of their idf mass the
//! model does not know; `precision`: the held-out precision of predicting the chosen intent.
inline ConfidenceFeatures confidenceFeatures(const std::vector<double> &scores, int firstBest,
                                             const std::vector<double> &similarities, size_t words,
                                             double unknown, double precision, double temperature)
{
    const TopTwo t = topTwo(scores);
    ConfidenceFeatures f;
    f.top = t.top;
    f.margin = t.margin;
    double z = 0;
    for (const double s : scores)
        z += std::exp((s - t.top) / std::max(1e-6, temperature));
    f.logShare = z > 0 ? -std::log(z) : 0.0;
    double other = 0;
    for (size_t c = 0; c < similarities.size(); ++c) {
        if (int(c) == t.best)
            f.similarity = similarities[c];
        else
            other = std::max(other, similarities[c]);
    }
    f.centroidMargin = f.similarity - other;
    f.stagesAgree = firstBest == t.best ? 1.0 : 0.0;
    f.unknown = unknown;
    f.length = std::log1p(double(words));
    const double p = std::clamp(precision, 1e-3, 1.0 - 1e-3);
    f.prior = std::log(p / (1.0 - p));
    return f;
}

} // namespace tandem::server::intent
