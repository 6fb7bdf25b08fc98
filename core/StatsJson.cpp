#include "StatsJson.h"

#include "JsonCodec.h"
#include "JsonCodecHelpers.h"
#include "JsonReader.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace tandem::json {
namespace {

using detail::finish;
using detail::nested;
using detail::nestedList;
using detail::nullable;
using detail::timeOrNull;

QJsonValue nullableNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

int count(JsonReader &r, QStringView key)
{
    const qint64 value = r.integer(key);
    if (r.ok() && (value < 0 || value > std::numeric_limits<int>::max()))
        r.fail(key, u"expected a non-negative count"_s);
    return static_cast<int>(value);
}

std::optional<double> optionalNumber(JsonReader &r, QStringView key)
{
    if (!r.hasValue(key))
        return std::nullopt;
    const double value = r.number(key);
    return r.ok() ? std::optional<double>(value) : std::nullopt;
}

QList<qint64> integerList(JsonReader &r, QStringView key)
{
    const QJsonArray items = r.array(key);
    QList<qint64> out;
    out.reserve(items.size());
    for (const QJsonValue &item : items) {
        const double d = item.toDouble(-1.5);
        if (!item.isDouble() || d != static_cast<double>(static_cast<qint64>(d))) {
            r.fail(key, u"expected an array of integers"_s);
            return {};
        }
        out.append(static_cast<qint64>(d));
    }
    return out;
}

QJsonArray integerArray(const QList<qint64> &values)
{
    QJsonArray out;
    for (const qint64 v : values)
        out.append(static_cast<double>(v));
    return out;
}

// Citations and flags have the same shapes as in Draft (core/JsonCodec.cpp), whose decoders
// are private to that file.
std::optional<Citation> citationFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    Citation c;
    c.sourceId = r.string(u"source_id");
    c.title = r.string(u"title");
    c.snippet = r.string(u"snippet");
    return finish(r, c, error);
}

std::optional<DraftFlag> flagFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    DraftFlag f;
    f.kind = r.string(u"kind");
    f.message = r.string(u"message");
    f.start = static_cast<int>(r.optionalInteger(u"start").value_or(-1));
    f.length = static_cast<int>(r.optionalInteger(u"length").value_or(0));
    return finish(r, f, error);
}

QJsonObject toJson(const HourBucket &v)
{
    return {{u"hour_start"_s, timeOrNull(v.hourStart)}, {u"arrivals"_s, v.arrivals}, {u"solved"_s, v.solved}};
}

QJsonArray toJson(const QList<HourBucket> &buckets)
{
    QJsonArray out;
    for (const HourBucket &b : buckets)
        out.append(toJson(b));
    return out;
}

std::optional<HourBucket> hourBucketFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    HourBucket b;
    b.hourStart = r.time(u"hour_start");
    b.arrivals = count(r, u"arrivals");
    b.solved = count(r, u"solved");
    return finish(r, b, error);
}

QJsonObject toJson(const QueueStats &v)
{
    return {
        {u"queue"_s, v.queue},
        {u"name"_s, v.name},
        {u"open"_s, v.open},
        {u"new_last_hour"_s, v.newLastHour},
        {u"oldest_waiting_seconds"_s, static_cast<double>(v.oldestWaitingSeconds)},
        {u"oldest_waiting_ticket_id"_s, nullable(v.oldestWaitingTicketId)},
        {u"sla_due_within_hour"_s, v.slaDueWithinHour},
        {u"breached"_s, v.breached},
        {u"needs_human"_s, v.needsHuman},
        {u"hourly"_s, toJson(v.hourly)},
    };
}

std::optional<QueueStats> queueStatsFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    QueueStats q;
    q.queue = r.string(u"queue");
    q.name = r.string(u"name");
    q.open = count(r, u"open");
    q.newLastHour = count(r, u"new_last_hour");
    q.oldestWaitingSeconds = r.integer(u"oldest_waiting_seconds");
    q.oldestWaitingTicketId = r.optionalInteger(u"oldest_waiting_ticket_id");
    q.slaDueWithinHour = count(r, u"sla_due_within_hour");
    q.breached = count(r, u"breached");
    q.needsHuman = count(r, u"needs_human");
    q.hourly = nestedList<HourBucket>(r, u"hourly", hourBucketFromJson);
    return finish(r, q, error);
}

QJsonObject toJson(const AgentStats &v)
{
    return {
        {u"user_id"_s, static_cast<double>(v.userId)},
        {u"name"_s, v.name},
        {u"email"_s, v.email},
        {u"role"_s, v.role},
        {u"presence"_s, v.presence},
        {u"assigned_open"_s, v.assignedOpen},
        {u"replies_today"_s, v.repliesToday},
        {u"median_handle_seconds"_s, nullable(v.medianHandleSeconds)},
    };
}

