#include "RiskTextModel.h"

#include "core/Logging.h"
#include "core/ReasonCodes.h"
#include "server/drafting/intent/LinearModel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {

//! 64-bit FNV-1a of a kind tag and UTF-16 code units: stable across builds and platforms.
class Fnv
{
public:
    explicit Fnv(char kind) { add(char16_t(kind)); }
    void add(char16_t unit)
    {
        m_hash ^= std::uint64_t(unit & 0xff);
        m_hash *= kPrime;
        m_hash ^= std::uint64_t(unit >> 8);
        m_hash *= kPrime;
    }
    void add(QStringView text)
    {
        for (const QChar c : text)
            add(c.unicode());
    }
    std::uint64_t value() const { return m_hash; }

private:
    static constexpr std::uint64_t kPrime = 1099511628211ULL;
    std::uint64_t m_hash = 14695981039346656037ULL;
};

constexpr int kCharMin = 3;
constexpr int kCharMax = 5;
//! Longer runs of letters (a script without spaces) still give n-grams, but no word feature.
constexpr qsizetype kMaxWord = 24;

double sigmoid(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

//! Scripts written without spaces whose characters are words or syllables of their own (Chinese,
//! Japanese): one or two characters already carry a meaning ("倒在", "没反应").
bool ideographic(QChar c)
{
    const QChar::Script s = c.script();
    return s == QChar::Script_Han || s == QChar::Script_Hiragana || s == QChar::Script_Katakana;
}

//! Calls \a use with the hash of each character n-gram of \a word bounded by spaces (from one
//! character on in an ideographic script).
template <typename Use> void forEachCharGram(const QString &word, Use use)
{
    const QString padded = u' ' + word + u' ';
    const bool ideographs = std::any_of(word.cbegin(), word.cend(), ideographic);
    for (int n = ideographs ? 1 : kCharMin; n <= kCharMax; ++n) {
        for (qsizetype i = 0; i + n <= padded.size(); ++i) {
            if (n < kCharMin && QStringView(padded).mid(i, n).trimmed().size() < n)
                continue; // a space is no gram of its own
            Fnv gram('c');
            gram.add(QStringView(padded).mid(i, n));
            use(gram.value());
        }
    }
}

} // namespace

QStringList RiskTextModel::words(const QString &judged)
{
    QStringList out;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= judged.size(); ++i) {
        const bool letter = i < judged.size() && (judged.at(i).isLetterOrNumber() || judged.at(i).isMark());
        if (letter && start < 0)
            start = i;
        if (!letter && start >= 0) {
            out.append(judged.mid(start, i - start));
            start = -1;
        }
    }
    return out;
}

