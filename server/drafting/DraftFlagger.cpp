#include "DraftFlagger.h"

#include "RiskFlagger.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

// Amounts and other figures: what a draft must not repeat from a manipulative message unchecked.
const QRegularExpression &figures()
{
    static const QRegularExpression re(
        u"(?:[£$€]\\s?)?\\d[\\d.,\\s]*\\d(?:\\s?(?:[£$€]|kr|sek|eur|usd|gbp|zł|pln))?|"
        "[£$€]\\s?\\d"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// ASCII digits: what \d matches in figures() (no Unicode properties there).
qsizetype digitCount(const QString &s)
{
    return std::count_if(s.cbegin(), s.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QList<DraftFlag> DraftFlagger::flag(const ComposedReply &reply, const Input &in)
{
    const bool inCustomerLanguage = reply.language == in.customerLanguage;
    QList<DraftFlag> flags = RiskFlagger::flag({
        .body = reply.body,
        .customerText = in.customerText,
        .approvedSources = reply.approvedSources,
        .contactSources = reply.contactSources,
        .companyFacts = in.companyFacts,
        // The language check only when the draft claims the customer's language.
        .expectedLanguage = inCustomerLanguage ? in.customerLanguage : QString(),
    });
    if (!inCustomerLanguage)
        flags.append({u"language"_s,
                      u"no reply in the customer's language (%1): this draft is in %2; translate before "
                      "sending"_s.arg(in.customerLanguage, reply.language),
                      -1, 0});
    // A manipulative message: any figure of the customer's that the draft repeats is flagged.
    if (in.manipulative) {
        auto it = figures().globalMatch(reply.body);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString figure = m.captured(0).trimmed();
            if (digitCount(figure) >= 2 && in.customerText.contains(figure))
                flags.append(
                    {u"manipulation"_s,
                     u"this figure comes from a message that tries to steer the reply; check it against "
                     "the records before sending"_s,
                     int(m.capturedStart()), int(m.capturedLength())});
        }
    }
    return flags;
}

} // namespace tandem::server
