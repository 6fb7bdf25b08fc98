#include "PolicyRoutes.h"

#include "RouteHelpers.h"

#include "server/Clock.h"
#include "server/drafting/EscalationPolicy.h"
#include "server/http/Router.h"
#include "server/storage/AuditRepository.h"
#include "server/storage/Database.h"
#include "server/storage/SettingsRepository.h"
#include "server/storage/StatsRepository.h"

#include "core/JsonReader.h"
#include "core/StatsJson.h"

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
constexpr int kMaxListedTickets = 50;
constexpr int kDefaultPreviewDays = 7;
constexpr int kMaxPreviewDays = 31;

//! The policy in force: the stored one, or the built-in one at version 0.
EscalationPolicyDocument currentDocument(Database &db)
{
    EscalationPolicyDocument doc;
    if (const auto stored = SettingsRepository(db).get(EscalationPolicy::kSettingName.toString())) {
        doc.policy = stored->value;
        doc.version = stored->version;
        doc.updatedAt = stored->updatedAt;
        doc.updatedByName = stored->updatedByName;
    } else {
        doc.policy = EscalationPolicy::builtInJson();
    }
    return doc;
}

HttpResponse documentResponse(const EscalationPolicyDocument &doc)
{
    HttpResponse r = HttpResponse::json(200, json::toJson(doc));
    r.setHeader("ETag", routes::etag(doc.version));
    return r;
}

//! Reads {"policy": {...}} plus the extra keys in \a extra; 400 for the shape, 422 for the rules.
std::optional<EscalationPolicy> policyFromBody(const QJsonObject &body, const QStringList &allowed,
                                               QJsonObject *policyJson, HttpResponse *error)
{
    JsonReader r(body);
    r.rejectUnknownKeys(allowed);
    *policyJson = r.object(u"policy");
    if (!r.ok()) {
        *error = HttpResponse::error(400, u"invalid_body"_s, r.error());
        return std::nullopt;
    }
    QString problem;
    auto policy = EscalationPolicy::fromJson(*policyJson, &problem);
    if (!policy)
        *error = HttpResponse::error(422, u"invalid_policy"_s, u"policy."_s + problem);
    return policy;
}

HttpResponse putPolicy(Database &db, const Clock &clock, const RouteContext &ctx)
{
    HttpResponse error;
    const auto body = routes::jsonBody(ctx.request, &error);
    if (!body)
        return error;
    bool malformed = false;
    const auto ifMatch = routes::ifMatchVersion(ctx.request, &malformed);
    if (malformed)
        return HttpResponse::error(400, u"invalid_parameter"_s,
                                   u"If-Match: expected a version such as \"3\"."_s);
    if (!ifMatch)
        return HttpResponse::error(
            428, u"precondition_required"_s,
            u"Changing the policy needs an If-Match header with the version you last saw."_s);
    QJsonObject policyJson;
    const auto policy = policyFromBody(*body, {u"policy"_s}, &policyJson, &error);
    if (!policy)
        return error;

    const QDateTime now = clock.now();
    Transaction tx(db);
    const EscalationPolicyDocument before = currentDocument(db);
    auto stale = [&before, &ifMatch] {
        return HttpResponse::error(
            412, u"version_mismatch"_s,
            u"The policy changed since you loaded it (you have version %1, it is now %2)."_s.arg(*ifMatch)
                .arg(before.version),
            {{u"current_version"_s, static_cast<double>(before.version)}});
    };
    if (*ifMatch != before.version)
        return stale();
    const auto version = SettingsRepository(db).put(EscalationPolicy::kSettingName.toString(), policyJson,
                                                    before.version, ctx.user->id, now);
    if (!version)
        return stale();
    AuditRepository(db).append(
        {0,
         now,
         ctx.user->id,
         u"policy.escalation"_s,
         std::nullopt,
         std::nullopt,
         {{u"version"_s, static_cast<double>(before.version)}, {u"policy"_s, before.policy}},
         {{u"version"_s, static_cast<double>(*version)}, {u"policy"_s, policyJson}}});
    const EscalationPolicyDocument after = currentDocument(db);
    tx.commit();
    return documentResponse(after);
}

HttpResponse preview(Database &db, const Clock &clock, const RouteContext &ctx)
{
    HttpResponse error;
    const auto body = routes::jsonBody(ctx.request, &error);
    if (!body)
        return error;
    JsonReader r(*body);
    const qint64 days = r.optionalInteger(u"days").value_or(kDefaultPreviewDays);
    if (r.ok() && (days < 1 || days > kMaxPreviewDays))
        r.fail(u"days", u"must be from 1 to %1"_s.arg(kMaxPreviewDays));
    if (!r.ok())
        return HttpResponse::error(400, u"invalid_body"_s, r.error());
    QJsonObject policyJson;
    const auto proposed = policyFromBody(*body, {u"policy"_s, u"days"_s}, &policyJson, &error);
    if (!proposed)
        return error;
    QString problem;
    const auto inForce = EscalationPolicy::fromJson(currentDocument(db).policy, &problem);
    const EscalationPolicy current = inForce ? *inForce : EscalationPolicy::builtIn();

    PolicyPreview p;
    p.days = static_cast<int>(days);
    for (const auto &ticket : StatsRepository(db).escalationSignalsSince(clock.now().addDays(-days))) {
        const auto observed = EscalationPolicy::Signals::fromJson(ticket.signalsJson);
        if (!observed)
            continue;
        ++p.tickets;
        const bool now = current.decide(*observed).needsHuman;
        const EscalationPolicy::Decision would = proposed->decide(*observed);
        p.escalatedNow += now ? 1 : 0;
        p.wouldEscalate += would.needsHuman ? 1 : 0;
        for (const QString &code : would.codes)
            ++p.byReason[code];
        if (would.needsHuman && !now && p.newlyEscalated.size() < kMaxListedTickets)
            p.newlyEscalated.append(ticket.ticketId);
        if (!would.needsHuman && now && p.noLongerEscalated.size() < kMaxListedTickets)
            p.noLongerEscalated.append(ticket.ticketId);
    }
    return HttpResponse::json(200, json::toJson(p));
}

} // namespace

void registerPolicyRoutes(Router &router, Database &db, const Clock &clock)
{
    router.add(u"GET"_s, u"/api/v1/policy/escalation"_s, Permission::ViewAiAnalytics,
               [&db](RouteContext &) { return documentResponse(currentDocument(db)); });
    router.add(u"PUT"_s, u"/api/v1/policy/escalation"_s, Permission::ChangeEscalation,
               [&db, &clock](RouteContext &ctx) { return putPolicy(db, clock, ctx); });
    router.add(u"POST"_s, u"/api/v1/policy/escalation/preview"_s, Permission::ViewAiAnalytics,
               [&db, &clock](RouteContext &ctx) { return preview(db, clock, ctx); });
}

} // namespace tandem::server
