#include "AspectSigns.h"

#include "PatternPrefilter.h"
#include "Sentences.h"
#include "SignalLexicon.h"

#include "core/ReasonCodes.h"

#include <array>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

QList<AspectReading> readAspects(const SignalLexicon &lexicon, const PrefilterText &prepared)
{
    struct Family
    {
        QStringView kind;
        QStringView code;
        QStringView label;
        int aspects; //!< signs_<kind>_1 .. _<aspects>
        int needed;  //!< how many different aspects make the reading
    };
    static const std::array<Family, 6> families{{
        {u"signs_unknowncharge", reason::kFraud, u"an unknown charge", 2, 2},
        {u"signs_impostor", reason::kFraud, u"someone posing as the bank or us", 2, 2},
        {u"signs_steering", reason::kManipulation, u"words to the assistant to break its rules", 2, 2},
        {u"signs_claimed", reason::kManipulation, u"money said to be approved by our staff", 3, 3},
        {u"signs_listed", reason::kMultiIssue, u"several points in a row", 3, 2},
        // "My mother is 79, she can hardly read the mails: could you phone her?" (ADR 0027).
        {u"signs_support", reason::kVulnerable, u"a circumstance and the help it needs", 2, 2},
    }};
    QList<AspectReading> out;
    for (const Family &f : families) {
        bool known = false;
        for (const AspectReading &r : std::as_const(out))
            known = known || r.code == f.code;
        if (known)
            continue;
        QStringList signs;
        for (int i = 1;
             i <= f.aspects && signs.size() < f.needed && signs.size() + f.aspects - i + 1 >= f.needed; ++i) {
            if (const QString p = lexicon.find(u"%1_%2"_s.arg(f.kind).arg(i), prepared); !p.isEmpty())
                signs.append(quotedPhrase(p));
        }
        if (signs.size() >= f.needed)
            out.append({f.code.toString(), f.label + u": "_s + signs.join(u" + "_s)});
    }
    return out;
}

} // namespace tandem::server::judgement
