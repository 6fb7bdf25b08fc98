#include "SentimentAnalyzer.h"

#include "SentimentLexicon.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

constexpr int kNegationWindow = 3;      // a negator reaches this many words ahead
constexpr double kNegationScale = -0.7; // "not good" is milder than "bad"
constexpr double kCapsBoost = 0.3;
constexpr double kNormalisation = 15.0; // VADER's alpha: s / sqrt(s^2 + alpha)

struct Token
{
    QString word;         // lower case; "" for punctuation
    QChar punctuation;    // '.', '!', '?', ',', ';' for clause marks
    bool negated = false; // carried a negating clitic: "don't", "n'est"
    bool shouted = false; // written in capitals
};

std::vector<Token> tokenize(const QString &text)
{
    static const QRegularExpression re(u"[\\p{L}\\p{N}]+(?:['\\x{2019}][\\p{L}]+)*|[.!?,;]"_s,
                                       QRegularExpression::UseUnicodePropertiesOption);
    std::vector<Token> out;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QString raw = it.next().captured(0);
        Token t;
        if (raw.size() == 1 && !raw.at(0).isLetterOrNumber()) {
            t.punctuation = raw.at(0);
            out.push_back(t);
            continue;
        }
        t.shouted = raw.size() >= 3 && raw == raw.toUpper() && raw != raw.toLower();
        t.word = raw.toLower();
        t.word.replace(u'\x2019', u'\'');
        out.push_back(t);
    }
    return out;
}

double valenceOf(const SentimentLexicon &lex, const QString &word)
{
    if (const auto it = lex.words.constFind(word); it != lex.words.cend())
        return *it;
    for (const auto &[stem, valence] : lex.prefixes) {
        if (word.size() >= stem.size() && word.startsWith(stem))
            return valence;
    }
    return 0.0;
}

} // namespace

SentimentAnalyzer::Result SentimentAnalyzer::analyze(const QString &text, const QString &language)
{
    const SentimentLexicon &lex = SentimentLexicon::forLanguage(language);
    const SentimentLexicon &english = SentimentLexicon::forLanguage(u"en"_s);
    std::vector<Token> tokens = tokenize(text);

    // Clitics: "don't"/"isn't" negate what follows; French "n'est" is "ne est".
    for (Token &t : tokens) {
        if (t.word.endsWith(u"n't"_s)) {
            t.negated = true;
        } else if (t.word.startsWith(u"n'"_s)) {
            t.negated = true;
            t.word = t.word.mid(2);
        } else if (t.word.size() > 2 && t.word.at(1) == u'\'') {
            t.word = t.word.mid(2); // j'ai, l'app, d'un
        }
    }

    double sum = 0.0;
    int exclamations = 0;
    qsizetype contrastAt = -1;
    std::vector<double> contributions(tokens.size(), 0.0);
    for (size_t i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        if (t.word.isEmpty()) {
            if (t.punctuation == u'!')
                ++exclamations;
            continue;
        }
        if (lex.contrast.contains(t.word) || english.contrast.contains(t.word))
            contrastAt = qsizetype(i);

        // Phrases first ("doesn't work", "fungerar inte"): they carry their own negation.
        bool matchedPhrase = false;
        for (int n = lex.longestPhrase; n >= 2 && !matchedPhrase; --n) {
            if (i + size_t(n) > tokens.size())
                continue;
            QStringList parts;
            for (int k = 0; k < n; ++k)
                parts.append(tokens[i + size_t(k)].word);
            const auto it = lex.phrases.constFind(parts.join(u' '));
            if (it != lex.phrases.cend()) {
                contributions[i] = *it;
                i += size_t(n) - 1;
                matchedPhrase = true;
            }
        }
        if (matchedPhrase)
            continue;

        double v = valenceOf(lex, t.word);
        if (v == 0.0 && &lex != &english)
            v = valenceOf(english, t.word); // customers mix in English ("super", "sorry")
        if (v == 0.0)
            continue;
        if (t.shouted)
            v += v > 0 ? kCapsBoost : -kCapsBoost;

        // Look back within the clause for intensifiers and negators.
        bool negated = t.negated;
        double scale = 1.0;
        for (int back = 1; back <= kNegationWindow && qsizetype(i) - back >= 0; ++back) {
            const Token &p = tokens[i - size_t(back)];
            if (p.word.isEmpty())
                break; // clause boundary
            if (p.negated || lex.negators.contains(p.word))
                negated = true;
            if (back <= 2) {
                const double b = lex.boosters.value(p.word, english.boosters.value(p.word, 0.0));
                scale += b;
            }
        }
        // sv/de/nl put the negation after the verb: "det hjälper inte", "das hilft nicht", "dat helpt niet".
        if (!negated && (language == u"sv" || language == u"de" || language == u"nl") &&
            i + 1 < tokens.size() && lex.negators.contains(tokens[i + 1].word))
            negated = true;
        v *= std::max(0.2, scale);
        if (negated)
            v *= kNegationScale;
        contributions[i] = v;
    }

    for (size_t i = 0; i < contributions.size(); ++i) {
        double c = contributions[i];
        if (contrastAt >= 0)
            c *= qsizetype(i) < contrastAt ? 0.5 : 1.5;
        sum += c;
    }
    if (sum != 0.0)
        sum += (sum > 0 ? 0.3 : -0.3) * std::min(exclamations, 3);

    Result r;
    r.score = sum / std::sqrt(sum * sum + kNormalisation);
    r.label =
        r.score >= kPositiveAt ? u"positive"_s : (r.score <= kNegativeAt ? u"negative"_s : u"neutral"_s);
    return r;
}

} // namespace tandem::server
