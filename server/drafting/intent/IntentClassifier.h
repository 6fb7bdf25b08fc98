#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace tandem::server {

namespace intent {
struct IntentModel; // private: features, weights, calibration, thresholds
}

//! What the intent model says about one message.
struct IntentPrediction
{
    QString intent;                    //!< best intent (always set, even when abstaining)
    double confidence = 0;             //!< calibrated P(intent is correct) for this message, 0..0.99
    double similarity = 0;             //!< cosine similarity to the closest known intent (0..1), for OOS
    QList<QPair<QString, double>> top; //!< top-k intents, best first, calibrated scores
    bool outOfScope = false;           //!< unlike every known intent
    bool abstain = false;              //!< confidence below the threshold for the requested coverage
    //! The message should go to a person: abstained or out of scope.
    bool needsHuman() const { return abstain || outOfScope; }
    //! Machine-readable reason, "" when no human is needed: "out of scope" or "low confidence".
    QString reason() const;
};

//! Knobs for IntentClassifier::train(); the defaults are the ones tuned by cross-validation.
struct TrainOptions
{
    int calibrationFolds = 3;    //!< held-out folds used to fit calibration and thresholds
    double regularisation = 1.5; //!< LIBLINEAR C
    //! C of the second stage (a Crammer-Singer SVM over the held-out scores of all intents);
    //! 0 turns it off. Needs calibrationFolds >= 2.
    double stackRegularisation = 0.1;
    int stackMinPerIntent = 80;   //!< stack only with at least this many examples per intent (mean)
    double defaultCoverage = 0.8; //!< coverage whose threshold predict() applies by default
    int topK = 3;                 //!< entries in IntentPrediction::top
    unsigned seed = 77;           //!< fold shuffling
    // Features and solver (advanced; persisted with the model).
    int solver = 4;   //!< LIBLINEAR solver_type (4 = Crammer-Singer, 1 = L2-loss SVM)
    bool stem = true; //!< English Snowball stems for word features
    int minDf = 1;    //!< drop n-grams seen in fewer training messages
    int charMin = 2;  //!< character n-gram sizes (within words), charMin 0 disables
    int charMax = 6;
    double wordWeight = 1.0;   //!< weight of word vs character features (char block = 1)
    double oosQuantile = 0.01; //!< share of held-out in-domain messages the OOS test may reject
    //! A message at least this similar (cosine of idf-weighted known words) to a training message,
    //! or a ticket whose subject and message both are, gets the confidence the model had in them
    //! when they were held out (NearCopyIndex). Above 1: never.
    double nearCopySimilarity = 0.97;
};

//! Trained intent model: TF-IDF word + character n-grams, a LIBLINEAR linear SVM, confidence
//! calibrated on held-out folds, per-coverage abstention thresholds and an out-of-scope detector
//! (low similarity to every intent, mostly unknown words, or the reserved intent "out_of_scope"
//! when the training data has examples of it). Cheap to copy (shared immutable state); const
//! methods are thread-safe.
class IntentClassifier
{
public:
    //! Trains on (text, intent) pairs. Needs >= 2 intents; returns nullopt with *error otherwise.
    static std::optional<IntentClassifier> train(const QList<QPair<QString, QString>> &examples,
                                                 const TrainOptions &options, QString *error);
    //! Loads a model written by save().
    static std::optional<IntentClassifier> load(const QString &path, QString *error);
    //! Writes the model to one file (atomically).
    bool save(const QString &path, QString *error) const;
    //! Version of the file save() writes (load() also reads older ones). Part of any cache key
    //! for saved models: a new version may change what the model says.
    static int formatVersion();

    //! Classifies at the default coverage threshold (TrainOptions::defaultCoverage).
    IntentPrediction predict(const QString &text) const;
    //! Classifies, abstaining below thresholdForCoverage(coverage).
    IntentPrediction predict(const QString &text, double coverage) const;

    //! Known intents, sorted.
    QStringList intents() const;
    //! Confidence threshold under which the model abstains so that about `coverage` (0..1] of
    //! in-domain messages are answered (estimated on held-out folds).
    double thresholdForCoverage(double coverage) const;
    //! Coverage predict(text) uses.
    double defaultCoverage() const;
    //! Number of training examples.
    int exampleCount() const;

private:
    explicit IntentClassifier(std::shared_ptr<const intent::IntentModel> model);
    std::shared_ptr<const intent::IntentModel> m_model;
};

//! Reads a labelled CSV (RFC 4180: quoted fields, "" escapes, multi-line fields, CRLF or LF) with a
//! header naming a `text` column and an `intent` or `category` column (other columns ignored).
//! Returns (text, intent) pairs, or nullopt with *error naming the line of the first malformed row.
std::optional<QList<QPair<QString, QString>>> readLabelledCsv(const QString &path, QString *error);

} // namespace tandem::server
