#include "StatsRoutes.h"

#include "server/Clock.h"
#include "server/http/Router.h"
#include "server/storage/StatsRepository.h"

#include "core/JsonReader.h"
#include "core/StatsJson.h"

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
constexpr int kDefaultRangeDays = 14;
constexpr int kMaxRangeDays = 366;

HttpResponse invalidParameter(const QString &message)
{
    return HttpResponse::error(400, u"invalid_parameter"_s, message);
}

HttpResponse suggestions(Database &db, const Clock &clock, const RouteContext &ctx)
{
    const QUrlQuery &query = ctx.request.query;
    QDateTime to = clock.now();
    if (query.hasQueryItem(u"to"_s)) {
        to = parseTime(query.queryItemValue(u"to"_s, QUrl::FullyDecoded));
        if (!to.isValid())
            return invalidParameter(u"to: expected an ISO 8601 time such as 2026-11-25T00:00:00Z."_s);
    }
    QDateTime from = to.addDays(-kDefaultRangeDays);
    if (query.hasQueryItem(u"from"_s)) {
        from = parseTime(query.queryItemValue(u"from"_s, QUrl::FullyDecoded));
        if (!from.isValid())
            return invalidParameter(u"from: expected an ISO 8601 time such as 2026-11-11T00:00:00Z."_s);
    }
    if (from >= to)
        return invalidParameter(u"from: must be before to."_s);
    if (from.daysTo(to) > kMaxRangeDays)
        return invalidParameter(u"from: the range may span at most %1 days."_s.arg(kMaxRangeDays));
    const QString groupBy =
        query.hasQueryItem(u"group_by"_s) ? query.queryItemValue(u"group_by"_s) : u"intent"_s;
    static const QStringList kGroups{u"intent"_s, u"language"_s, u"queue"_s, u"agent"_s};
    if (!kGroups.contains(groupBy))
        return invalidParameter(u"group_by: expected one of: intent, language, queue, agent."_s);
    return HttpResponse::json(200, json::toJson(StatsRepository(db).suggestions(from, to, groupBy)));
}

} // namespace

void registerStatsRoutes(Router &router, Database &db, const Clock &clock)
{
    router.add(u"GET"_s, u"/api/v1/stats/queues"_s, Permission::ViewQueueStats,
               [&db, &clock](RouteContext &) {
                   return HttpResponse::json(200, json::toJson(StatsRepository(db).queues(clock.now())));
               });
    router.add(u"GET"_s, u"/api/v1/stats/agents"_s, Permission::ViewQueueStats,
               [&db, &clock](RouteContext &) {
                   return HttpResponse::json(200, json::toJson(StatsRepository(db).agents(clock.now())));
               });
    router.add(u"GET"_s, u"/api/v1/stats/suggestions"_s, Permission::ViewAiAnalytics,
               [&db, &clock](RouteContext &ctx) { return suggestions(db, clock, ctx); });
}

} // namespace tandem::server
