#pragma once

#include "PatternIndex.h"
#include "PatternNeeds.h"
#include "PatternPrefilter.h"

#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace tandem::server::judgement {

//! The multilingual phrase patterns behind the judgement signals (crisis, vulnerable, fraud,
//! legal, complaint, human_request, repeat_claim, manipulation, greeting_only), read from a
//! JSON file (lexicon.json, built in as :/drafting/judgement/lexicon.json). Every signal's
//! patterns of every language are tried on every message: language detection is unreliable on
//! short and code-switched text, and a crisis must be seen whatever language it is written in.
//! Text is matched after fold() (lower case, no diacritics).
class SignalLexicon
{
public:
    //! When the patterns are compiled. Qt 6 JIT-compiles a pattern whenever it compiles it: for
    //! the ~8,000 built-in patterns that is ~3 s of CPU and ~300 MB, most of it for patterns
    //! the prefilter never lets a message reach. The built-in lexicon compiles each pattern on
    //! its first match; tests and tools check every pattern up front (Compile::Now).
    enum class Compile
    {
        Now,
        OnFirstUse
    };

    //! The built-in lexicon (parsed once per process; thread-safe; patterns compiled on first use).
    static const SignalLexicon &builtIn();
    static std::optional<SignalLexicon> fromJson(const QByteArray &json, QString *error);
    //! Several documents of the same shape merged: each signal's patterns per language, in order.
    //! With Compile::Now an invalid pattern fails the whole load with its signal, language and
    //! error; with OnFirstUse it is not compiled (nor seen) until a message reaches it.
    static std::optional<SignalLexicon> fromJson(const QList<QByteArray> &documents, QString *error,
                                                 Compile compile = Compile::Now);
    //! The built-in documents, in load order (lexicon.json first), for a check of every pattern.
    static QList<QByteArray> builtInDocuments(QString *error);

    //! The first phrase of \a signal found in \a folded text; empty when none. greeting_only
    //! must match the whole message (see isGreetingOnly()).
    QString find(QStringView signal, const QString &folded) const;
    //! The same for a message prepared once for all signals (cheaper with several signals).
    QString find(QStringView signal, const PrefilterText &text) const;
    //! One phrase found, and where.
    struct Hit
    {
        QString phrase;
        qsizetype start = 0;
        qsizetype end = 0; //!< one past the last character
        QString language;  //!< the key of the pattern's language in the lexicon ("sv", "hi-Latn", "any")
    };
    //! Every place \a signal matches, one per pattern that matches, overlapping hits merged: two
    //! hits are two different phrases of the text.
    //! Stops once \a enough different phrases are found (0: find them all).
    QList<Hit> findAll(QStringView signal, const PrefilterText &text, qsizetype enough = 0) const;
    bool has(QStringView signal, const QString &folded) const { return !find(signal, folded).isEmpty(); }
    //! \a folded with every match of every pattern of \a signal replaced by spaces (same length):
    //! how wording that is not meant literally ("dead tired", "not stolen") is kept from the others.
    QString blanked(QStringView signal, const QString &folded) const;
    //! Where blanked() blanks: [start, end) ranges of \a folded, in pattern order (may overlap).
    QList<std::pair<qsizetype, qsizetype>> spans(QStringView signal, const QString &folded) const;
    //! The same for a message prepared once for all signals.
    QList<std::pair<qsizetype, qsizetype>> spans(QStringView signal, const PrefilterText &text) const;
    //! find() trying every pattern, for the tests that prove the prefilter loses nothing.
    QString findWithoutPrefilter(QStringView signal, const QString &folded) const;
    //! The patterns of \a signal that run on every message (no literal opening), for the benchmark.
    QList<QRegularExpression> unfiltered(QStringView signal) const;
    //! Every pattern of \a signal, for the benchmark.
    QList<QRegularExpression> patterns(QStringView signal) const;
    //! True when the whole message is a greeting, a test or filler ("hello", "??", "anyone there").
    bool isGreetingOnly(const QString &folded) const;

    QStringList signalNames() const { return m_signals.keys(); }
    //! Languages with patterns for \a signal.
    QStringList languages(QStringView signal) const { return m_languages.value(signal.toString()); }
    int patternCount(QStringView signal) const { return m_counts.value(signal.toString()); }
    //! Compiles every pattern not compiled yet (thread-safe: a match racing it waits only for the
    //! pattern both need). Run once on a pool thread after a lazy load, so that the first drafts
    //! do not each pay for the patterns they reach first.
    void compileAll() const;

private:
    struct Pattern
    {
        QRegularExpression re; //!< the pattern without the opening PatternOpening takes off
        //! What the text must contain first, and all it needs per top-level alternative
        //! (PatternPrefilter::analyse, analyseBranches): kept until PatternNeeds holds them.
        std::optional<QList<PatternPrefilter::Need>> needs;
        std::optional<QList<PatternPrefilter::Branch>> branches;
        bool filtered = false;                   //!< false: it runs on every text
        std::optional<QRegularExpression> guard; //!< checked, anchored, where re matched
        int reach = 0;                           //!< how far back to the clause start, at most
        QString stops;                           //!< what ends the clause going back
        QString language;                        //!< its language key in the lexicon
    };
    //! The first match of \a p in \a text at or after \a from, as the whole written pattern
    //! would find it (PatternOpening); nullopt when none.
    static std::optional<std::pair<qsizetype, qsizetype>> next(const Pattern &p, const QString &text,
                                                               qsizetype from);
    // Each pattern compiled on its own (PCRE2 limits the size of one expression) and run only on
    // messages that may hold what it needs (PatternIndex, then PatternNeeds).
    struct Signal
    {
        QList<Pattern> patterns;
        quint32 base = 0; //!< the number of its first pattern in the lexicon
    };
    QHash<QString, Signal> m_signals;
    PatternIndex m_index;
    PatternNeeds m_needs;
    //! Calls \a onPattern(i) for each pattern i of \a signal that may match \a text (the index's
    //! candidates that pass PatternNeeds::mayMatch), in pattern order, until it returns false.
    template <typename OnPattern>
    void forEachReachable(const Signal &signal, const PrefilterText &text, OnPattern onPattern) const;
    //! The patterns of \a signal (none when it has none), without copying them.
    const QList<Pattern> &patternsOf(QStringView signal) const;
    QHash<QString, QStringList> m_languages;
    QHash<QString, int> m_counts;
    QList<QRegularExpression> m_greeting;
};

} // namespace tandem::server::judgement
