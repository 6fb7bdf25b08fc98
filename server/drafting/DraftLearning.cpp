#include "DraftLearning.h"

#include "EntityScanner.h"
#include "KnowledgeIndex.h"
#include "LanguageDetector.h"
#include "SlotFiller.h"
#include "TextUtil.h"
#include "TicketFacts.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

// Replaces whole-word occurrences of \a value (case-sensitive, names and references are exact).
void replaceWord(QString &text, const QString &value, const QString &slot)
{
    if (value.trimmed().size() < 2)
        return;
    const QRegularExpression re(u"(?<![\\p{L}\\p{N}])"_s + QRegularExpression::escape(value) +
                                    u"(?![\\p{L}\\p{N}])"_s,
                                QRegularExpression::UseUnicodePropertiesOption);
    text.replace(re, slot);
}

} // namespace

QString DraftLearning::templatize(const QString &reply, const TicketFacts &facts)
{
    QString out = reply;
    // Gaps an agent left unfilled go back to slots.
    static const QRegularExpression gap(u"\\[([^\\[\\]\\n]{1,60})\\]"_s);
    QString withSlots;
    qsizetype last = 0;
    auto it = gap.globalMatch(out);
    while (it.hasNext()) {
        const auto m = it.next();
        withSlots += QStringView(out).mid(last, m.capturedStart() - last);
        const QString canonical = SlotFiller::canonicalSlot(m.captured(1));
        withSlots += canonical.isEmpty() ? QString(u"{{"_s + m.captured(1) + u"}}"_s)
                                         : QString(u"{"_s + canonical + u"}"_s);
        last = m.capturedEnd();
    }
    withSlots += QStringView(out).mid(last);
    out = withSlots;

    replaceWord(out, facts.fullName, u"{name}"_s);
    replaceWord(out, facts.name, u"{name}"_s);
    replaceWord(out, facts.merchant, u"{merchant}"_s);
    for (const auto &[value, slot] :
         {std::pair{facts.order, u"{order}"_s}, std::pair{facts.account, u"{account}"_s},
          std::pair{facts.invoice, u"{invoice}"_s}}) {
        if (!value.isEmpty())
            out.replace(value, slot);
    }
    // Whatever amounts, dates and references remain were looked up for this customer: slots too.
    const QList<Entity> entities = EntityScanner::scan(out);
    for (auto e = entities.crbegin(); e != entities.crend(); ++e) {
        QString slot;
        if (e->kind == Entity::Kind::Amount)
            slot = u"{amount}"_s;
        else if (e->kind == Entity::Kind::Date)
            slot = u"{date}"_s;
        else if (e->kind == Entity::Kind::Reference)
            slot = u"{order}"_s;
        if (!slot.isEmpty())
            out.replace(e->start, e->length, slot);
    }
    return out;
}

void DraftLearning::recordReply(const Ticket &ticket, const QList<Message> &thread,
                                const std::optional<Draft> &draft, const QString &sentBody,
                                ReplyOutcome outcome, const QStringList &merchants)
{
    KnowledgeIndex index(m_db);
    if (!index.isReady())
        return;
    const QString source =
        draft && !draft->citations.isEmpty() ? draft->citations.first().sourceId : QString();
    if (outcome == ReplyOutcome::AsIs) {
        index.adjustWeight(source, kAsIsFactor);
        return;
    }
    // Nothing to file it under: no intent (out of scope), or nothing the customer asked.
    const QString intent = ticket.intent.isEmpty() && draft ? draft->intent : ticket.intent;
    const QString request = text::customerText(ticket, thread);
    if (intent.isEmpty() || request.trimmed().isEmpty() || sentBody.trimmed().isEmpty())
        return;
    const TicketFacts facts = TicketFacts::extract(request, ticket.customer.name, merchants);
    const auto detected = LanguageDetector::detect(sentBody, ticket.language);
    const QString language =
        detected.reliable && !detected.language.isEmpty()
            ? detected.language
            : (ticket.language.isEmpty() ? ticket.customer.language.left(2) : ticket.language);
    ResolvedExample example;
    example.source = u"ticket:%1"_s.arg(ticket.id);
    example.intent = intent;
    example.language = language.isEmpty() ? u"en"_s : language;
    example.request = request;
    example.reply = templatize(sentBody, facts);
    index.addResolved(example);
}

void DraftLearning::recordDiscard(const Draft &draft)
{
    if (draft.citations.isEmpty())
        return;
    KnowledgeIndex index(m_db);
    if (index.isReady())
        index.adjustWeight(draft.citations.first().sourceId, kDiscardFactor);
}

} // namespace tandem::server
