#pragma once

#include "Draft.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

//! Value types of the leads' and supervisors' endpoints (docs/api/openapi.yaml, tag "stats").
//! Every figure is computed by tandemd from its store at request time; nothing here is a counter
//! a client keeps.
namespace tandem {

//! Arrivals and solved tickets in one clock hour (UTC), for the 24-hour chart.
struct HourBucket
{
    QDateTime hourStart; //!< UTC, whole hour
    int arrivals = 0;    //!< tickets created in the hour
    int solved = 0;      //!< tickets whose solved_at falls in the hour
    bool operator==(const HourBucket &) const = default;
};

//! GET /stats/queues: the live health of one queue.
struct QueueStats
{
    QString queue;                   //!< queue id, e.g. "cards"
    QString name;                    //!< display name, e.g. "Cards"
    int open = 0;                    //!< status new, open or pending
    int newLastHour = 0;             //!< created in the last 60 minutes
    qint64 oldestWaitingSeconds = 0; //!< now - created_at of the oldest unsolved ticket (0 if none)
    std::optional<qint64> oldestWaitingTicketId;
    int slaDueWithinHour = 0; //!< unsolved, sla_due_at in (now, now + 1 h]
    int breached = 0;         //!< unsolved, sla_due_at <= now
    int needsHuman = 0;       //!< unsolved and needs_human
    QList<HourBucket> hourly; //!< the last 24 whole hours plus the current one, oldest first
    bool operator==(const QueueStats &) const = default;
};

struct QueueStatsReport
{
    QDateTime generatedAt;
    QList<QueueStats> queues;
    QList<HourBucket> hourly; //!< all queues together, same buckets as each queue's
};

//! GET /stats/agents: one person's load.
struct AgentStats
{
    qint64 userId = 0;
    QString name;
    QString email;
    QString role;                              //!< agent|lead|supervisor|admin
    QString presence;                          //!< "online" | "away" | "offline"
    int assignedOpen = 0;                      //!< unsolved tickets assigned to them
    int repliesToday = 0;                      //!< public replies since 00:00 UTC
    std::optional<qint64> medianHandleSeconds; //!< see openapi: customer message -> their reply, last 7 days
    bool operator==(const AgentStats &) const = default;
};

struct AgentStatsReport
{
    QDateTime generatedAt;
    QList<AgentStats> agents;
};

//! One row of GET /stats/suggestions: what humans did with the AI's drafts in one group.
struct SuggestionStatsRow
{
    QString key;    //!< the group's value: an intent, a language code, a queue id or a user id
    QString label;  //!< for people: the same, or the agent's name / queue name
    int drafts = 0; //!< drafts produced for tickets created in the range
    int sentAsIs = 0;
    int edited = 0;
    int ownReply = 0;
    int discarded = 0;
    double acceptanceRate =
        0.0; //!< (as_is + edited) / (as_is + edited + own + discarded); 0 when none decided
    std::optional<double> medianEditDistance; //!< characters, over as_is + edited replies
    std::optional<double> p90EditDistance;
    double needsHumanRate = 0.0; //!< drafts whose ticket needed a human / drafts
    double averageConfidence = 0.0;
    int reopened = 0;    //!< AI-assisted replies after which the customer wrote again
    int spotChecked = 0; //!< reviews with a verdict
    int verdictGood = 0;
    int verdictShouldEdit = 0;
    int verdictHarmful = 0;
    bool operator==(const SuggestionStatsRow &) const = default;
};

//! Confidence vs acceptance: are 90%-confident drafts accepted 90% of the time?
struct CalibrationBin
{
    double from = 0.0; //!< confidence range [from, to)
    double to = 0.0;
    int decided = 0;
    int accepted = 0;
    double averageConfidence = 0.0;
    bool operator==(const CalibrationBin &) const = default;
};

//! How many tickets went to a person for one reason code (core/ReasonCodes.h).
struct EscalationCodeCount
{
    QString code;
    int tickets = 0;  //!< tickets created in the range whose latest judgement carries the code
    int unsolved = 0; //!< of those, not solved yet
    bool operator==(const EscalationCodeCount &) const = default;
};

struct SuggestionStatsReport
{
    QDateTime from;
    QDateTime to;
    QString groupBy; //!< intent|language|queue|agent
    QList<SuggestionStatsRow> rows;
    SuggestionStatsRow total;
    QList<CalibrationBin> calibration;      //!< ten bins of 0.1
    QList<EscalationCodeCount> escalations; //!< per reason code, most serious first (all codes)
};

//! GET /reviews: one AI-assisted reply, what the AI proposed and what was sent.
struct ReviewItem
{
    qint64 id = 0; //!< the sent message's id (the review is keyed by it)
    qint64 ticketId = 0;
    QString ticketSubject;
    QString queue;
    QString intent;
    QString language;
    qint64 agentId = 0;
    QString agentName;
    QDateTime sentAt;
    QString outcome; //!< as_is|edited|own
    qint64 draftId = 0;
    QString draftBody;
    QString sentBody;
    double confidence = 0.0;
    QList<Citation> citations;
    QList<DraftFlag> flags;
    int editDistance = 0;
    bool reopened = false;
    QString verdict; //!< "" (none yet) | good | should_have_been_edited | harmful
    QString verdictNote;
    QString reviewerName;
    QDateTime reviewedAt;
    bool operator==(const ReviewItem &) const = default;
};

struct ReviewPage
{
    QList<ReviewItem> items;
    QString nextCursor; //!< empty when there is no further page
};

//! POST /reviews/{id}/verdict body.
struct VerdictRequest
{
    QString verdict; //!< good | should_have_been_edited | harmful
    QString note;    //!< optional, <= 2000 characters
};

//! GET/PUT /policy/escalation: the escalation rules (the EscalationPolicy JSON document) and
//! their version for If-Match.
struct EscalationPolicyDocument
{
    QJsonObject policy;
    qint64 version = 0;
    QDateTime updatedAt;   //!< invalid while the built-in default is in force
    QString updatedByName; //!< empty while the built-in default is in force
};

//! POST /policy/escalation/preview answer: what a proposed policy would have done.
struct PolicyPreview
{
    int days = 7;
    int tickets = 0;              //!< tickets with a draft in the window
    int escalatedNow = 0;         //!< under the policy in force
    int wouldEscalate = 0;        //!< under the proposed policy
    QHash<QString, int> byReason; //!< proposed policy: reason -> tickets
    QList<qint64> newlyEscalated; //!< up to 50 ticket ids that would change to needs_human
    QList<qint64> noLongerEscalated;
};

} // namespace tandem
