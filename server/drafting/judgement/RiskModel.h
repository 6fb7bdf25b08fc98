#pragma once

#include "SignalLexicon.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tandem::server::judgement {

//! The second layer of the crisis judgement: which risk concepts a message touches (dying,
//! ending it all, despair, being a burden, farewell, means, self-harm, violence, fear, an
//! aggressor, an emergency, a threat by the writer, being alone; plus the five indirect cue kinds
//! of the phrase layer), and how likely those together mean that a life or someone's safety is at
//! risk. Each concept is a broad multilingual word list (lexicon-concepts-*.json); alone none
//! decides anything ("my father died" touches dying). A logistic model over every pair of them
//! (and the phrase layer's cue kinds alone), with weights that can only raise the risk, plus two
//! contexts that can only lower it, alone or with any signal (a relative's death and its
//! paperwork, a move abroad), was trained on the labelled judgement
//! suites and corpora of routine requests (`tandemd eval risk --out`), and says crisis at or
//! above its threshold.
class RiskModel
{
public:
    //! The lexicon signals the model reads, in feature order.
    static const QStringList &signalNames();

    //! What a message touches: one flag per signalNames() entry, and the phrase that showed it.
    struct Reading
    {
        std::vector<bool> present;
        QStringList phrases;                          //!< empty where not present
        QList<std::pair<qsizetype, qsizetype>> spans; //!< where each phrase is in the text
    };
    //! \a language is the message's (LanguageDetector::decide); empty when unknown. A lone short
    //! word of another language's list ("nar", Maltese fire, in Swedish "nar" = when) is no sign
    //! in a message long enough for its language to be known (isForeignWord()).
    static Reading read(const SignalLexicon &lexicon, const PrefilterText &text,
                        const QString &language = {});
    //! Whether \a hit, found in a message in \a language, is a short single word of a pattern list
    //! of another language (not "any", not a close neighbour, not English unless very short).
    static bool isForeignWord(const SignalLexicon::Hit &hit, const QString &language);
    //! Up to these letters a single word of another language's list is taken for a collision.
    static constexpr qsizetype kForeignWordMaxChars = 6;
    //! Up to these letters even an English word is one (English counts in any language otherwise).
    static constexpr qsizetype kForeignEnglishMaxChars = 4;
    //! From this length on a message's language is known well enough to set such words aside.
    static constexpr qsizetype kForeignWordMinText = 80;

    //! Feature values: one per risk signal, one per pair (a, b) of them with a < b, one per context
    //! signal, one per context and risk signal together, and three counts (two concepts about the
    //! writer's own life, two about harm from someone, three of any kind).
    static std::vector<double> features(const std::vector<bool> &present);
    static QStringList featureNames();
    //! Whether feature \a feature is context: its weight is never positive (a concept's never negative).
    static bool mayLower(int feature);

    //! The model built in as :/drafting/judgement/risk-model.json (an invalid one disables the layer).
    static const RiskModel &builtIn();
    static std::optional<RiskModel> fromJson(const QByteArray &json, QString *error);
    QByteArray toJson() const;

    //! Fits weights (non-negative: a concept may only raise the risk) and picks the threshold that
    //! minimises missCost · missed crises + false alarms of the model on its own (the phrase layer
    //! was tuned on the same suites, so what it leaves over says little about new messages).
    static RiskModel train(const std::vector<std::vector<bool>> &rows, const std::vector<bool> &isCrisis,
                           double l2, double missCost);

    bool isValid() const { return !m_weights.empty(); }
    double probability(const std::vector<bool> &present) const;
    double threshold() const { return m_threshold; }
    bool saysCrisis(const std::vector<bool> &present) const
    {
        return isValid() && probability(present) >= m_threshold;
    }
    //! Human-readable concept name of signal \a index ("dying", "ending it all"...).
    static QString conceptLabel(int index);
    //! Whether signal \a index is context (it lowers the risk; not evidence of it).
    static bool isContext(int index);
    //! Whether the concept at \a index is a sign of risk on its own (a person who may harm is
    //! one only beside another sign: "my husband", "a police officer").
    static bool isSignAlone(int index);
    //! Whether the only risk concepts present are those an estate question has too (dying, a
    //! farewell such as a will, a person, being alone, affairs put in order).
    static bool onlyEstateSigns(const std::vector<bool> &present);
    //! Whether the only risk concepts present are circumstances a vulnerable customer names too
    //! (being alone, an illness named like an emergency, fear, a person), or none.
    static bool onlyCircumstances(const std::vector<bool> &present);

private:
    //! Whether every risk sign present (contexts aside) is one of \a allowed.
    static bool onlyAmong(const std::vector<bool> &present, const QStringList &allowed);

    std::vector<double> m_weights; //!< per featureNames() entry
    double m_bias = 0;
    double m_threshold = 1.0;
};

} // namespace tandem::server::judgement
