#pragma once

#include <QDataStream>

#include <vector>

namespace tandem::server::intent {

//! What calibration sees of one held-out prediction.
struct HeldOutScore
{
    double top = 0;        //!< best decision value
    double margin = 0;     //!< best minus second-best decision value
    double similarity = 0; //!< cosine similarity to the closest intent centroid
    double unknown = 0;    //!< share of the message's word idf mass unknown to the model
    bool correct = false;
};

//! Maps raw scores to a calibrated P(correct): a Platt-style logistic model over the best score,
//! the margin to the runner-up, the centroid similarity and the unknown-word share (fitted with
//! LIBLINEAR on held-out folds; signs are constrained so confidence never falls as the scores or
//! the similarity rise, nor rises with more unknown words), a softmax temperature for the
//! runner-up scores, and the table of confidence thresholds per coverage.
class Calibrator
{
public:
    //! Fits the logistic model on held-out scores.
    void fit(const std::vector<HeldOutScore> &scores);
    //! Fits the softmax temperature minimising held-out negative log-likelihood.
    //! `rows` are decision value vectors, `truth` the index of the right class in each.
    void fitTemperature(const std::vector<std::vector<double>> &rows, const std::vector<int> &truth);
    //! Builds the coverage table from held-out calibrated confidences.
    void fitCoverage(std::vector<double> confidences);

    double confidence(const HeldOutScore &score) const;
    double temperature() const { return m_temperature; }
    //! Confidence above which the share `coverage` of held-out messages lies.
    double thresholdForCoverage(double coverage) const;

    void write(QDataStream &out) const;
    bool read(QDataStream &in);

private:
    static constexpr int Features = 4; //!< top, margin, similarity, -unknown
    double m_weights[Features] = {0, 1, 0, 0};
    double m_bias = 0;
    double m_temperature = 1;
    std::vector<double> m_coverage; //!< m_coverage[i]: threshold for coverage i / (size - 1)
};

} // namespace tandem::server::intent
