#include "AutomationBiasWatch.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

QString percent(double share)
{
    return QString::number(qRound(share * 100.0));
}

} // namespace

bool AutomationBiasWatch::appliesTo(const QString &groupBy)
{
    return groupBy == u"agent" || groupBy == u"intent";
}

std::optional<BiasFinding> AutomationBiasWatch::evaluate(const SuggestionStatsRow &row) const
{
    const int decided = row.sentAsIs + row.edited + row.ownReply + row.discarded;
    if (decided <= 0)
        return std::nullopt;
    const double asIsShare = double(row.sentAsIs) / double(decided);
    // A tiny epsilon so that exactly 60 % counts as ">= 60 %" despite floating point.
    constexpr double epsilon = 1e-9;
    if (asIsShare + epsilon < m_thresholds.asIsShare)
        return std::nullopt;

    BiasFinding finding;
    finding.key = row.key;
    finding.label = row.label.isEmpty() ? row.key : row.label;
    finding.asIsShare = asIsShare;

    const int bad = row.verdictHarmful + row.verdictShouldEdit;
    if (row.spotChecked >= std::max(1, m_thresholds.minSpotChecks)) {
        const double badShare = double(bad) / double(row.spotChecked);
        if (badShare + epsilon >= m_thresholds.badVerdictShare)
            finding.reasons << tr("%1% of decided drafts were sent as is, yet %2 of %3 spot checks (%4%) "
                                  "found the reply harmful or in need of an edit.")
                                   .arg(percent(asIsShare))
                                   .arg(bad)
                                   .arg(row.spotChecked)
                                   .arg(percent(badShare));
    }
    const int assisted = row.sentAsIs + row.edited;
    if (assisted >= std::max(1, m_thresholds.minAssistedReplies)) {
        const double reopenShare = double(row.reopened) / double(assisted);
        if (reopenShare + epsilon >= m_thresholds.reopenRate)
            finding.reasons << tr("%1% of decided drafts were sent as is, yet the customer wrote again "
                                  "after %2 of %3 AI-assisted replies (%4%).")
                                   .arg(percent(asIsShare))
                                   .arg(row.reopened)
                                   .arg(assisted)
                                   .arg(percent(reopenShare));
    }
    if (finding.reasons.isEmpty())
        return std::nullopt;
    return finding;
}

QList<BiasFinding> AutomationBiasWatch::evaluate(const SuggestionStatsReport &report) const
{
    QList<BiasFinding> findings;
    if (!appliesTo(report.groupBy))
        return findings;
    for (const SuggestionStatsRow &row : report.rows) {
        if (auto finding = evaluate(row))
            findings.append(*finding);
    }
    return findings;
}

QString AutomationBiasWatch::ruleDescription() const
{
    return tr("Automation-bias watch (agents and intents): flagged when at least %1% of decided drafts "
              "are sent as is AND either at least %2% of spot-check verdicts (of at least %3) are "
              "\"harmful\" or \"should have been edited\", or the customer wrote again after at least "
              "%4% of AI-assisted replies (of at least %5).")
        .arg(percent(m_thresholds.asIsShare))
        .arg(percent(m_thresholds.badVerdictShare))
        .arg(m_thresholds.minSpotChecks)
        .arg(percent(m_thresholds.reopenRate))
        .arg(m_thresholds.minAssistedReplies);
}

} // namespace tandem::app