std::optional<AgentStats> agentStatsFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    AgentStats a;
    a.userId = r.integer(u"user_id");
    a.name = r.string(u"name");
    a.email = r.string(u"email");
    a.role = r.string(u"role");
    a.presence = r.string(u"presence");
    a.assignedOpen = count(r, u"assigned_open");
    a.repliesToday = count(r, u"replies_today");
    a.medianHandleSeconds = r.optionalInteger(u"median_handle_seconds");
    return finish(r, a, error);
}

QJsonObject toJson(const SuggestionStatsRow &v)
{
    return {
        {u"key"_s, v.key},
        {u"label"_s, v.label},
        {u"drafts"_s, v.drafts},
        {u"sent_as_is"_s, v.sentAsIs},
        {u"edited"_s, v.edited},
        {u"own_reply"_s, v.ownReply},
        {u"discarded"_s, v.discarded},
        {u"acceptance_rate"_s, v.acceptanceRate},
        {u"median_edit_distance"_s, nullableNumber(v.medianEditDistance)},
        {u"p90_edit_distance"_s, nullableNumber(v.p90EditDistance)},
        {u"needs_human_rate"_s, v.needsHumanRate},
        {u"average_confidence"_s, v.averageConfidence},
        {u"reopened"_s, v.reopened},
        {u"spot_checked"_s, v.spotChecked},
        {u"verdict_good"_s, v.verdictGood},
        {u"verdict_should_edit"_s, v.verdictShouldEdit},
        {u"verdict_harmful"_s, v.verdictHarmful},
    };
}

std::optional<SuggestionStatsRow> suggestionStatsRowFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    SuggestionStatsRow s;
    s.key = r.string(u"key");
    s.label = r.string(u"label");
    s.drafts = count(r, u"drafts");
    s.sentAsIs = count(r, u"sent_as_is");
    s.edited = count(r, u"edited");
    s.ownReply = count(r, u"own_reply");
    s.discarded = count(r, u"discarded");
    s.acceptanceRate = r.number(u"acceptance_rate");
    s.medianEditDistance = optionalNumber(r, u"median_edit_distance");
    s.p90EditDistance = optionalNumber(r, u"p90_edit_distance");
    s.needsHumanRate = r.number(u"needs_human_rate");
    s.averageConfidence = r.number(u"average_confidence");
    s.reopened = count(r, u"reopened");
    s.spotChecked = count(r, u"spot_checked");
    s.verdictGood = count(r, u"verdict_good");
    s.verdictShouldEdit = count(r, u"verdict_should_edit");
    s.verdictHarmful = count(r, u"verdict_harmful");
    return finish(r, s, error);
}

QJsonObject toJson(const CalibrationBin &v)
{
    return {{u"from"_s, v.from},
            {u"to"_s, v.to},
            {u"decided"_s, v.decided},
            {u"accepted"_s, v.accepted},
            {u"average_confidence"_s, v.averageConfidence}};
}

std::optional<CalibrationBin> calibrationBinFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    CalibrationBin b;
    b.from = r.number(u"from");
    b.to = r.number(u"to");
    b.decided = count(r, u"decided");
    b.accepted = count(r, u"accepted");
    b.averageConfidence = r.number(u"average_confidence");
    return finish(r, b, error);
}

const QStringList kVerdicts = {u"good"_s, u"should_have_been_edited"_s, u"harmful"_s};

} // namespace

QJsonObject toJson(const QueueStatsReport &v)
{
    QJsonArray queues;
    for (const QueueStats &q : v.queues)
        queues.append(toJson(q));
    return {{u"generated_at"_s, timeOrNull(v.generatedAt)},
            {u"queues"_s, queues},
            {u"hourly"_s, toJson(v.hourly)}};
}

QJsonObject toJson(const AgentStatsReport &v)
{
    QJsonArray agents;
    for (const AgentStats &a : v.agents)
        agents.append(toJson(a));
    return {{u"generated_at"_s, timeOrNull(v.generatedAt)}, {u"agents"_s, agents}};
}

