#include "DraftMetrics.h"

#include "TextUtil.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace tandem::server::draftmetrics {

double tokenF1(const QString &candidate, const QString &reference)
{
    const QStringList c = text::words(candidate);
    const QStringList r = text::words(reference);
    if (c.isEmpty() || r.isEmpty())
        return c.isEmpty() && r.isEmpty() ? 1.0 : 0.0;
    QHash<QString, int> counts;
    for (const QString &w : r)
        ++counts[w];
    int common = 0;
    for (const QString &w : c) {
        auto it = counts.find(w);
        if (it != counts.end() && *it > 0) {
            --*it;
            ++common;
        }
    }
    if (common == 0)
        return 0.0;
    const double precision = double(common) / double(c.size());
    const double recall = double(common) / double(r.size());
    return 2 * precision * recall / (precision + recall);
}

double rougeL(const QString &candidate, const QString &reference)
{
    const QStringList c = text::words(candidate);
    const QStringList r = text::words(reference);
    if (c.isEmpty() || r.isEmpty())
        return c.isEmpty() && r.isEmpty() ? 1.0 : 0.0;
    std::vector<int> previous(static_cast<size_t>(r.size()) + 1, 0);
    std::vector<int> current(previous.size(), 0);
    for (qsizetype i = 1; i <= c.size(); ++i) {
        for (qsizetype j = 1; j <= r.size(); ++j) {
            current[size_t(j)] = c.at(i - 1) == r.at(j - 1)
                                     ? previous[size_t(j - 1)] + 1
                                     : std::max(previous[size_t(j)], current[size_t(j - 1)]);
        }
        std::swap(previous, current);
    }
    const int lcs = previous[size_t(r.size())];
    if (lcs == 0)
        return 0.0;
    const double precision = double(lcs) / double(c.size());
    const double recall = double(lcs) / double(r.size());
    return 2 * precision * recall / (precision + recall);
}

bool leaksPlaceholder(const QString &text)
{
    static const QRegularExpression re(u"\\{\\{[^{}]*\\}\\}|\\{[^{}\\n]{1,80}\\}"_s);
    return re.match(text).hasMatch();
}

} // namespace tandem::server::draftmetrics
