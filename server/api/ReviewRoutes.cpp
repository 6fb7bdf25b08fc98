#include "ReviewRoutes.h"

#include "RouteHelpers.h"

#include "server/Clock.h"
#include "server/http/Router.h"
#include "server/storage/AuditRepository.h"
#include "server/storage/Database.h"
#include "server/storage/ReviewRepository.h"

#include "core/JsonReader.h"
#include "core/StatsJson.h"

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

HttpResponse invalidParameter(const QString &message)
{
    return HttpResponse::error(400, u"invalid_parameter"_s, message);
}

// Cursors are opaque: "r1:<mode>:<key>:<id>", base64url, where mode says which order they belong to.
QString encodeCursor(bool spotCheck, const std::pair<qint64, qint64> &at)
{
    const QByteArray text = "r1:" + QByteArray(spotCheck ? "s" : "n") + ':' + QByteArray::number(at.first) +
                            ':' + QByteArray::number(at.second);
    return QString::fromLatin1(text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<qint64, qint64>> decodeCursor(const QString &cursor, bool spotCheck)
{
    if (cursor.size() > 96)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 4 || parts.at(0) != "r1" || parts.at(1) != (spotCheck ? "s" : "n"))
        return std::nullopt;
    bool okKey = false;
    bool okId = false;
    const qint64 key = parts.at(2).toLongLong(&okKey);
    const qint64 id = parts.at(3).toLongLong(&okId);
    if (!okKey || !okId)
        return std::nullopt;
    return std::pair{key, id};
}

HttpResponse listReviews(Database &db, const RouteContext &ctx)
{
    const QUrlQuery &query = ctx.request.query;
    auto value = [&query](const QString &key) {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    };
    ReviewFilter f;
    for (const auto &[key, target] : {std::pair{u"from"_s, &f.from}, std::pair{u"to"_s, &f.to}}) {
        if (!query.hasQueryItem(key))
            continue;
        *target = parseTime(value(key));
        if (!target->isValid())
            return invalidParameter(key + u": expected an ISO 8601 time such as 2026-11-25T00:00:00Z."_s);
    }
    f.outcome = value(u"outcome"_s);
    if (!f.outcome.isEmpty() && f.outcome != u"as_is" && f.outcome != u"edited" && f.outcome != u"own")
        return invalidParameter(u"outcome: expected one of: as_is, edited, own."_s);
    f.intent = value(u"intent"_s);
    f.language = value(u"language"_s);
    f.queue = value(u"queue"_s);
    if (query.hasQueryItem(u"agent_id"_s)) {
        f.agentId = routes::idParam(value(u"agent_id"_s));
        if (!f.agentId)
            return invalidParameter(u"agent_id: expected a user id."_s);
    }
    f.verdict = value(u"verdict"_s);
    static const QStringList kVerdicts{u"none"_s, u"good"_s, u"should_have_been_edited"_s, u"harmful"_s};
    if (!f.verdict.isEmpty() && !kVerdicts.contains(f.verdict))
        return invalidParameter(u"verdict: expected one of: none, good, should_have_been_edited, harmful."_s);
    const QString spotCheck = value(u"spot_check"_s);
    if (!spotCheck.isEmpty() && spotCheck != u"true" && spotCheck != u"false")
        return invalidParameter(u"spot_check: expected true or false."_s);
    f.spotCheck = spotCheck == u"true";
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        f.limit = value(u"limit"_s).toInt(&ok);
        if (!ok || f.limit < 1 || f.limit > kMaxLimit)
            return invalidParameter(u"limit: must be an integer from 1 to %1."_s.arg(kMaxLimit));
    } else {
        f.limit = kDefaultLimit;
    }
    const QString cursor = value(u"cursor"_s);
    if (!cursor.isEmpty()) {
        f.after = decodeCursor(cursor, f.spotCheck);
        if (!f.after)
            return invalidParameter(u"cursor: not a cursor this server issued for this list."_s);
    }
    ReviewPage page;
    std::optional<std::pair<qint64, qint64>> next;
    page.items = ReviewRepository(db).list(f, &next);
    if (next)
        page.nextCursor = encodeCursor(f.spotCheck, *next);
    return HttpResponse::json(200, json::toJson(page));
}

HttpResponse postVerdict(Database &db, const Clock &clock, const RouteContext &ctx)
{
    const auto id = routes::idParam(ctx.params.value(0));
    auto notFound = [] {
        return HttpResponse::error(404, u"not_found"_s, u"There is no AI-assisted reply with that id."_s);
    };
    if (!id)
        return notFound();
    HttpResponse error;
    const auto body = routes::jsonBody(ctx.request, &error);
    if (!body)
        return error;
    QString problem;
    const auto request = json::verdictRequestFromJson(*body, &problem);
    if (!request)
        return HttpResponse::error(400, u"invalid_body"_s, problem);

    const QDateTime now = clock.now();
    Transaction tx(db);
    ReviewRepository reviews(db);
    const auto before = reviews.item(*id);
    if (!before)
        return notFound();
    reviews.setVerdict(*id, request->verdict, request->note, ctx.user->id, now);
    auto state = [](const QString &verdict, const QString &note) {
        return verdict.isEmpty() ? QJsonObject{} : QJsonObject{{u"verdict"_s, verdict}, {u"note"_s, note}};
    };
    AuditRepository(db).append({0, now, ctx.user->id, u"review.verdict"_s, before->ticketId, before->draftId,
                                state(before->verdict, before->verdictNote),
                                QJsonObject{{u"message_id"_s, static_cast<double>(*id)},
                                            {u"verdict"_s, request->verdict},
                                            {u"note"_s, request->note}}});
    const auto after = reviews.item(*id);
    tx.commit();
    return HttpResponse::json(200, json::toJson(*after));
}

} // namespace

void registerReviewRoutes(Router &router, Database &db, const Clock &clock)
{
    router.add(u"GET"_s, u"/api/v1/reviews"_s, Permission::ViewAiAnalytics,
               [&db](RouteContext &ctx) { return listReviews(db, ctx); });
    router.add(u"POST"_s, u"/api/v1/reviews/{id}/verdict"_s, Permission::ViewAiAnalytics,
               [&db, &clock](RouteContext &ctx) { return postVerdict(db, clock, ctx); });
}

} // namespace tandem::server
