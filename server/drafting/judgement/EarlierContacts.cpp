#include "EarlierContacts.h"

#include "CaseAssessor.h"

#include "server/drafting/TextUtil.h"

#include <QRegularExpression>
#include <QSet>

#include <utility>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

namespace {

//! What one earlier ticket is about, read once: its subject without "Re:", its words, its numbers.
struct Matter
{
    QString subject;
    QSet<QString> words;
    QSet<QString> numbers;

    explicit Matter(const PriorContact &p)
    {
        static const QRegularExpression replyPrefix(
            u"^\\s*(?:(?:re|aw|sv|vs|antw|r|rif|res|odp|fw|fwd|wg|tr)\\s*:\\s*)+"_s,
            QRegularExpression::CaseInsensitiveOption);
        subject = QString(p.subject).remove(replyPrefix).trimmed().toCaseFolded();
        const QString all = p.subject + u'\n' + p.text;
        words = text::contentWords(all);
        numbers = text::referenceNumbers(all);
    }

    bool same(const Matter &o) const
    {
        return (!subject.isEmpty() && subject == o.subject) || numbers.intersects(o.numbers) ||
               text::setCosine(words, o.words) >= EarlierContacts::kSameMatter;
    }
};

} // namespace

EarlierContacts EarlierContacts::read(const CaseInput &input,
                                      const std::function<bool(const QString &)> &saysDone)
{
    EarlierContacts out;
    QList<Matter> matters;
    matters.reserve(input.history.size());
    const QSet<QString> now = text::contentWords(input.customerText);
    const QSet<QString> numbers = text::referenceNumbers(input.customerText);
    QList<qsizetype> related;
    for (qsizetype i = 0; i < input.history.size(); ++i) {
        const PriorContact &p = input.history.at(i);
        const Matter &m = matters.emplace_back(p);
        const bool sameIntent = !input.intent.isEmpty() && p.intent == input.intent;
        if (sameIntent || text::setCosine(now, m.words) >= kSameMatter || numbers.intersects(m.numbers))
            related.append(i);
    }
    if (related.isEmpty())
        return out;
    // "Re: order 44710 – it arrived, all great, thanks!": a ticket whose last message is the
    // customer's word that the matter is done closes it, and the earlier tickets on that matter.
    QSet<qsizetype> closed;
    for (qsizetype d = 0; d < input.history.size(); ++d) {
        const PriorContact &done = input.history.at(d);
        if (!saysDone(done.lastText.isEmpty() ? done.text : done.lastText))
            continue;
        closed.insert(d);
        for (const qsizetype i : std::as_const(related)) {
            const PriorContact &p = input.history.at(i);
            if (std::pair(p.createdAt, p.ticketId) < std::pair(done.createdAt, done.ticketId) &&
                matters.at(i).same(matters.at(d)))
                closed.insert(i);
        }
    }
    int stillOpen = 0;
    for (const qsizetype i : std::as_const(related)) {
        const PriorContact &p = input.history.at(i);
        out.related.append(p.ticketId);
        if (closed.contains(i))
            continue;
        ++stillOpen;
        const bool open = p.status != TicketStatus::Solved;
        const bool recentlySolved = !open && p.createdAt.isValid() && input.now.isValid() &&
                                    p.createdAt.daysTo(input.now) <= input.recentSolvedDays;
        if ((open || recentlySolved) && out.repeat.isEmpty()) {
            out.repeat = open ? u"ticket #%1 on the same matter is still open"_s.arg(p.ticketId)
                              : u"ticket #%1 on the same matter was solved %2 days ago"_s.arg(p.ticketId)
                                    .arg(p.createdAt.daysTo(input.now));
        }
    }
    if (out.repeat.isEmpty() && stillOpen >= 2)
        out.repeat = u"%1 earlier tickets on the same matter"_s.arg(stillOpen);
    return out;
}

} // namespace tandem::server::judgement
