#include "StatsRepository.h"

#include "core/ReasonCodes.h"

#include "Database.h"
#include "QueueRepository.h"
#include "SqlTime.h"
#include "UserRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

//! "refund_status" -> "Refund status": intents as people read them.
QString intentLabel(const QString &intent)
{
    QString text = intent;
    text.replace(u'_', u' ');
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

constexpr int kHourBuckets = 25; // the last 24 whole hours plus the current one
constexpr qint64 kHourMs = 3600'000;
const QString kUnsolved = u"status IN ('new', 'open', 'pending')"_s;

QDateTime hourFloor(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms - ms % kHourMs, Qt::UTC);
}

QList<HourBucket> emptyBuckets(const QDateTime &first)
{
    QList<HourBucket> buckets;
    for (int i = 0; i < kHourBuckets; ++i)
        buckets.append({first.addMSecs(i * kHourMs), 0, 0});
    return buckets;
}

int bucketIndex(const QDateTime &first, const QVariant &dbTime)
{
    if (dbTime.isNull())
        return -1;
    const qint64 offset = dbTime.toLongLong() - first.toMSecsSinceEpoch();
    if (offset < 0)
        return -1;
    const qint64 index = offset / kHourMs;
    return index < kHourBuckets ? static_cast<int>(index) : -1;
}

bool hasNeedsHumanFlag(const QString &flagsJson)
{
    const QJsonArray flags = QJsonDocument::fromJson(flagsJson.toUtf8()).array();
    return std::any_of(flags.begin(), flags.end(), [](const QJsonValue &f) {
        return f.toObject().value(u"kind").toString() == u"needs_human";
    });
}

// What one draft contributes to a row of /stats/suggestions.
struct DraftFact
{
    double confidence = 0.0;
    QString outcome; // "" while undecided
    bool needsHuman = false;
    std::optional<int> editDistance;
    bool reopened = false;
    QString verdict;
};

struct RowAccumulator
{
    SuggestionStatsRow row;
    double confidenceSum = 0.0;
    QList<double> distances;

    void add(const DraftFact &f)
    {
        ++row.drafts;
        confidenceSum += f.confidence;
        if (f.needsHuman)
            ++row.needsHumanRate; // a count until finish()
        const bool assisted = f.outcome == u"as_is" || f.outcome == u"edited";
        if (f.outcome == u"as_is")
            ++row.sentAsIs;
        else if (f.outcome == u"edited")
            ++row.edited;
        else if (f.outcome == u"own")
            ++row.ownReply;
        else if (f.outcome == u"discarded")
            ++row.discarded;
        if (assisted && f.editDistance)
            distances.append(*f.editDistance);
        if (assisted && f.reopened)
            ++row.reopened;
        if (!f.verdict.isEmpty()) {
            ++row.spotChecked;
            if (f.verdict == u"good")
                ++row.verdictGood;
            else if (f.verdict == u"should_have_been_edited")
                ++row.verdictShouldEdit;
            else if (f.verdict == u"harmful")
                ++row.verdictHarmful;
        }
    }

    SuggestionStatsRow finish()
    {
        const int decided = row.sentAsIs + row.edited + row.ownReply + row.discarded;
        row.acceptanceRate = decided > 0 ? double(row.sentAsIs + row.edited) / decided : 0.0;
        row.needsHumanRate = row.drafts > 0 ? row.needsHumanRate / row.drafts : 0.0;
        row.averageConfidence = row.drafts > 0 ? confidenceSum / row.drafts : 0.0;
        row.medianEditDistance = StatsRepository::median(distances);
        row.p90EditDistance = StatsRepository::percentile(distances, 0.9);
        return row;
    }
};

} // namespace

