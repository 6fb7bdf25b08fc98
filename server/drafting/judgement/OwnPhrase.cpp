#include "OwnPhrase.h"

#include "PatternPrefilter.h"
#include "SignalLexicon.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

QString ownPhrase(const SignalLexicon &lexicon, QStringView signal, const PrefilterText &prepared,
                  const LazyTextSpans &explaining, qsizetype subjectEnd)
{
    const QString first = lexicon.find(signal, prepared);
    if (first.isEmpty())
        return first;
    const TextSpans context = lexicon.spans(u"context_reported", prepared);
    const TextSpans &explained = explaining();
    if (context.isEmpty() && explained.isEmpty())
        return first;
    const TextSpans hits = lexicon.spans(signal, prepared);
    auto isExplained = [&explained](const auto &hit) {
        return std::any_of(explained.cbegin(), explained.cend(),
                           [&hit](const auto &c) { return c.first < hit.second && hit.first < c.second; });
    };
    // The subject goes with the body when the body has the signal's phrases, all explained.
    const bool inBody = std::any_of(hits.cbegin(), hits.cend(),
                                    [subjectEnd](const auto &h) { return h.first >= subjectEnd; });
    const bool subjectExplained =
        subjectEnd > 0 && inBody && std::all_of(hits.cbegin(), hits.cend(), [&](const auto &h) {
            return h.first < subjectEnd || isExplained(h);
        });
    const QString &text = prepared.text();
    for (const auto &hit : hits) {
        const bool theirWork = std::any_of(context.cbegin(), context.cend(), [&hit](const auto &c) {
            return c.first <= hit.first && hit.second <= c.second;
        });
        if (!theirWork && !isExplained(hit) && !(subjectExplained && hit.first < subjectEnd))
            return text.mid(hit.first, hit.second - hit.first).trimmed();
    }
    return {};
}

} // namespace tandem::server::judgement