std::vector<RiskTextModel::Feature> RiskTextModel::features(const QString &judged)
{
    std::vector<std::uint64_t> hashes;
    const QStringList words = RiskTextModel::words(judged);
    hashes.reserve(size_t(judged.size()) * 3 + size_t(words.size()) * 2);
    for (qsizetype w = 0; w < words.size(); ++w) {
        const QString &word = words.at(w);
        if (word.size() <= kMaxWord) {
            Fnv unigram('w');
            unigram.add(word);
            hashes.push_back(unigram.value());
            if (w + 1 < words.size() && words.at(w + 1).size() <= kMaxWord) {
                Fnv bigram('b');
                bigram.add(word);
                bigram.add(u' ');
                bigram.add(words.at(w + 1));
                hashes.push_back(bigram.value());
            }
        }
        forEachCharGram(word, [&hashes](std::uint64_t h) { hashes.push_back(h); });
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    std::vector<Feature> out;
    out.reserve(hashes.size());
    const float value = hashes.empty() ? 0.0f : float(1.0 / std::sqrt(double(hashes.size())));
    for (const std::uint64_t h : hashes)
        out.push_back({h, value});
    return out;
}

double RiskTextModel::probability(const std::vector<Feature> &features) const
{
    double score = m_bias;
    for (const Feature &f : features) {
        if (const auto it = m_weights.constFind(f.hash); it != m_weights.cend())
            score += double(*it) * double(f.value);
    }
    return sigmoid(score);
}

QStringList RiskTextModel::strongestWords(const QString &judged, int count) const
{
    QList<std::pair<double, QString>> weighed;
    for (const QString &word : words(judged)) {
        // Two letters say nothing to a reader ("le", "he"); a long run is a script without spaces.
        if (word.size() < 3 || word.size() > kMaxWord || m_common.contains(word) ||
            std::any_of(weighed.cbegin(), weighed.cend(), [&](const auto &w) { return w.second == word; }))
            continue;
        Fnv unigram('w');
        unigram.add(word);
        double weight = double(m_weights.value(unigram.value()));
        forEachCharGram(word, [&](std::uint64_t h) { weight += double(m_weights.value(h)); });
        if (weight > 0)
            weighed.append({weight, word});
    }
    std::stable_sort(weighed.begin(), weighed.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    // Words far below the strongest say little ("and", "this"): only those within a quarter of it.
    QStringList out;
    for (qsizetype i = 0; i < weighed.size() && i < count && weighed.at(i).first >= weighed.first().first / 4;
         ++i)
        out.append(weighed.at(i).second);
    return out;
}

void RiskTextModel::setCommonWords(const QStringList &words)
{
    m_common = QSet<QString>(words.cbegin(), words.cend());
}

QStringList RiskTextModel::commonWords(const QStringList &judgedTexts, const QStringList &languages,
                                       double share, int minMessages, int max, int minCount)
{
    QHash<QString, int> messages;               // language -> messages
    QHash<QString, QHash<QString, int>> inMany; // language -> word -> messages it is in
    for (qsizetype i = 0; i < judgedTexts.size() && i < languages.size(); ++i) {
        ++messages[languages.at(i)];
        const QStringList w = words(judgedTexts.at(i));
        QHash<QString, int> &counts = inMany[languages.at(i)];
        for (const QString &word : QSet<QString>(w.cbegin(), w.cend()))
            ++counts[word];
    }
    QHash<QString, double> common; // word -> the highest share in any language
    for (auto lang = inMany.cbegin(); lang != inMany.cend(); ++lang) {
        const int n = messages.value(lang.key());
        if (n < minMessages)
            continue;
        for (auto it = lang->cbegin(); it != lang->cend(); ++it) {
            const double s = double(it.value()) / n;
            if (it.value() >= minCount && s >= share && s > common.value(it.key()))
                common.insert(it.key(), s);
        }
    }
    QList<std::pair<double, QString>> ranked;
    for (auto it = common.cbegin(); it != common.cend(); ++it)
        ranked.append({it.value(), it.key()});
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QStringList out;
    for (qsizetype i = 0; i < ranked.size() && i < max; ++i)
        out.append(ranked.at(i).second);
    std::sort(out.begin(), out.end()); // a stable file
    return out;
}

RiskTextModel RiskTextModel::train(const std::vector<std::vector<Feature>> &texts,
                                   const std::vector<bool> &isCrisis, const TrainOptions &options,
                                   const QStringList &languages)
{
    // Dense indices for the n-grams seen, in first-seen order (deterministic for the same data).
    std::unordered_map<std::uint64_t, std::int32_t> index;
    std::vector<std::uint64_t> hashOf;
    std::vector<intent::SparseVector> rows;
    rows.reserve(texts.size());
    for (const std::vector<Feature> &text : texts) {
        intent::SparseVector v;
        v.reserve(text.size());
        for (const Feature &f : text) {
            auto [it, added] = index.try_emplace(f.hash, std::int32_t(hashOf.size()));
            if (added)
                hashOf.push_back(f.hash);
            v.push_back({it->second, f.value});
        }
        std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) { return a.index < b.index; });
        rows.push_back(std::move(v));
    }
    // A crisis counts crisisWeight times (LIBLINEAR's class weights, by repetition); a language
    // short of ordinary messages has them repeated up to languageBalance times its crises.
    std::vector<int> labels(texts.size());
    std::vector<int> selected;
    const int repeats = std::max(1, int(std::lround(options.crisisWeight)));
    QHash<QString, std::pair<int, int>> perLanguage; // crises, others
    const bool balance = options.languageBalance > 0 && languages.size() == qsizetype(texts.size());
    if (balance) {
        for (size_t i = 0; i < texts.size(); ++i) {
            auto &[crises, others] = perLanguage[languages.at(qsizetype(i))];
            ++(isCrisis[i] ? crises : others);
        }
    }
    constexpr int kMaxBalanceRepeats = 20;
    for (size_t i = 0; i < texts.size(); ++i) {
        labels[i] = isCrisis[i] ? 1 : 0;
        int times = isCrisis[i] ? repeats : 1;
        if (balance && !isCrisis[i]) {
            const auto [crises, others] = perLanguage.value(languages.at(qsizetype(i)));
            const double wanted = options.languageBalance * repeats * crises;
            times = std::clamp(int(std::lround(wanted / std::max(1, others))), 1, kMaxBalanceRepeats);
        }
        for (int r = 0; r < times; ++r)
            selected.push_back(int(i));
    }
    intent::LinearOptions linear;
    linear.solver = options.l1 ? 6 : 0; // L1R_LR: sparse weights, most n-grams drop out; L2R_LR
    linear.C = options.C;
    linear.eps = 0.01;
    const intent::LinearModel fitted =
        intent::LinearModel::train(rows, labels, selected, 2, int(hashOf.size()), linear);
    RiskTextModel model;
    if (fitted.classes() != 2)
        return model;
    std::vector<std::pair<float, std::uint64_t>> kept;
    for (size_t f = 0; f < hashOf.size(); ++f) {
        if (const float w = fitted.weight(int(f), 1); w != 0.0f)
            kept.push_back({w, hashOf[f]});
    }
    if (options.maxWeights > 0 && kept.size() > size_t(options.maxWeights)) {
        std::nth_element(kept.begin(), kept.begin() + options.maxWeights, kept.end(),
                         [](const auto &a, const auto &b) { return std::abs(a.first) > std::abs(b.first); });
        kept.resize(size_t(options.maxWeights));
    }
    for (const auto &[w, hash] : kept)
        model.m_weights.insert(hash, w);
    model.m_bias = double(fitted.weight(int(hashOf.size()), 1)) * double(fitted.biasValue());
    model.m_threshold = options.threshold;
    model.m_aloneThreshold = options.aloneThreshold;
    model.m_code = options.code;
    return model;
}