std::optional<double> StatsRepository::median(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

std::optional<double> StatsRepository::percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p of the values at or below it.
    const auto rank = static_cast<qsizetype>(std::ceil(p * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

QueueStatsReport StatsRepository::queues(const QDateTime &now)
{
    QueueStatsReport report;
    report.generatedAt = now;
    const QDateTime first = hourFloor(now).addMSecs(-(kHourBuckets - 1) * kHourMs);
    report.hourly = emptyBuckets(first);

    QHash<QString, qsizetype> index;
    for (const Queue &q : QueueRepository(m_db).all()) {
        QueueStats s;
        s.queue = q.id;
        s.name = q.name;
        s.hourly = report.hourly;
        index.insert(q.id, report.queues.size());
        report.queues.append(s);
    }

    const QVariant nowDb = toDb(now);
    QSqlQuery counts =
        m_db.exec(u"SELECT queue, SUM(CASE WHEN %1 THEN 1 ELSE 0 END),"
                  " SUM(CASE WHEN created_at > ? AND created_at <= ? THEN 1 ELSE 0 END),"
                  " SUM(CASE WHEN %1 AND sla_due_at > ? AND sla_due_at <= ? THEN 1 ELSE 0 END),"
                  " SUM(CASE WHEN %1 AND sla_due_at <= ? THEN 1 ELSE 0 END),"
                  " SUM(CASE WHEN %1 AND needs_human <> 0 THEN 1 ELSE 0 END)"
                  " FROM tickets GROUP BY queue"_s.arg(kUnsolved),
                  {toDb(now.addSecs(-3600)), nowDb, nowDb, toDb(now.addSecs(3600)), nowDb});
    while (counts.next()) {
        const auto it = index.constFind(counts.value(0).toString());
        if (it == index.constEnd())
            continue;
        QueueStats &s = report.queues[*it];
        s.open = counts.value(1).toInt();
        s.newLastHour = counts.value(2).toInt();
        s.slaDueWithinHour = counts.value(3).toInt();
        s.breached = counts.value(4).toInt();
        s.needsHuman = counts.value(5).toInt();
    }

    // The oldest unsolved ticket of every queue in one query (the lowest id among equal times).
    QSqlQuery oldest =
        m_db.exec(u"SELECT t.queue, t.id, t.created_at FROM tickets t WHERE t.%1 AND t.created_at ="
                  " (SELECT MIN(u.created_at) FROM tickets u WHERE u.queue = t.queue AND u.%1)"
                  " ORDER BY t.queue, t.id"_s.arg(kUnsolved));
    while (oldest.next()) {
        const auto it = index.constFind(oldest.value(0).toString());
        if (it == index.constEnd() || report.queues[*it].oldestWaitingTicketId)
            continue;
        QueueStats &s = report.queues[*it];
        s.oldestWaitingTicketId = oldest.value(1).toLongLong();
        s.oldestWaitingSeconds = std::max<qint64>(0, timeFromDb(oldest.value(2)).secsTo(now));
    }

    auto bucket = [&](const QString &sql, bool arrivals) {
        QSqlQuery q = m_db.exec(sql, {toDb(first), nowDb});
        while (q.next()) {
            const int i = bucketIndex(first, q.value(1));
            const auto it = index.constFind(q.value(0).toString());
            if (i < 0 || it == index.constEnd())
                continue;
            int &queueCount =
                arrivals ? report.queues[*it].hourly[i].arrivals : report.queues[*it].hourly[i].solved;
            int &allCount = arrivals ? report.hourly[i].arrivals : report.hourly[i].solved;
            ++queueCount;
            ++allCount;
        }
    };
    bucket(u"SELECT queue, created_at FROM tickets WHERE created_at >= ? AND created_at <= ?"_s, true);
    bucket(u"SELECT queue, solved_at FROM tickets WHERE solved_at >= ? AND solved_at <= ?"_s, false);
    return report;
}

AgentStatsReport StatsRepository::agents(const QDateTime &now)
{
    AgentStatsReport report;
    report.generatedAt = now;
    const QVariant nowDb = toDb(now);

    QHash<qint64, int> assigned;
    QSqlQuery q = m_db.exec(u"SELECT assignee_id, COUNT(*) FROM tickets WHERE %1 AND assignee_id IS NOT NULL"
                            " GROUP BY assignee_id"_s.arg(kUnsolved));
    while (q.next())
        assigned.insert(q.value(0).toLongLong(), q.value(1).toInt());

    QHash<qint64, int> repliesToday;
    const QDateTime midnight(now.date(), QTime(0, 0), Qt::UTC);
    q = m_db.exec(u"SELECT author_id, COUNT(*) FROM messages WHERE author_kind = 'agent' AND internal = 0"
                  " AND author_id IS NOT NULL AND created_at >= ? AND created_at <= ? GROUP BY author_id"_s,
                  {toDb(midnight), nowDb});
    while (q.next())
        repliesToday.insert(q.value(0).toLongLong(), q.value(1).toInt());

    // Handle time: from the latest customer message before each public reply to the reply.
    QHash<qint64, QList<double>> handle;
    q = m_db.exec(
        u"SELECT m.author_id, m.created_at, (SELECT MAX(c.created_at) FROM messages c"
        " WHERE c.ticket_id = m.ticket_id AND c.author_kind = 'customer' AND c.id < m.id)"
        " FROM messages m WHERE m.author_kind = 'agent' AND m.internal = 0 AND m.author_id IS NOT NULL"
        " AND m.created_at >= ? AND m.created_at <= ?"_s,
        {toDb(now.addDays(-7)), nowDb});
    while (q.next()) {
        if (q.value(2).isNull())
            continue;
        const qint64 ms = q.value(1).toLongLong() - q.value(2).toLongLong();
        handle[q.value(0).toLongLong()].append(double(std::max<qint64>(0, ms / 1000)));
    }

    // Presence: the latest sign of life in the store (live-stream connections, presence events,
    // logins, audited actions), so that every instance sees the same.
    QHash<qint64, qint64> lastSeen;
    auto seen = [&lastSeen](qint64 user, qint64 at) {
        lastSeen[user] = std::max(lastSeen.value(user, 0), at);
    };
    const QVariant awayFrom = toDb(now.addSecs(-30 * 60));
    q = m_db.exec(u"SELECT payload, created_at FROM events WHERE type = 'presence' AND created_at >= ?"_s,
                  {awayFrom});
    while (q.next()) {
        const QJsonObject payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        seen(payload.value(u"user_id").toInteger(), q.value(1).toLongLong());
    }
    q = m_db.exec(u"SELECT user_id, MAX(created_at) FROM sessions WHERE created_at >= ? GROUP BY user_id"_s,
                  {awayFrom});
    while (q.next())
        seen(q.value(0).toLongLong(), q.value(1).toLongLong());
    q = m_db.exec(u"SELECT user_id, last_seen_at FROM user_presence WHERE last_seen_at >= ?"_s, {awayFrom});
    while (q.next())
        seen(q.value(0).toLongLong(), q.value(1).toLongLong());
    q = m_db.exec(u"SELECT user_id, MAX(at) FROM audit_log WHERE at >= ? AND user_id IS NOT NULL"
                  " GROUP BY user_id"_s,
                  {awayFrom});
    while (q.next())
        seen(q.value(0).toLongLong(), q.value(1).toLongLong());

    for (const User &u : UserRepository(m_db).users()) {
        AgentStats a;
        a.userId = u.id;
        a.name = u.name;
        a.email = u.email;
        a.role = toString(u.role);
        const qint64 last = lastSeen.value(u.id, 0);
        const qint64 age = now.toMSecsSinceEpoch() - last;
        a.presence = last == 0            ? u"offline"_s
                     : age <= 2 * 60'000  ? u"online"_s
                     : age <= 30 * 60'000 ? u"away"_s
                                          : u"offline"_s;
        a.assignedOpen = assigned.value(u.id);
        a.repliesToday = repliesToday.value(u.id);
        if (const auto m = median(handle.value(u.id)))
            a.medianHandleSeconds = static_cast<qint64>(*m);
        report.agents.append(a);
    }
    return report;
}

SuggestionStatsReport StatsRepository::suggestions(const QDateTime &from, const QDateTime &to,
                                                   const QString &groupBy)
{
    SuggestionStatsReport report;
    report.from = from;
    report.to = to;
    report.groupBy = groupBy;

    QHash<QString, QString> labels;
    if (groupBy == u"queue") {
        for (const Queue &q : QueueRepository(m_db).all())
            labels.insert(q.id, q.name);
    } else if (groupBy == u"agent") {
        for (const User &u : UserRepository(m_db).users())
            labels.insert(QString::number(u.id), u.name);
    }

    QSqlQuery q = m_db.exec(
        u"SELECT d.id, d.confidence, d.intent, t.language, t.queue, COALESCE(d.decided_by, t.assignee_id),"
        " d.outcome, d.flags, m.edit_distance, r.verdict,"
        " CASE WHEN m.id IS NOT NULL AND EXISTS (SELECT 1 FROM messages c WHERE c.ticket_id = m.ticket_id"
        "  AND c.author_kind = 'customer' AND c.id > m.id) THEN 1 ELSE 0 END"
        " FROM drafts d JOIN tickets t ON t.id = d.ticket_id"
        " LEFT JOIN messages m ON m.draft_id = d.id AND m.internal = 0"
        " LEFT JOIN reviews r ON r.message_id = m.id"
        " WHERE t.created_at >= ? AND t.created_at < ? ORDER BY d.id"_s,
        {toDb(from), toDb(to)});

    QHash<QString, RowAccumulator> groups;
    RowAccumulator total;
    total.row.key = u"total"_s;
    total.row.label = u"All"_s;
    QList<CalibrationBin> bins;
    QList<double> binConfidence(10, 0.0);
    for (int i = 0; i < 10; ++i)
        bins.append({i / 10.0, (i + 1) / 10.0, 0, 0, 0.0});
    qint64 lastDraft = -1;
    while (q.next()) {
        const qint64 draftId = q.value(0).toLongLong();
        if (draftId == lastDraft)
            continue; // a draft sent twice counts once
        lastDraft = draftId;
        DraftFact f;
        f.confidence = q.value(1).toDouble();
        f.outcome = q.value(6).toString();
        f.needsHuman = hasNeedsHumanFlag(q.value(7).toString());
        if (!q.value(8).isNull())
            f.editDistance = q.value(8).toInt();
        f.verdict = q.value(9).toString();
        f.reopened = q.value(10).toInt() != 0;

        QString key;
        if (groupBy == u"intent")
            key = q.value(2).toString();
        else if (groupBy == u"language")
            key = q.value(3).toString();
        else if (groupBy == u"queue")
            key = q.value(4).toString();
        else
            key = q.value(5).isNull() ? QString() : QString::number(q.value(5).toLongLong());
        RowAccumulator &acc = groups[key];
        acc.row.key = key;
        acc.row.label =
            key.isEmpty() ? u"(none)"_s : labels.value(key, groupBy == u"intent" ? intentLabel(key) : key);
        acc.add(f);
        total.add(f);

        if (!f.outcome.isEmpty()) {
            const int bin = std::clamp(static_cast<int>(f.confidence * 10.0), 0, 9);
            ++bins[bin].decided;
            if (f.outcome == u"as_is" || f.outcome == u"edited")
                ++bins[bin].accepted;
            binConfidence[bin] += f.confidence;
        }
    }
    for (int i = 0; i < 10; ++i)
        bins[i].averageConfidence = bins[i].decided > 0 ? binConfidence[i] / bins[i].decided : 0.0;
    for (auto it = groups.begin(); it != groups.end(); ++it)
        report.rows.append(it->finish());
    std::sort(report.rows.begin(), report.rows.end(),
              [](const SuggestionStatsRow &a, const SuggestionStatsRow &b) {
                  return a.drafts != b.drafts ? a.drafts > b.drafts : a.key < b.key;
              });
    report.total = total.finish();
    report.calibration = bins;
    // Escalations per reason code, over the tickets created in the range (one scan; LIKE on the
    // JSON array is portable SQL, the codes are fixed words).
    QStringList sums;
    for (const QString &code : reason::all()) {
        sums << u"SUM(CASE WHEN needs_human <> 0 AND needs_human_codes LIKE '%\"%1\"%' THEN 1 ELSE 0 END)"_s
                    .arg(code)
             << u"SUM(CASE WHEN needs_human <> 0 AND needs_human_codes LIKE '%\"%1\"%' AND status <> 'solved'"
                " THEN 1 ELSE 0 END)"_s.arg(code);
    }
    QSqlQuery perCode = m_db.exec(u"SELECT "_s + sums.join(u", "_s) +
                                      u" FROM tickets WHERE created_at >= ? AND created_at < ?"_s,
                                  {toDb(from), toDb(to)});
    if (perCode.next()) {
        for (qsizetype i = 0; i < reason::all().size(); ++i)
            report.escalations.append({reason::all().at(i), perCode.value(int(2 * i)).toInt(),
                                       perCode.value(int(2 * i + 1)).toInt()});
    }
    return report;
}

QList<StatsRepository::TicketSignals> StatsRepository::escalationSignalsSince(const QDateTime &from)
{
    QList<TicketSignals> out;
    QSqlQuery q =
        m_db.exec(u"SELECT t.id, s.signals FROM tickets t JOIN draft_signals s ON s.ticket_id = t.id"
                  " WHERE t.created_at >= ? ORDER BY t.id"_s,
                  {toDb(from)});
    while (q.next())
        out.append(
            {q.value(0).toLongLong(), QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()});
    return out;
}

} // namespace tandem::server
