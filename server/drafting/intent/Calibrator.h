#pragma once

#include "server/drafting/intent/CappedLogistic.h"

#include <QDataStream>

#include <array>
#include <vector>

namespace tandem::server::intent {

//! What calibration reads of one prediction: how clear this message is to the model. Computed the
//! same way for held-out messages (training) and for live ones (predict()).
struct ConfidenceFeatures
{
    double top = 0;            //!< best decision value
    double margin = 0;         //!< best minus second-best decision value
    double logShare = 0;       //!< log of the best intent's temperature-scaled softmax share (<= 0)
    double similarity = 0;     //!< cosine similarity to the predicted intent's centroid
    double centroidMargin = 0; //!< that similarity minus the best other centroid's (< 0: they disagree)
    double stagesAgree = 1;    //!< 1 when the first stage alone predicts the same intent (stacked models)
    double unknown = 0;        //!< share of the message's word idf mass unknown to the model
    double length = 0;         //!< log(1 + number of words)
    double prior = 0;          //!< log-odds of the predicted intent's held-out precision
};

//! Turns a prediction into a calibrated P(the predicted intent is right), per message: a logistic
//! model over ConfidenceFeatures, fitted on held-out folds, whose probability tops out at a
//! ceiling (CappedLogistic): the accuracy of the clearest held-out predictions, at most
//! MaxConfidence. Features are standardised and clipped to the range seen on the
//! held-out folds, so a message the model scores beyond anything held out (a near-copy of a
//! training example) is judged like the clearest held-out messages, not extrapolated. Also holds
//! the softmax temperature for the runner-up scores and the table of thresholds per coverage.
class Calibrator
{
public:
    //! No message is ever reported as more certain than this: even the clearest one may carry a
    //! wrong label or mean something new. Small training sets get a lower ceiling (fit()).
    static constexpr double MaxConfidence = 0.99;
    static constexpr int Features = 9;

    //! Fits the logistic model on held-out predictions and whether each was right.
    void fit(const std::vector<ConfidenceFeatures> &features, const std::vector<bool> &correct);
    //! Fits the softmax temperature minimising held-out negative log-likelihood.
    //! `rows` are decision value vectors, `truth` the index of the right class in each.
    void fitTemperature(const std::vector<std::vector<double>> &rows, const std::vector<int> &truth);
    //! Builds the coverage table from held-out calibrated confidences.
    void fitCoverage(std::vector<double> confidences);

    double confidence(const ConfidenceFeatures &features) const;
    double temperature() const { return m_temperature; }
    //! Confidence above which the share `coverage` of held-out messages lies.
    double thresholdForCoverage(double coverage) const;
    //! The fitted weight of each feature (in ConfidenceFeatures order, per standard deviation).
    std::array<double, Features> weights() const;

    void write(QDataStream &out) const;
    bool read(QDataStream &in);

private:
    using Values = std::array<double, Features>;
    //! The features oriented so that a larger value never means "less likely right" for the
    //! constrained ones (unknown words enter negated).
    static Values valuesOf(const ConfidenceFeatures &f);
    //! Clipped to the held-out range and standardised.
    Values standardised(const ConfidenceFeatures &f) const;

    CappedLogistic m_model;
    Values m_mean{};
    Values m_scale{};
    Values m_low{};
    Values m_high{};
    double m_temperature = 1;
    std::vector<double> m_coverage; //!< m_coverage[i]: threshold for coverage i / (size - 1)
};

} // namespace tandem::server::intent
