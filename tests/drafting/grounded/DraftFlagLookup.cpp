#include "DraftFlagLookup.h"

#include <algorithm>

namespace tandem::test {

const DraftFlag *findFlag(const QList<DraftFlag> &flags, const QString &kind, const QString &body,
                          const QString &span)
{
    for (const DraftFlag &f : flags) {
        if (f.kind == kind && f.start >= 0 && body.mid(f.start, f.length) == span)
            return &f;
    }
    return nullptr;
}

int countKind(const QList<DraftFlag> &flags, const QString &kind)
{
    return int(
        std::count_if(flags.cbegin(), flags.cend(), [&](const DraftFlag &f) { return f.kind == kind; }));
}

} // namespace tandem::test
