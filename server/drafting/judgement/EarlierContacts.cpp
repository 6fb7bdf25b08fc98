#include "EarlierContacts.h"

#include "CaseAssessor.h"

#include "server/drafting/TextUtil.h"

#include <QRegularExpression>
#include <QSet>

#include <utility>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

namespace {

//! "Re: Devolução casaco" and "Devolução casaco": one thread's subject.
QString bareSubject(const QString &subject)
{
    static const QRegularExpression replyPrefix(
        u"^\\s*(?:(?:re|aw|sv|vs|antw|r|rif|res|odp|fw|fwd|wg|tr)\\s*:\\s*)+"_s,
        QRegularExpression::CaseInsensitiveOption);
    return QString(subject).remove(replyPrefix).trimmed().toCaseFolded();
}

bool sameMatter(const PriorContact &a, const PriorContact &b)
{
    const QString earlierA = a.subject + u'\n' + a.text;
    const QString earlierB = b.subject + u'\n' + b.text;
    return (!bareSubject(a.subject).isEmpty() && bareSubject(a.subject) == bareSubject(b.subject)) ||
           text::referenceNumbers(earlierA).intersects(text::referenceNumbers(earlierB)) ||
           text::setCosine(text::contentWords(earlierA), text::contentWords(earlierB)) >=
               EarlierContacts::kSameMatter;
}

} // namespace

EarlierContacts EarlierContacts::read(const CaseInput &input,
                                      const std::function<bool(const QString &)> &saysDone)
{
    // "Re: order 44710 – it arrived, all great, thanks!": a ticket whose last message is the
    // customer's word that the matter is done closes it, and the earlier tickets on that matter.
    QSet<qint64> closed;
    for (const PriorContact &done : input.history) {
        if (!saysDone(done.lastText.isEmpty() ? done.text : done.lastText))
            continue;
        closed.insert(done.ticketId);
        for (const PriorContact &p : input.history) {
            if (std::pair(p.createdAt, p.ticketId) < std::pair(done.createdAt, done.ticketId) &&
                sameMatter(p, done))
                closed.insert(p.ticketId);
        }
    }
    EarlierContacts out;
    const QSet<QString> now = text::contentWords(input.customerText);
    const QSet<QString> numbers = text::referenceNumbers(input.customerText);
    int stillOpen = 0;
    for (const PriorContact &p : input.history) {
        const bool sameIntent = !input.intent.isEmpty() && p.intent == input.intent;
        const QString earlier = p.subject + u'\n' + p.text;
        const double similarity = text::setCosine(now, text::contentWords(earlier));
        if (!sameIntent && similarity < kSameMatter && !numbers.intersects(text::referenceNumbers(earlier)))
            continue;
        out.related.append(p.ticketId);
        if (closed.contains(p.ticketId))
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
