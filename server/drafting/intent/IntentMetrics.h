#pragma once

#include <QList>
#include <QString>

#include <vector>

namespace tandem::server::intent {

//! One scored test message: what was right, what the model said and how sure it was.
struct ScoredPrediction
{
    QString truth;
    QString predicted;
    double confidence = 0;
};

//! Share of predictions that match the truth (0 for an empty list).
double accuracy(const QList<ScoredPrediction> &predictions);
//! Unweighted mean F1 over every intent that occurs as truth or prediction (scikit-learn "macro").
double macroF1(const QList<ScoredPrediction> &predictions);
//! Area under the ROC curve of confidence as a detector of correct predictions (ties count half);
//! NaN when all predictions are right or all are wrong.
double aurocOfConfidence(const QList<ScoredPrediction> &predictions);
//! Accuracy on the `coverage` share (0..1] of predictions with the highest confidence.
double accuracyAtCoverage(const QList<ScoredPrediction> &predictions, double coverage);
//! The p-th percentile (0..100, nearest rank) of values; 0 for none.
double percentile(std::vector<double> values, double p);

} // namespace tandem::server::intent