const RiskTextModel &RiskTextModel::builtIn()
{
    static const RiskTextModel model = [] {
        QString error;
        if (auto parsed = fromData(u"risk-text-model.json"_s, &error); parsed && parsed->code() == u"crisis")
            return std::move(*parsed);
        // The phrase and concept layers still decide; only a broken build gets here.
        tandem::logging::get("draft")->critical("risk text model unusable: {}", error.toStdString());
        return RiskTextModel{};
    }();
    return model;
}

std::optional<RiskTextModel> RiskTextModel::fromData(const QString &fileName, QString *error)
{
    const QString dir = qEnvironmentVariable("TANDEM_JUDGEMENT_LEXICON_DIR");
    QFile file((dir.isEmpty() ? u":/drafting/judgement"_s : dir) + u'/' + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1 is missing"_s.arg(fileName);
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

std::optional<RiskTextModel> RiskTextModel::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(json, &parseError).object();
    if (o.isEmpty()) {
        *error = parseError.errorString();
        return std::nullopt;
    }
    const QJsonValue bias = o.value(u"bias"_s);
    const QJsonValue threshold = o.value(u"threshold"_s);
    const QJsonValue alone = o.value(u"threshold_alone"_s);
    const QJsonObject weights = o.value(u"weights"_s).toObject();
    if (!bias.isDouble() || !threshold.isDouble() || !alone.isDouble() || weights.isEmpty()) {
        *error = u"weights, bias or thresholds missing"_s;
        return std::nullopt;
    }
    // Written before the other codes had models: a crisis model.
    const QString code = o.value(u"code"_s).toString(u"crisis"_s);
    if (!reason::isKnown(code)) {
        *error = u"%1 is not a reason code"_s.arg(code);
        return std::nullopt;
    }
    RiskTextModel model;
    model.m_code = code;
    QStringList common;
    for (const QJsonValue &w : o.value(u"common_words"_s).toArray())
        common.append(w.toString());
    model.setCommonWords(common);
    model.m_bias = bias.toDouble();
    model.m_threshold = threshold.toDouble();
    model.m_aloneThreshold = alone.toDouble();
    model.m_weights.reserve(weights.size());
    for (auto it = weights.constBegin(); it != weights.constEnd(); ++it) {
        bool ok = false;
        const std::uint64_t hash = it.key().toULongLong(&ok, 16);
        if (!ok || !it.value().isDouble()) {
            *error = u"weight %1 is not a hexadecimal n-gram hash with a number"_s.arg(it.key());
            return std::nullopt;
        }
        model.m_weights.insert(hash, float(it.value().toDouble()));
    }
    return model;
}

QByteArray RiskTextModel::toJson() const
{
    QJsonObject weights;
    for (auto it = m_weights.constBegin(); it != m_weights.constEnd(); ++it)
        weights.insert(QString::number(it.key(), 16), std::round(double(it.value()) * 1e5) / 1e5);
    const QJsonObject o{
        {u"comment"_s,
         u"Text model of the judgement for one reason code (server/drafting/judgement/RiskTextModel): "
         u"logistic "
         u"weights over hashed word and character n-grams, written by `tandemd eval risk --text-out`; do not "
         u"edit by hand."_s},
        {u"code"_s, m_code},
        {u"common_words"_s,
         [this] {
             QStringList sorted(m_common.cbegin(), m_common.cend());
             sorted.sort();
             return QJsonArray::fromStringList(sorted);
         }()},
        {u"bias"_s, m_bias},
        {u"threshold"_s, m_threshold},
        {u"threshold_alone"_s, m_aloneThreshold},
        {u"weights"_s, weights},
    };
    // Compact: tens of thousands of weights.
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace tandem::server::judgement
