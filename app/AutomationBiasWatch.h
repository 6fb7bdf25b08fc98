#pragma once

#include "core/Stats.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::app {

//! One agent or intent whose drafts are sent as is a lot while the evidence says they should not be.
struct BiasFinding
{
    QString key;
    QString label;
    double asIsShare = 0.0; //!< sent as is / decided drafts
    QStringList reasons;    //!< translated sentences, one per rule that fired
};

//! Automation-bias watch: flags agents or intents that accept the AI's drafts as is most of the
//! time while second looks say that was wrong. A row is flagged when its as-is share of decided
//! drafts is at least Thresholds::asIsShare AND at least one of: spot-check verdicts are bad
//! (harmful + should-have-been-edited >= badVerdictShare of at least minSpotChecks verdicts), or
//! customers come back (reopened >= reopenRate of at least minAssistedReplies AI-assisted replies).
class AutomationBiasWatch
{
    Q_DECLARE_TR_FUNCTIONS(tandem::app::AutomationBiasWatch)

public:
    struct Thresholds
    {
        double asIsShare = 0.6;
        double badVerdictShare = 0.25;
        int minSpotChecks = 3;
        double reopenRate = 0.2;
        int minAssistedReplies = 5; //!< fewer as-is + edited replies say nothing about reopen rates
    };

    AutomationBiasWatch() = default;
    explicit AutomationBiasWatch(const Thresholds &thresholds) : m_thresholds(thresholds) {}

    const Thresholds &thresholds() const { return m_thresholds; }
    void setThresholds(const Thresholds &thresholds) { m_thresholds = thresholds; }

    //! True for the groupings the watch is about: "agent" and "intent".
    static bool appliesTo(const QString &groupBy);

    //! The finding for one row, or nullopt when the row is fine.
    std::optional<BiasFinding> evaluate(const SuggestionStatsRow &row) const;
    //! The findings over the report's rows; empty unless the report is grouped by agent or intent.
    QList<BiasFinding> evaluate(const SuggestionStatsReport &report) const;

    //! The rule in one paragraph for people (tool tips, docs), with the current thresholds.
    QString ruleDescription() const;

private:
    Thresholds m_thresholds;
};

} // namespace tandem::app
