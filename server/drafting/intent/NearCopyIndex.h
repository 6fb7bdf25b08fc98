#pragma once

#include <QDataStream>

#include <cstdint>
#include <optional>
#include <vector>

namespace tandem::server::intent {

class TextFeaturizer;

//! The training messages' words and what the model said of each when it was held out, to
//! recognise a message the model was trained on. The model scores what it learned like no new
//! message, at the top of the scale whatever the wording; for such a message its held-out
//! confidence is the honest one: how clear the wording was to a model that had not seen it.
//!
//! A message is (nearly) a training message when the cosine of their idf-weighted sets of known
//! words reaches `similarity`. Words the model does not know, such as the names, order numbers and
//! amounts filled into a template, are left out.
class NearCopyIndex
{
public:
    //! One training message as the held-out folds saw it.
    struct Entry
    {
        std::vector<std::int32_t> words; //!< word-unigram features (TextFeaturizer::wordFeatures)
        double confidence = 0;           //!< held-out calibrated confidence
        int predicted = -1;              //!< held-out predicted class
    };
    //! What the folds said of the closest training message, about the class `predicted`.
    struct Match
    {
        double similarity = 0;
        //! Its held-out confidence, or when the folds chose another class, what they left over.
        double confidence = 0;
        double weight = 0; //!< the query's weight (sum of squared idf of its known words)
    };

    static NearCopyIndex build(const std::vector<Entry> &entries, const TextFeaturizer &featurizer,
                               double similarity);
    //! The training message most like `words` at or above similarity(), if any.
    std::optional<Match> find(const std::vector<std::int32_t> &words, int predicted,
                              const TextFeaturizer &featurizer) const;

    void write(QDataStream &out) const;
    bool read(QDataStream &in, int dimension);

private:
    //! Rebuilds the postings from m_words / m_wordStart.
    void index(int dimension);

    double m_similarity = 2;               //!< above 1: nothing is ever a copy
    std::vector<std::int32_t> m_wordStart; //!< per message: first of its words in m_words
    std::vector<std::int32_t> m_words;     //!< sorted unique known word features, message after message
    std::vector<float> m_norm;             //!< per message: L2 norm of its idf-weighted word set
    std::vector<float> m_confidence;
    std::vector<std::int32_t> m_predicted;
    // Postings (feature -> messages), rebuilt on load.
    std::vector<std::int32_t> m_postingStart;
    std::vector<std::int32_t> m_postings;
};

} // namespace tandem::server::intent