QJsonObject toJson(const SuggestionStatsReport &v)
{
    QJsonArray rows;
    for (const SuggestionStatsRow &row : v.rows)
        rows.append(toJson(row));
    QJsonArray bins;
    for (const CalibrationBin &b : v.calibration)
        bins.append(toJson(b));
    QJsonArray escalations;
    for (const EscalationCodeCount &e : v.escalations)
        escalations.append(
            QJsonObject{{u"code"_s, e.code}, {u"tickets"_s, e.tickets}, {u"unsolved"_s, e.unsolved}});
    return {{u"from"_s, timeOrNull(v.from)},
            {u"to"_s, timeOrNull(v.to)},
            {u"group_by"_s, v.groupBy},
            {u"rows"_s, rows},
            {u"total"_s, toJson(v.total)},
            {u"calibration"_s, bins},
            {u"escalations_by_code"_s, escalations}};
}

QJsonObject toJson(const ReviewItem &v)
{
    QJsonArray citations;
    for (const Citation &c : v.citations)
        citations.append(toJson(c));
    QJsonArray flags;
    for (const DraftFlag &f : v.flags)
        flags.append(toJson(f));
    return {
        {u"id"_s, static_cast<double>(v.id)},
        {u"ticket_id"_s, static_cast<double>(v.ticketId)},
        {u"ticket_subject"_s, v.ticketSubject},
        {u"queue"_s, v.queue},
        {u"intent"_s, v.intent},
        {u"language"_s, v.language},
        {u"agent_id"_s, static_cast<double>(v.agentId)},
        {u"agent_name"_s, v.agentName},
        {u"sent_at"_s, timeOrNull(v.sentAt)},
        {u"outcome"_s, v.outcome},
        {u"draft_id"_s, static_cast<double>(v.draftId)},
        {u"draft_body"_s, v.draftBody},
        {u"sent_body"_s, v.sentBody},
        {u"confidence"_s, v.confidence},
        {u"citations"_s, citations},
        {u"flags"_s, flags},
        {u"edit_distance"_s, v.editDistance},
        {u"reopened"_s, v.reopened},
        {u"verdict"_s, stringOrNull(v.verdict)},
        {u"verdict_note"_s, v.verdictNote},
        {u"reviewer_name"_s, stringOrNull(v.reviewerName)},
        {u"reviewed_at"_s, timeOrNull(v.reviewedAt)},
    };
}

QJsonObject toJson(const ReviewPage &v)
{
    QJsonArray items;
    for (const ReviewItem &item : v.items)
        items.append(toJson(item));
    return {{u"items"_s, items}, {u"next_cursor"_s, stringOrNull(v.nextCursor)}};
}

QJsonObject toJson(const VerdictRequest &v)
{
    QJsonObject o{{u"verdict"_s, v.verdict}};
    if (!v.note.isEmpty())
        o.insert(u"note"_s, v.note);
    return o;
}

QJsonObject toJson(const EscalationPolicyDocument &v)
{
    return {{u"policy"_s, v.policy},
            {u"version"_s, static_cast<double>(v.version)},
            {u"updated_at"_s, timeOrNull(v.updatedAt)},
            {u"updated_by_name"_s, stringOrNull(v.updatedByName)}};
}

QJsonObject toJson(const PolicyPreview &v)
{
    QJsonObject byReason;
    for (auto it = v.byReason.constBegin(); it != v.byReason.constEnd(); ++it)
        byReason.insert(it.key(), it.value());
    return {{u"days"_s, v.days},
            {u"tickets"_s, v.tickets},
            {u"escalated_now"_s, v.escalatedNow},
            {u"would_escalate"_s, v.wouldEscalate},
            {u"by_reason"_s, byReason},
            {u"newly_escalated"_s, integerArray(v.newlyEscalated)},
            {u"no_longer_escalated"_s, integerArray(v.noLongerEscalated)}};
}

std::optional<QueueStatsReport> queueStatsReportFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    QueueStatsReport report;
    report.generatedAt = r.time(u"generated_at");
    report.queues = nestedList<QueueStats>(r, u"queues", queueStatsFromJson);
    report.hourly = nestedList<HourBucket>(r, u"hourly", hourBucketFromJson);
    return finish(r, report, error);
}

std::optional<AgentStatsReport> agentStatsReportFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    AgentStatsReport report;
    report.generatedAt = r.time(u"generated_at");
    report.agents = nestedList<AgentStats>(r, u"agents", agentStatsFromJson);
    return finish(r, report, error);
}

std::optional<EscalationCodeCount> escalationCodeCountFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    EscalationCodeCount c;
    c.code = r.string(u"code");
    c.tickets = int(r.integer(u"tickets"));
    c.unsolved = int(r.integer(u"unsolved"));
    return finish(r, c, error);
}

