#include "server/drafting/intent/TextFeaturizer.h"

#include <libstemmer.h>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace tandem::server::intent {

namespace {

constexpr std::uint64_t FnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t FnvPrime = 1099511628211ULL;

// Kind tags keep a word and a char n-gram with the same characters apart.
enum : char16_t
{
    WordTag = 1,
    BigramTag = 2,
    CharTag = 3
};

std::uint64_t fnv(std::uint64_t h, QStringView s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        h = (h ^ (u & 0xFF)) * FnvPrime;
        h = (h ^ (u >> 8)) * FnvPrime;
    }
    return h;
}

std::uint64_t fnvTag(char16_t tag)
{
    return (FnvOffset ^ tag) * FnvPrime;
}

//! One Snowball stemmer per thread: sb_stemmer keeps per-call state.
QString stem(const QString &word)
{
    struct Deleter
    {
        void operator()(sb_stemmer *s) const { sb_stemmer_delete(s); }
    };
    thread_local std::unique_ptr<sb_stemmer, Deleter> stemmer(sb_stemmer_new("english", "UTF_8"));
    if (!stemmer)
        return word;
    const QByteArray utf8 = word.toUtf8();
    const sb_symbol *out = sb_stemmer_stem(
        stemmer.get(), reinterpret_cast<const sb_symbol *>(utf8.constData()), int(utf8.size()));
    if (!out)
        return word;
    return QString::fromUtf8(reinterpret_cast<const char *>(out), sb_stemmer_length(stemmer.get()));
}

//! Sublinear tf-idf over sorted hashes, L2-normalised, scaled by `weight`.
//! Terms outside `index`, or not marked in `known` (when given), are left out before normalising.
void appendBlock(std::vector<std::uint64_t> &terms, const QHash<std::uint64_t, std::int32_t> &index,
                 const std::vector<float> &idf, float weight, const std::vector<bool> *known,
                 SparseVector *out)
{
    std::sort(terms.begin(), terms.end());
    const size_t start = out->size();
    double norm = 0;
    for (size_t i = 0; i < terms.size();) {
        size_t j = i;
        while (j < terms.size() && terms[j] == terms[i])
            ++j;
        const auto it = index.constFind(terms[i]);
        if (it != index.constEnd() && (!known || (*known)[size_t(*it)])) {
            const float v = float((1.0 + std::log(double(j - i))) * idf[size_t(*it)]);
            out->push_back({*it, v});
            norm += double(v) * v;
        }
        i = j;
    }
    if (norm <= 0)
        return;
    const float scale = float(weight / std::sqrt(norm));
    for (size_t k = start; k < out->size(); ++k)
        (*out)[k].value *= scale;
}

} // namespace

QStringList TextFeaturizer::tokenize(const QString &text)
{
    QStringList tokens;
    QString current;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            current += c.isDigit() ? u'0' : c.toLower();
        } else if (c == u'\'' || c == QChar(0x2019)) {
            // "what's" -> "whats", "don't" -> "dont"
        } else if (!current.isEmpty()) {
            tokens.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        tokens.append(current);
    return tokens;
}

TextFeaturizer::Terms TextFeaturizer::extract(const QString &text) const
{
    Terms terms;
    const QStringList tokens = tokenize(text);
    QStringList stems;
    stems.reserve(tokens.size());
    for (const QString &t : tokens)
        stems.append(m_options.stem ? stem(t) : t);
    if (m_options.wordUnigrams) {
        for (const QString &s : stems)
            terms.word.push_back(fnv(fnvTag(WordTag), s));
    }
    if (m_options.wordBigrams) {
        for (qsizetype i = 1; i < stems.size(); ++i)
            terms.word.push_back(fnv(fnv(fnv(fnvTag(BigramTag), stems[i - 1]), u" "), stems[i]));
    }
    if (m_options.charMin > 0) {
        for (const QString &t : tokens) {
            const QString padded = u' ' + t + u' ';
            const qsizetype length = padded.size();
            for (int n = m_options.charMin; n <= m_options.charMax; ++n) {
                if (length < n)
                    break;
                for (qsizetype p = 0; p + n <= length; ++p)
                    terms.chars.push_back(fnv(fnvTag(CharTag), QStringView(padded).mid(p, n)));
            }
        }
    }
    return terms;
}

