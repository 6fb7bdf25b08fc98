#include "TemplateChooser.h"

#include "TextUtil.h"

#include <QHash>

#include <algorithm>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

constexpr int kCandidates = 30;       // bm25 hits considered per draft
constexpr double kArticlePrior = 0.6; // past requests less similar than this lose to a reviewed template
constexpr int kExtraCitations = 2;

// Sorted token hashes of a text, for fast multiset intersection.
std::vector<size_t> tokenIds(const QString &s)
{
    const QStringList words = text::words(s);
    std::vector<size_t> ids;
    ids.reserve(size_t(words.size()));
    for (const QString &w : words)
        ids.push_back(qHash(w));
    std::sort(ids.begin(), ids.end());
    return ids;
}

double tokenF1(const std::vector<size_t> &a, const std::vector<size_t> &b)
{
    if (a.empty() || b.empty())
        return 0.0;
    size_t i = 0;
    size_t j = 0;
    size_t common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++common;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * double(common) / double(a.size() + b.size());
}

// Mean token F1 of each reply to the other replies (0..1).
QList<double> typicality(const QList<GroundingSource> &sources)
{
    std::vector<std::vector<size_t>> ids;
    ids.reserve(size_t(sources.size()));
    for (const GroundingSource &s : sources)
        ids.push_back(tokenIds(s.reply));
    const size_t n = ids.size();
    std::vector<double> sum(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
            const double f = tokenF1(ids[i], ids[j]);
            sum[i] += f;
            sum[j] += f;
        }
    }
    QList<double> out;
    for (size_t i = 0; i < n; ++i)
        out.append(n > 1 ? sum[i] / double(n - 1) : 0.0);
    return out;
}

// The retrieved past replies, each scored once however many languages are tried.
class ScoredHits
{
public:
    ScoredHits(const QList<GroundingSource> &hits, const QSet<QString> &customerWords)
        : m_hits(hits), m_words(customerWords), m_scores(size_t(hits.size()))
    {}

    const GroundingSource &at(qsizetype i) const { return m_hits.at(i); }
    qsizetype size() const { return m_hits.size(); }

    // How close the hit's request is to the customer's message (content-word cosine).
    double similarity(qsizetype i) const { return score(i).similarity; }
    // What makes two replies the same reply.
    const QString &replyKey(qsizetype i) const { return score(i).replyKey; }

private:
    struct Score
    {
        double similarity = 0.0;
        QString replyKey;
    };
    const Score &score(qsizetype i) const
    {
        std::optional<Score> &s = m_scores[size_t(i)];
        if (!s)
            s = Score{text::setCosine(m_words, text::contentWords(m_hits.at(i).text)),
                      m_hits.at(i).reply.simplified()};
        return *s;
    }

    const QList<GroundingSource> &m_hits;
    const QSet<QString> &m_words;
    mutable std::vector<std::optional<Score>> m_scores;
};

// Candidates in one language ("" for any): the distinct past replies retrieved for this intent,
// and the reviewed knowledge-base template. The template wins unless a past request was nearly
// the same as this one (relevance x weight above the template's prior x weight): then a human
// answered this very question before. Among several such replies (or all of them when there is
// no template) the most typical one wins (highest mean token F1 to the others), so one agent's
// idiosyncratic answer does not. Weights come from what humans did with drafts.
bool bestIn(const QString &lang, const ScoredHits &hits, const QList<GroundingSource> &articles,
            TemplateChooser::Choice *choice)
{
    QList<GroundingSource> distinct;
    QList<double> relevance;
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < hits.size(); ++i) {
        const GroundingSource &h = hits.at(i);
        if (h.kind != GroundingSource::Kind::Resolved || (!lang.isEmpty() && h.language != lang))
            continue;
        const double sim = hits.similarity(i);
        if (const auto it = seen.constFind(hits.replyKey(i)); it != seen.cend()) {
            if (sim > relevance[*it]) {
                relevance[*it] = sim;
                distinct[*it] = h;
            }
            continue;
        }
        seen.insert(hits.replyKey(i), distinct.size());
        distinct.append(h);
        relevance.append(sim);
    }
    const GroundingSource *article = nullptr;
    for (const GroundingSource &a : articles) {
        if ((lang.isEmpty() || a.language == lang) && !a.reply.trimmed().isEmpty() &&
            (!article || a.weight > article->weight))
            article = &a;
    }
    if (article) {
        const double bar = kArticlePrior * article->weight;
        QList<GroundingSource> near;
        QList<double> nearRelevance;
        for (qsizetype i = 0; i < distinct.size(); ++i) {
            if (relevance[i] * distinct[i].weight > bar) {
                near.append(distinct[i]);
                nearRelevance.append(relevance[i]);
            }
        }
        if (near.isEmpty()) {
            choice->source = *article;
            choice->found = true;
            return true;
        }
        distinct = near;
        relevance = nearRelevance;
    }
    if (distinct.isEmpty())
        return false;
    const QList<double> centrality = typicality(distinct);
    double best = -1.0;
    for (qsizetype i = 0; i < distinct.size(); ++i) {
        const double score = (distinct.size() < 3 ? relevance[i] : centrality[i]) * distinct[i].weight;
        if (score > best) {
            best = score;
            choice->source = distinct[i];
        }
    }
    choice->found = true;
    return true;
}

} // namespace

QHash<QString, QList<GroundingSource>> TemplateChooser::candidatesFor(const QString &ftsQuery,
                                                                      const QStringList &intents) const
{
    return m_index.searchEach(ftsQuery, intents, kCandidates);
}

TemplateChooser::Choice TemplateChooser::choose(const QString &intent, const QString &language,
                                                const QList<GroundingSource> &hits,
                                                const QSet<QString> &customerWords,
                                                QList<GroundingSource> *evidence) const
{
    const QList<GroundingSource> articles = m_index.articlesFor(intent);
    const ScoredHits scored(hits, customerWords);

    Choice choice;
    if (!bestIn(language, scored, articles, &choice)) {
        choice.otherLanguage = true;
        if (!bestIn(u"en"_s, scored, articles, &choice))
            bestIn({}, scored, articles, &choice);
    }
    // Evidence: the article of this intent in the draft's language, then the closest hits.
    const QString draftLanguage = choice.found ? choice.source.language : language;
    for (const GroundingSource &a : articles) {
        if (a.language == draftLanguage && a.citationId != choice.source.citationId)
            evidence->append(a);
    }
    for (const GroundingSource &h : hits) {
        if (evidence->size() >= kExtraCitations)
            break;
        if (h.citationId != choice.source.citationId && h.language == draftLanguage &&
            std::none_of(evidence->cbegin(), evidence->cend(),
                         [&](const GroundingSource &e) { return e.citationId == h.citationId; }))
            evidence->append(h);
    }
    if (evidence->size() > kExtraCitations)
        evidence->resize(kExtraCitations);
    return choice;
}

} // namespace tandem::server
