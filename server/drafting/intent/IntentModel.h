#pragma once

#include "server/drafting/intent/Calibrator.h"
#include "server/drafting/intent/CentroidIndex.h"
#include "server/drafting/intent/IntentClassifier.h"
#include "server/drafting/intent/LinearModel.h"
#include "server/drafting/intent/TextFeaturizer.h"

#include <QStringList>

namespace tandem::server::intent {

//! Everything a trained IntentClassifier holds; immutable once built, shared between copies.
struct IntentModel
{
    QStringList intents; //!< class index -> intent name (sorted)
    TextFeaturizer featurizer;
    LinearModel linear;
    CentroidIndex centroids;
    Calibrator calibrator;
    double oosSimilarity = 0;   //!< below this centroid similarity a message is out of scope
    double oosUnknownShare = 1; //!< above this share of unknown-word idf mass it is out of scope
    double defaultCoverage = 0.8;
    int topK = 3;
    int examples = 0;
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

} // namespace tandem::server::intent
