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
//! Bins of expectedCalibrationError() that `tandemd eval intents` and the docs use (Guo et al. 2017).
constexpr int CalibrationBins = 15;
//! Expected calibration error: the predictions fall into `bins` equal-width confidence bins over
//! [0, 1] (bin i holds [i/bins, (i+1)/bins), the last one also 1.0); the sum over bins of
//! |accuracy - mean confidence| weighted by the bin's share of predictions. 0 for none.
double expectedCalibrationError(const QList<ScoredPrediction> &predictions, int bins = CalibrationBins);
//! Accuracy on the `coverage` share (0..1] of predictions with the highest confidence.
double accuracyAtCoverage(const QList<ScoredPrediction> &predictions, double coverage);
//! The p-th percentile (0..100, nearest rank) of values; 0 for none.
double percentile(std::vector<double> values, double p);

} // namespace tandem::server::intent
