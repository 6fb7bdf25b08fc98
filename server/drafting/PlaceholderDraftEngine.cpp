#include "PlaceholderDraftEngine.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
constexpr double kOutOfScopeScore = 2.0; // below this idf-weighted overlap no article is relevant
constexpr int kRepeatContactMessages = 3;

QString firstName(const QString &full)
{
    const QString trimmed = full.trimmed();
    const qsizetype space = trimmed.indexOf(u' ');
    return space > 0 ? trimmed.left(space) : trimmed;
}

QString slotLabel(const QString &slot)
{
    if (slot == u"order")
        return u"order number"_s;
    return slot;
}
} // namespace

QSet<QString> wordsOf(const QString &text)
{
    QSet<QString> out;
    static const QRegularExpression splitter(u"[^\\p{L}\\p{N}]+"_s);
    const QStringList parts = text.toLower().split(splitter, Qt::SkipEmptyParts);
    for (const QString &w : parts) {
        if (w.size() >= 3)
            out.insert(w);
    }
    return out;
}

PlaceholderDraftEngine::PlaceholderDraftEngine(Database &db) : m_db(db)
{
    reload();
}

QString PlaceholderDraftEngine::name() const
{
    return u"placeholder-kb-overlap"_s;
}

QSet<QString> PlaceholderDraftEngine::sensitiveIntents()
{
    return {u"financial_hardship"_s, u"suspected_fraud"_s, u"bereavement"_s, u"legal_threat"_s,
            u"complaint_ai_answer"_s};
}

void PlaceholderDraftEngine::reload()
{
    m_articles.clear();
    m_idf.clear();
    const QList<KbArticle> articles = KbRepository(m_db).all();
    QHash<QString, int> df;
    for (const KbArticle &a : articles) {
        Indexed item{a, wordsOf(a.title + u' ' + a.body)};
        for (const QString &w : std::as_const(item.words))
            ++df[w];
        m_articles.append(item);
    }
    const double n = std::max<double>(1.0, static_cast<double>(articles.size()));
    for (auto it = df.cbegin(); it != df.cend(); ++it)
        m_idf.insert(it.key(), std::log(1.0 + n / it.value()));
}

QString PlaceholderDraftEngine::fillTemplate(const QString &text, const DraftRequest &request,
                                             QList<DraftFlag> *flags) const
{
    QString thread = request.ticket.subject;
    for (const Message &m : request.messages) {
        if (m.author.kind == AuthorKind::Customer)
            thread += u'\n' + m.body;
    }
    static const QRegularExpression orderRe(u"\\bLP-\\d{5,10}\\b"_s);
    const QRegularExpressionMatch order = orderRe.match(thread);

    QString out;
    static const QRegularExpression slotRe(u"\\{(\\w+)\\}"_s);
    qsizetype last = 0;
    auto it = slotRe.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString slot = m.captured(1);
        QString value;
        if (slot == u"name")
            value = firstName(request.ticket.customer.name);
        else if (slot == u"order" && order.hasMatch())
            value = order.captured(0);
        if (!value.isEmpty()) {
            out += value;
            continue;
        }
        // Unknown slot: a visible gap the agent must fill, never a leaked {{placeholder}}.
        const QString gap = u"[" + slotLabel(slot) + u"]";
        flags->append({u"missing_slot"_s, u"Missing: %1. Fill it in before sending."_s.arg(slotLabel(slot)),
                       static_cast<int>(out.size()), static_cast<int>(gap.size())});
        out += gap;
    }
    out += QStringView(text).mid(last);
    return out;
}

DraftResult PlaceholderDraftEngine::draft(const DraftRequest &request)
{
    QString customerText = request.ticket.subject;
    int customerMessages = 0;
    for (const Message &m : request.messages) {
        if (m.author.kind == AuthorKind::Customer) {
            customerText += u'\n' + m.body;
            ++customerMessages;
        }
    }
    const QSet<QString> words = wordsOf(customerText);
    const QString language =
        request.ticket.customer.language.isEmpty() ? u"en"_s : request.ticket.customer.language;

    const Indexed *best = nullptr;
    double bestScore = 0.0;
    for (const Indexed &item : m_articles) {
        double score = 0.0;
        for (const QString &w : words) {
            if (item.words.contains(w))
                score += m_idf.value(w);
        }
        if (item.article.language == language)
            score *= 1.15; // prefer the customer's language among similar matches
        if (score > bestScore) {
            bestScore = score;
            best = &item;
        }
    }

    DraftResult result;
    result.language = language;
    Draft &d = result.draft;
    d.engine = name();
    d.language = language;
    if (!best || bestScore < kOutOfScopeScore) {
        d.body =
            fillTemplate(u"Hi {name},\n\nThank you for contacting Lumen Pay. A member of our team is looking "
                         "into your message and will get back to you shortly.\n\nLumen Pay Support"_s,
                         request, &d.flags);
        d.confidence = 0.05;
        result.needsHuman = true;
        result.needsHumanReason = u"out of scope: no knowledge-base article matches this message"_s;
        d.flags.append({u"needs_human"_s, result.needsHumanReason, -1, 0});
        if (language != u"en")
            d.flags.append({u"language"_s,
                            u"No template in the customer's language; this draft is in English."_s, -1, 0});
        return result;
    }

    // Prefer the same intent's article in the customer's language for the wording.
    const KbArticle *source = &best->article;
    for (const Indexed &item : m_articles) {
        if (item.article.intent == best->article.intent && item.article.language == language) {
            source = &item.article;
            break;
        }
    }
    result.intent = source->intent;
    d.intent = source->intent;
    d.confidence = bestScore / (bestScore + 6.0);
    d.body = fillTemplate(source->replyTemplate, request, &d.flags);
    d.language = source->language;
    d.citations.append({u"kb:%1"_s.arg(source->id), source->title, source->body.left(160)});
    if (source->language != language)
        d.flags.append({u"language"_s,
                        u"No template in the customer's language (%1); this draft is in %2."_s.arg(
                            language, source->language),
                        -1, 0});

    if (sensitiveIntents().contains(result.intent)) {
        result.needsHuman = true;
        result.needsHumanReason = u"sensitive topic (%1): a person should handle this"_s.arg(result.intent);
    } else if (customerMessages >= kRepeatContactMessages) {
        result.needsHuman = true;
        result.needsHumanReason =
            u"repeat contact: the customer has written %1 times"_s.arg(customerMessages);
    }
    if (result.needsHuman)
        d.flags.append({u"needs_human"_s, result.needsHumanReason, -1, 0});
    return result;
}

} // namespace tandem::server
