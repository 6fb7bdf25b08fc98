#include "ReasonCodes.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::reason {

const QStringList &all()
{
    static const QStringList codes{
        kCrisis.toString(),        kVulnerable.toString(),        kFraud.toString(),
        kLegal.toString(),         kManipulation.toString(),      kComplaint.toString(),
        kRepeatContact.toString(), kMultiIssue.toString(),        kUnsupportedLanguage.toString(),
        kOutOfScope.toString(),    kNegativeSentiment.toString(), kLowConfidence.toString(),
        kPolicy.toString()};
    return codes;
}

bool isKnown(QStringView code)
{
    return all().contains(code);
}

int severity(QStringView code)
{
    const qsizetype i = all().indexOf(code);
    return i < 0 ? int(all().size()) : int(i);
}

QStringList normalized(const QStringList &codes)
{
    QStringList out;
    for (const QString &c : codes) {
        if (isKnown(c) && !out.contains(c))
            out.append(c);
    }
    std::sort(out.begin(), out.end(),
              [](const QString &a, const QString &b) { return severity(a) < severity(b); });
    return out;
}

QString label(QStringView code)
{
    QString s = code.toString();
    s.replace(u'_', u' ');
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

} // namespace tandem::reason
