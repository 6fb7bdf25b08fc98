#include "EditDistance.h"

#include <algorithm>
#include <vector>

namespace tandem::server {

int editDistance(QStringView a, QStringView b, int cap)
{
    a = a.left(cap);
    b = b.left(cap);
    // Most sent replies share long runs with their draft: strip the common prefix and suffix
    // first, so "sent as is" costs nothing and small edits cost little.
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    a = a.mid(prefix);
    b = b.mid(prefix);
    qsizetype suffix = 0;
    while (suffix < a.size() && suffix < b.size() && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    a = a.left(a.size() - suffix);
    b = b.left(b.size() - suffix);
    if (a.isEmpty() || b.isEmpty())
        return static_cast<int>(std::max(a.size(), b.size()));

    // Classic two-row dynamic programme over raw arrays.
    const char16_t *pa = a.utf16();
    const char16_t *pb = b.utf16();
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    std::vector<int> row(static_cast<size_t>(m) + 1);
    for (int j = 0; j <= m; ++j)
        row[static_cast<size_t>(j)] = j;
    int *r = row.data();
    for (int i = 1; i <= n; ++i) {
        int diagonal = r[0];
        r[0] = i;
        const char16_t ca = pa[i - 1];
        for (int j = 1; j <= m; ++j) {
            const int above = r[j];
            const int substitution = diagonal + (ca == pb[j - 1] ? 0 : 1);
            const int insertion = r[j - 1] + 1;
            const int deletion = above + 1;
            int best = substitution < insertion ? substitution : insertion;
            best = best < deletion ? best : deletion;
            r[j] = best;
            diagonal = above;
        }
    }
    return r[m];
}

} // namespace tandem::server
