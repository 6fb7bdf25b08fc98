#pragma once

#include "server/drafting/intent/SparseVector.h"

#include <QDataStream>
#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace tandem::server::intent {

//! Settings of the TF-IDF featurizer (persisted with the model).
struct FeaturizerOptions
{
    bool wordUnigrams = true;
    bool wordBigrams = true;
    int charMin = 2; //!< char_wb n-gram sizes, 0 to disable
    int charMax = 6;
    int minDf = 1;          //!< drop features seen in fewer training messages
    float wordWeight = 1.0; //!< weight of the word block before the final L2 normalisation
    float charWeight = 1.0;
    bool stem = true; //!< English Snowball stems for word features (char n-grams use surface forms)
};

//! Turns messages into L2-normalised TF-IDF vectors over hashed word uni/bigrams and
//! word-bounded character n-grams (sublinear tf, smoothed idf), with a vocabulary fitted on the
//! training messages. Features are 64-bit FNV-1a hashes mapped to dense indices, so no n-gram
//! strings are stored. fit() once, then vectorize() is const and thread-safe.
class TextFeaturizer
{
public:
    TextFeaturizer() = default;
    explicit TextFeaturizer(const FeaturizerOptions &options) : m_options(options) {}

    //! Builds vocabulary and idf from the training messages.
    void fit(const QStringList &texts);
    SparseVector vectorize(const QString &text) const;
    //! The vector a model that knows only the features marked in `known` (dimension() flags)
    //! would see: the others are left out before normalising, as vectorize() leaves out n-grams
    //! missing from the vocabulary. Held-out messages are scored this way during training.
    SparseVector vectorizeKnown(const QString &text, const std::vector<bool> &known) const;
    int dimension() const { return int(m_idf.size()); }
    //! The word-unigram feature of each token of text, -1 for words the vocabulary lacks.
    std::vector<std::int32_t> wordFeatures(const QString &text) const;
    //! Share of text's idf mass that lies on words for which known(feature) is false (unknown
    //! words count with the highest idf). 1 for text without words. Out-of-scope evidence.
    template <typename Known> double unknownShare(const std::vector<std::int32_t> &words, Known known) const
    {
        double knownMass = 0;
        double unknownMass = 0;
        for (const std::int32_t f : words) {
            if (f >= 0 && known(f))
                knownMass += m_idf[size_t(f)];
            else
                unknownMass += m_maxIdf;
        }
        return knownMass + unknownMass > 0 ? unknownMass / (knownMass + unknownMass) : 1.0;
    }
    //! Inverse document frequency of a feature (0 <= feature < dimension()).
    float idf(std::int32_t feature) const { return m_idf[size_t(feature)]; }
    const FeaturizerOptions &options() const { return m_options; }

    //! Normalised word tokens (lower case, digits folded to 0, apostrophes dropped).
    static QStringList tokenize(const QString &text);

    void write(QDataStream &out) const;
    bool read(QDataStream &in);

private:
    //! Raw hashed term counts of one message, split into word and char blocks.
    struct Terms
    {
        std::vector<std::uint64_t> word;
        std::vector<std::uint64_t> chars;
    };
    Terms extract(const QString &text) const;
    SparseVector vectorize(const QString &text, const std::vector<bool> *known) const;

    FeaturizerOptions m_options;
    QHash<std::uint64_t, std::int32_t> m_index;
    std::vector<float> m_idf;
    float m_maxIdf = 1;
};

} // namespace tandem::server::intent
