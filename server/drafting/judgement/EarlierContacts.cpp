#include "EarlierContacts.h"

#include "CaseAssessor.h"

#include "server/drafting/TextUtil.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

EarlierContacts EarlierContacts::read(const CaseInput &input)
{
    EarlierContacts out;
    const QSet<QString> now = text::contentWords(input.customerText);
    const QSet<QString> numbers = text::referenceNumbers(input.customerText);
    for (const PriorContact &p : input.history) {
        const bool sameIntent = !input.intent.isEmpty() && p.intent == input.intent;
        const QString earlier = p.subject + u'\n' + p.text;
        const double similarity = text::setCosine(now, text::contentWords(earlier));
        if (!sameIntent && similarity < kSameMatter && !numbers.intersects(text::referenceNumbers(earlier)))
            continue;
        const bool open = p.status != TicketStatus::Solved;
        const bool recentlySolved = !open && p.createdAt.isValid() && input.now.isValid() &&
                                    p.createdAt.daysTo(input.now) <= input.recentSolvedDays;
        out.related.append(p.ticketId);
        if ((open || recentlySolved) && out.repeat.isEmpty()) {
            out.repeat = open ? u"ticket #%1 on the same matter is still open"_s.arg(p.ticketId)
                              : u"ticket #%1 on the same matter was solved %2 days ago"_s.arg(p.ticketId)
                                    .arg(p.createdAt.daysTo(input.now));
        }
    }
    if (out.repeat.isEmpty() && out.related.size() >= 2)
        out.repeat = u"%1 earlier tickets on the same matter"_s.arg(out.related.size());
    return out;
}

} // namespace tandem::server::judgement