std::optional<SuggestionStatsReport> suggestionStatsReportFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    SuggestionStatsReport report;
    report.from = r.time(u"from");
    report.to = r.time(u"to");
    report.groupBy = r.string(u"group_by");
    report.rows = nestedList<SuggestionStatsRow>(r, u"rows", suggestionStatsRowFromJson);
    report.total = nested<SuggestionStatsRow>(r, u"total", suggestionStatsRowFromJson);
    report.calibration = nestedList<CalibrationBin>(r, u"calibration", calibrationBinFromJson);
    // Added in API 1.3.0: older servers send none.
    if (r.hasValue(u"escalations_by_code"))
        report.escalations =
            nestedList<EscalationCodeCount>(r, u"escalations_by_code", escalationCodeCountFromJson);
    return finish(r, report, error);
}

std::optional<ReviewItem> reviewItemFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    ReviewItem i;
    i.id = r.integer(u"id");
    i.ticketId = r.integer(u"ticket_id");
    i.ticketSubject = r.string(u"ticket_subject");
    i.queue = r.string(u"queue");
    i.intent = r.string(u"intent");
    i.language = r.string(u"language");
    i.agentId = r.integer(u"agent_id");
    i.agentName = r.string(u"agent_name");
    i.sentAt = r.time(u"sent_at");
    i.outcome = r.string(u"outcome");
    i.draftId = r.integer(u"draft_id");
    i.draftBody = r.string(u"draft_body");
    i.sentBody = r.string(u"sent_body");
    i.confidence = r.number(u"confidence");
    i.citations = nestedList<Citation>(r, u"citations", citationFromJson);
    i.flags = nestedList<DraftFlag>(r, u"flags", flagFromJson);
    i.editDistance = count(r, u"edit_distance");
    i.reopened = r.boolean(u"reopened");
    i.verdict = r.optionalString(u"verdict").value_or(QString());
    if (r.ok() && !i.verdict.isEmpty() && !kVerdicts.contains(i.verdict))
        r.fail(u"verdict", u"expected one of: "_s + kVerdicts.join(u", "_s));
    i.verdictNote = r.optionalString(u"verdict_note").value_or(QString());
    i.reviewerName = r.optionalString(u"reviewer_name").value_or(QString());
    i.reviewedAt = r.optionalTime(u"reviewed_at").value_or(QDateTime());
    return finish(r, i, error);
}

std::optional<ReviewPage> reviewPageFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    ReviewPage page;
    page.items = nestedList<ReviewItem>(r, u"items", reviewItemFromJson);
    page.nextCursor = r.optionalString(u"next_cursor").value_or(QString());
    return finish(r, page, error);
}

std::optional<VerdictRequest> verdictRequestFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    r.rejectUnknownKeys({u"verdict"_s, u"note"_s});
    VerdictRequest v;
    v.verdict = r.string(u"verdict");
    if (r.ok() && !kVerdicts.contains(v.verdict))
        r.fail(u"verdict", u"unknown value \"%1\" (expected one of: %2)"_s.arg(v.verdict.left(40),
                                                                               kVerdicts.join(u", "_s)));
    v.note = r.optionalString(u"note").value_or(QString());
    if (r.ok() && v.note.size() > 2000)
        r.fail(u"note", u"must be at most 2000 characters"_s);
    return finish(r, v, error);
}

std::optional<EscalationPolicyDocument> escalationPolicyDocumentFromJson(const QJsonObject &object,
                                                                         QString *error)
{
    JsonReader r(object);
    EscalationPolicyDocument d;
    d.policy = r.object(u"policy");
    d.version = r.integer(u"version");
    d.updatedAt = r.optionalTime(u"updated_at").value_or(QDateTime());
    d.updatedByName = r.optionalString(u"updated_by_name").value_or(QString());
    return finish(r, d, error);
}

std::optional<PolicyPreview> policyPreviewFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    PolicyPreview p;
    p.days = count(r, u"days");
    p.tickets = count(r, u"tickets");
    p.escalatedNow = count(r, u"escalated_now");
    p.wouldEscalate = count(r, u"would_escalate");
    const QJsonObject byReason = r.object(u"by_reason");
    for (auto it = byReason.constBegin(); it != byReason.constEnd() && r.ok(); ++it) {
        const double d = it->toDouble(-1.5);
        if (!it->isDouble() || d < 0 || d != static_cast<double>(static_cast<int>(d)))
            r.fail(u"by_reason", u"\"%1\": expected a non-negative count"_s.arg(it.key().left(40)));
        else
            p.byReason.insert(it.key(), static_cast<int>(d));
    }
    p.newlyEscalated = integerList(r, u"newly_escalated");
    p.noLongerEscalated = integerList(r, u"no_longer_escalated");
    return finish(r, p, error);
}

} // namespace tandem::json