void TextFeaturizer::fit(const QStringList &texts)
{
    QHash<std::uint64_t, int> df;
    for (const QString &text : texts) {
        Terms terms = extract(text);
        std::vector<std::uint64_t> all = std::move(terms.word);
        all.insert(all.end(), terms.chars.begin(), terms.chars.end());
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        for (const std::uint64_t h : all)
            ++df[h];
    }
    // Sorted keys give the same feature indices whatever QHash's per-process seed is.
    std::vector<std::uint64_t> kept;
    for (auto it = df.cbegin(); it != df.cend(); ++it) {
        if (it.value() >= m_options.minDf)
            kept.push_back(it.key());
    }
    std::sort(kept.begin(), kept.end());
    m_index.clear();
    m_index.reserve(qsizetype(kept.size()));
    m_idf.assign(kept.size(), 0.0f);
    const double n = double(texts.size());
    for (size_t i = 0; i < kept.size(); ++i) {
        m_index.insert(kept[i], std::int32_t(i));
        m_idf[i] = float(std::log((1.0 + n) / (1.0 + df.value(kept[i]))) + 1.0);
    }
    m_maxIdf = m_idf.empty() ? 1.0f : *std::max_element(m_idf.begin(), m_idf.end());
}

std::vector<std::int32_t> TextFeaturizer::wordFeatures(const QString &text) const
{
    std::vector<std::int32_t> features;
    for (const QString &token : tokenize(text)) {
        const auto it = m_index.constFind(fnv(fnvTag(WordTag), m_options.stem ? stem(token) : token));
        features.push_back(it == m_index.constEnd() ? -1 : *it);
    }
    return features;
}

SparseVector TextFeaturizer::vectorize(const QString &text) const
{
    return vectorize(text, nullptr);
}

SparseVector TextFeaturizer::vectorizeKnown(const QString &text, const std::vector<bool> &known) const
{
    return known.size() == m_idf.size() ? vectorize(text, &known) : vectorize(text, nullptr);
}

SparseVector TextFeaturizer::vectorize(const QString &text, const std::vector<bool> *known) const
{
    Terms terms = extract(text);
    SparseVector out;
    out.reserve(terms.word.size() + terms.chars.size());
    appendBlock(terms.word, m_index, m_idf, m_options.wordWeight, known, &out);
    appendBlock(terms.chars, m_index, m_idf, m_options.charWeight, known, &out);
    std::sort(out.begin(), out.end(),
              [](const SparseEntry &a, const SparseEntry &b) { return a.index < b.index; });
    double norm = 0;
    for (const SparseEntry &e : out)
        norm += double(e.value) * e.value;
    if (norm > 0) {
        const float scale = float(1.0 / std::sqrt(norm));
        for (SparseEntry &e : out)
            e.value *= scale;
    }
    return out;
}

void TextFeaturizer::write(QDataStream &out) const
{
    out << m_options.wordUnigrams << m_options.wordBigrams << qint32(m_options.charMin)
        << qint32(m_options.charMax) << qint32(m_options.minDf) << m_options.wordWeight
        << m_options.charWeight << m_options.stem;
    // Index i has the i-th smallest key (fit() sorts), so keys in index order restore the map.
    std::vector<std::uint64_t> keys(m_idf.size());
    for (auto it = m_index.cbegin(); it != m_index.cend(); ++it)
        keys[size_t(it.value())] = it.key();
    out << quint64(keys.size());
    for (size_t i = 0; i < keys.size(); ++i)
        out << quint64(keys[i]) << m_idf[i];
}

bool TextFeaturizer::read(QDataStream &in)
{
    qint32 charMin = 0;
    qint32 charMax = 0;
    qint32 minDf = 0;
    in >> m_options.wordUnigrams >> m_options.wordBigrams >> charMin >> charMax >> minDf >>
        m_options.wordWeight >> m_options.charWeight >> m_options.stem;
    m_options.charMin = charMin;
    m_options.charMax = charMax;
    m_options.minDf = minDf;
    quint64 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || charMin < 0 || charMax > 16 || count > (quint64(1) << 28))
        return false;
    m_index.clear();
    m_index.reserve(qsizetype(count));
    m_idf.assign(size_t(count), 0.0f);
    for (quint64 i = 0; i < count; ++i) {
        quint64 key = 0;
        in >> key >> m_idf[size_t(i)];
        m_index.insert(key, std::int32_t(i));
    }
    m_maxIdf = m_idf.empty() ? 1.0f : *std::max_element(m_idf.begin(), m_idf.end());
    return in.status() == QDataStream::Ok;
}

} // namespace tandem::server::intent
