#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace tandem::server::judgement {

//! The third layer of the crisis judgement: how much a whole message sounds like the crises of the
//! labelled suites and training sets, read as words, word pairs and character n-grams (so that an
//! inflected or misspelt form, or a language without spaces, still shares pieces with what was
//! seen). A logistic model (L2, LIBLINEAR; the largest weights kept) over hashed n-grams of the judged text
//! (folded, not-literal wording blanked), trained by `tandemd eval risk --text-out` on the suites, the crisis
//! training sets (tests/judgement/train/) and corpora of routine requests. It sees what the phrase and
//! concept layers were never written for. Two thresholds: a lower one where the concept layer read at least
//! one risk sign, a higher one for the message alone (an emergency told in words no list has). Both were
//! chosen on the training sets left out in turn (docs/drafting.md).
class RiskTextModel
{
public:
    //! One hashed n-gram of a message and its value (binary presence, L2-normalised).
    struct Feature
    {
        std::uint64_t hash = 0;
        float value = 0;
    };
    //! The n-grams of \a judged (the folded, blanked text): word unigrams and bigrams and
    //! word-bounded character 3- to 5-grams, each once, sorted by hash.
    static std::vector<Feature> features(const QString &judged);

    //! The model built in as :/drafting/judgement/risk-text-model.json (a missing or invalid one
    //! disables the layer).
    static const RiskTextModel &builtIn();
    static std::optional<RiskTextModel> fromJson(const QByteArray &json, QString *error);
    //! \a fileName read from the judgement's data: the built-in resources, or the directory
    //! TANDEM_JUDGEMENT_LEXICON_DIR names (measured from a source tree, like the lexicon).
    static std::optional<RiskTextModel> fromData(const QString &fileName, QString *error);
    QByteArray toJson() const;

    struct TrainOptions
    {
        double C = 1.0;              //!< inverse regularisation strength
        bool l1 = false;             //!< L1 (sparse) or L2 logistic regression
        int maxWeights = 0;          //!< keep only the n-grams with the largest weights (0: all)
        double crisisWeight = 3.0;   //!< a crisis example counts this many times
        double threshold = 0.5;      //!< probability at or above which it says crisis, with a risk sign
        double aloneThreshold = 0.8; //!< the same without one
        //! Where a language's ordinary messages weigh less than this many times its crises
        //! (crisisWeight included), they are repeated up to it: no language may look like a
        //! crisis because the training sets have more crises than ordinary messages in it. 0: off.
        double languageBalance = 0;
        //! The reason code the model says (core/ReasonCodes.h): crisis, or another code taught
        //! the same way (ReasonTextModels).
        QString code = QStringLiteral("crisis");
    };
    //! Fits the weights on \a texts (judged texts) labelled \a isCrisis, written in \a languages
    //! (one per text, or empty: no balancing).
    static RiskTextModel train(const std::vector<std::vector<Feature>> &texts,
                               const std::vector<bool> &isCrisis, const TrainOptions &options,
                               const QStringList &languages = {});

    bool isValid() const { return !m_weights.isEmpty(); }
    //! The reason code it says: "crisis" for the built-in model.
    const QString &code() const { return m_code; }
    double probability(const std::vector<Feature> &features) const;
    double probability(const QString &judged) const { return probability(features(judged)); }
    double threshold() const { return m_threshold; }
    double aloneThreshold() const { return m_aloneThreshold; }
    //! Whether \a judged reads as its code; \a withSign: another layer read a sign of it (for
    //! crisis: the concept layer read a risk sign).
    bool says(const std::vector<Feature> &features, bool withSign) const
    {
        return isValid() && probability(features) >= (withSign ? m_threshold : m_aloneThreshold);
    }
    bool says(const QString &judged, bool withSign) const { return says(features(judged), withSign); }
    qsizetype size() const { return m_weights.size(); }
    //! Words too common in ordinary messages of their language to tell a person anything ("sorry",
    //! "niet", "plus"), found at training time (commonWords()): never named as the reason.
    void setCommonWords(const QStringList &words);
    qsizetype commonWordCount() const { return m_common.size(); }
    //! The words that appear in at least \a share of the messages of their language, and in at least
    //! \a minCount of them (languages with at least \a minMessages messages), each text given as
    //! judged; at most \a max, the most common first. Sorted.
    static QStringList commonWords(const QStringList &judgedTexts, const QStringList &languages,
                                   double share = 0.03, int minMessages = 100, int max = 3000,
                                   int minCount = 5);
    //! The words of \a judged that weigh most towards its code (their own weight and their
    //! n-grams'), strongest first, at most \a count: what a person is shown as the reason.
    QStringList strongestWords(const QString &judged, int count) const;

    //! The words of \a judged, in order (runs of letters, digits and marks).
    static QStringList words(const QString &judged);

private:
    QHash<std::uint64_t, float> m_weights; //!< only the n-grams with a non-zero weight
    double m_bias = 0;
    double m_threshold = 1.0;
    double m_aloneThreshold = 1.0;
    QString m_code = QStringLiteral("crisis");
    QSet<QString> m_common;
};

} // namespace tandem::server::judgement
