#include "ReasonText.h"

#include "core/ReasonCodes.h"

#include <QLocale>

namespace tandem::app {

QString ReasonText::label(QStringView code)
{
    using namespace reason;
    if (code == kCrisis)
        return tr("Crisis");
    if (code == kVulnerable)
        return tr("Vulnerable customer");
    if (code == kFraud)
        return tr("Fraud");
    if (code == kLegal)
        return tr("Legal");
    if (code == kManipulation)
        return tr("Manipulation attempt");
    if (code == kComplaint)
        return tr("Complaint");
    if (code == kRepeatContact)
        return tr("Repeat contact");
    if (code == kMultiIssue)
        return tr("Several requests");
    if (code == kUnsupportedLanguage)
        return tr("Language not supported");
    if (code == kOutOfScope)
        return tr("Out of scope");
    if (code == kNegativeSentiment)
        return tr("Negative sentiment");
    if (code == kLowConfidence)
        return tr("Low confidence");
    if (code == kPolicy)
        return tr("Policy");
    return reason::label(code);
}

QString ReasonText::joined(const QStringList &codes)
{
    QStringList words;
    words.reserve(codes.size());
    for (const QString &code : codes)
        words.append(label(code));
    return QLocale().createSeparatedList(words);
}

} // namespace tandem::app
