#include "TicketRoutes.h"

#include "RouteHelpers.h"

#include "server/http/Router.h"
#include "server/service/TicketService.h"
#include "server/storage/AuditRepository.h"
#include "server/storage/KbRepository.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"

#include <QJsonArray>

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 500;
constexpr qsizetype kMaxIdempotencyKey = 255;

HttpResponse noSuchTicket()
{
    return HttpResponse::error(404, u"not_found"_s, u"There is no ticket with that id."_s);
}

bool validIdempotencyKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > kMaxIdempotencyKey)
        return false;
    for (char c : key) {
        if (c < 0x21 || c > 0x7e) // visible ASCII only
            return false;
    }
    return true;
}

HttpResponse listTickets(TicketService &tickets, const RouteContext &ctx)
{
    int limit = kDefaultPageSize;
    const QString limitText = ctx.request.query.queryItemValue(u"limit"_s);
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxPageSize)
            return HttpResponse::error(400, u"invalid_parameter"_s,
                                       u"limit: must be an integer from 1 to %1."_s.arg(kMaxPageSize));
    }
    const QString cursor = ctx.request.query.queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
    return routes::respond(tickets.changes(cursor, limit), [](const TicketPage &page) {
        return HttpResponse::json(200, json::toJson(page));
    });
}

HttpResponse postReply(TicketService &tickets, const RouteContext &ctx)
{
    const auto id = routes::idParam(ctx.params.value(0));
    if (!id)
        return noSuchTicket();
    const QByteArray key = ctx.request.header("idempotency-key").trimmed();
    if (key.isEmpty())
        return HttpResponse::error(
            400, u"missing_idempotency_key"_s,
            u"Replies need an Idempotency-Key header so that a retry cannot send twice."_s);
    if (!validIdempotencyKey(key))
        return HttpResponse::error(400, u"invalid_idempotency_key"_s,
                                   u"The Idempotency-Key must be 1 to 255 visible ASCII characters."_s);
    HttpResponse error;
    const auto body = routes::jsonBody(ctx.request, &error);
    if (!body)
        return error;
    QString problem;
    const auto request = json::replyRequestFromJson(*body, &problem);
    if (!request)
        return HttpResponse::error(400, u"invalid_body"_s, problem);
    bool malformed = false;
    const auto ifMatch = routes::ifMatchVersion(ctx.request, &malformed);
    if (malformed)
        return HttpResponse::error(400, u"invalid_parameter"_s,
                                   u"If-Match: expected a version such as \"12\"."_s);

    TicketService::ReplyCall call;
    call.ticketId = *id;
    call.request = *request;
    call.idempotencyKey = QString::fromLatin1(key);
    // "The same body" is judged on the decoded request, so whitespace or key order do not matter.
    call.requestHash = QCryptographicHash::hash(QByteArray(ctx.request.path.toUtf8() + '\n' +
                                                           json::serialize(json::toJson(*request))),
                                                QCryptographicHash::Sha256)
                           .toHex();
    call.ifMatch = ifMatch;
    return tickets.reply(call, *ctx.user);
}

//! The ticket id of the path and the one string field of a body like {"<field>": "..."};
//! nullopt with \a error set to the answer (404, 400) otherwise.
std::optional<std::pair<qint64, QString>> ticketAndText(const RouteContext &ctx, const QString &field,
                                                        HttpResponse *error)
{
    const auto id = routes::idParam(ctx.params.value(0));
    if (!id) {
        *error = noSuchTicket();
        return std::nullopt;
    }
    const auto body = routes::jsonBody(ctx.request, error);
    if (!body)
        return std::nullopt;
    JsonReader r(*body);
    r.rejectUnknownKeys({field});
    const QString text = r.string(field);
    if (!r.ok()) {
        *error = HttpResponse::error(400, u"invalid_body"_s, r.error());
        return std::nullopt;
    }
    return std::pair{*id, text};
}

HttpResponse patchTicket(TicketService &tickets, const RouteContext &ctx)
{
    const auto id = routes::idParam(ctx.params.value(0));
    if (!id)
        return noSuchTicket();
    HttpResponse error;
    const auto body = routes::jsonBody(ctx.request, &error);
    if (!body)
        return error;
    QString problem;
    const auto patch = json::ticketPatchFromJson(*body, &problem);
    if (!patch)
        return HttpResponse::error(400, u"invalid_body"_s, problem);
    if (patch->isEmpty())
        return HttpResponse::error(
            400, u"invalid_body"_s,
            u"Nothing to change: send at least one of status, assignee_id, priority, tags."_s);
    bool malformed = false;
    const auto ifMatch = routes::ifMatchVersion(ctx.request, &malformed);
    if (malformed)
        return HttpResponse::error(400, u"invalid_parameter"_s,
                                   u"If-Match: expected a version such as \"12\"."_s);
    if (!ifMatch)
        return HttpResponse::error(428, u"precondition_required"_s,
                                   u"Changes need an If-Match header with the version you last saw."_s);
    return routes::respond(tickets.patch(*id, *patch, *ifMatch, *ctx.user), [](const Ticket &t) {
        HttpResponse r = HttpResponse::json(200, json::toJson(t));
        r.setHeader("ETag", routes::etag(t.version));
        return r;
    });
}

} // namespace

void registerTicketRoutes(Router &router, TicketService &tickets, Database &db)
{
    router.add(u"GET"_s, u"/healthz"_s, std::nullopt, [](RouteContext &) {
        return HttpResponse::json(200, {{u"status"_s, u"ok"_s}});
    });

    router.add(u"GET"_s, u"/api/v1/events"_s, Permission::ReadTickets, [](RouteContext &) {
        HttpResponse r =
            HttpResponse::error(426, u"upgrade_required"_s,
                                u"The event stream is a WebSocket: connect with an Upgrade request."_s);
        r.setHeader("Upgrade", "websocket");
        return r;
    });

    router.add(u"GET"_s, u"/api/v1/tickets"_s, Permission::ReadTickets,
               [&tickets](RouteContext &ctx) { return listTickets(tickets, ctx); });

    router.add(u"POST"_s, u"/api/v1/tickets"_s, Permission::ActOnTickets, [&tickets](RouteContext &ctx) {
        HttpResponse error;
        const auto body = routes::jsonBody(ctx.request, &error);
        if (!body)
            return error;
        QString problem;
        const auto request = json::newTicketRequestFromJson(*body, &problem);
        if (!request)
            return HttpResponse::error(400, u"invalid_body"_s, problem);
        return routes::respond(tickets.create(*request), [](const Ticket &t) {
            HttpResponse r = HttpResponse::json(201, json::toJson(t));
            r.setHeader("ETag", routes::etag(t.version));
            r.setHeader("Location", "/api/v1/tickets/" + QByteArray::number(t.id));
            return r;
        });
    });

    router.add(u"GET"_s, u"/api/v1/tickets/{id}"_s, Permission::ReadTickets, [&tickets](RouteContext &ctx) {
        const auto id = routes::idParam(ctx.params.value(0));
        const auto detail = id ? tickets.detail(*id) : std::nullopt;
        if (!detail)
            return noSuchTicket();
        HttpResponse r = HttpResponse::json(200, json::toJson(*detail));
        r.setHeader("ETag", routes::etag(detail->ticket.version));
        return r;
    });

    router.add(u"PATCH"_s, u"/api/v1/tickets/{id}"_s, Permission::ActOnTickets,
               [&tickets](RouteContext &ctx) { return patchTicket(tickets, ctx); });

    router.add(u"POST"_s, u"/api/v1/tickets/{id}/replies"_s, Permission::ActOnTickets,
               [&tickets](RouteContext &ctx) { return postReply(tickets, ctx); });

    router.add(u"POST"_s, u"/api/v1/tickets/{id}/messages"_s, Permission::ActOnTickets,
               [&tickets](RouteContext &ctx) {
                   HttpResponse error;
                   const auto call = ticketAndText(ctx, u"body"_s, &error);
                   if (!call)
                       return error;
                   return routes::respond(
                       tickets.addCustomerMessage(call->first, call->second),
                       [](const Message &m) { return HttpResponse::json(201, json::toJson(m)); });
               });

    router.add(u"POST"_s, u"/api/v1/tickets/{id}/draft/regenerate"_s, Permission::ActOnTickets,
               [&tickets](RouteContext &ctx) {
                   HttpResponse error;
                   const auto call = ticketAndText(ctx, u"tone"_s, &error);
                   if (!call)
                       return error;
                   return routes::respond(
                       tickets.regenerateDraft(call->first, call->second, *ctx.user),
                       [](const Draft &d) { return HttpResponse::json(201, json::toJson(d)); });
               });

    router.add(u"POST"_s, u"/api/v1/tickets/{id}/draft/discard"_s, Permission::ActOnTickets,
               [&tickets](RouteContext &ctx) {
                   const auto id = routes::idParam(ctx.params.value(0));
                   if (!id)
                       return noSuchTicket();
                   if (const auto error = tickets.discardDraft(*id, *ctx.user))
                       return routes::errorResponse(*error);
                   return HttpResponse::empty(204);
               });

    router.add(u"GET"_s, u"/api/v1/audit"_s, Permission::ViewAudit, [&db](RouteContext &ctx) {
        std::optional<qint64> ticketId;
        const QString ticketText = ctx.request.query.queryItemValue(u"ticket_id"_s);
        if (!ticketText.isEmpty()) {
            ticketId = routes::idParam(ticketText);
            if (!ticketId)
                return HttpResponse::error(400, u"invalid_parameter"_s,
                                           u"ticket_id: expected a ticket id."_s);
        }
        bool ok = true;
        const QString limitText = ctx.request.query.queryItemValue(u"limit"_s);
        const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return HttpResponse::error(400, u"invalid_parameter"_s,
                                       u"limit: must be an integer from 1 to 500."_s);
        QJsonArray items;
        for (const AuditEntry &e : AuditRepository(db).recent(ticketId, limit)) {
            items.append(
                QJsonObject{{u"id"_s, static_cast<double>(e.id)},
                            {u"at"_s, formatTime(e.at)},
                            {u"user_id"_s, e.userId ? QJsonValue(double(*e.userId)) : QJsonValue()},
                            {u"action"_s, e.action},
                            {u"ticket_id"_s, e.ticketId ? QJsonValue(double(*e.ticketId)) : QJsonValue()},
                            {u"draft_id"_s, e.draftId ? QJsonValue(double(*e.draftId)) : QJsonValue()},
                            {u"before"_s, e.before},
                            {u"after"_s, e.after}});
        }
        return HttpResponse::json(200, {{u"items"_s, items}});
    });

    router.add(u"GET"_s, u"/api/v1/kb/{id}"_s, Permission::ReadTickets, [&db](RouteContext &ctx) {
        const auto id = routes::idParam(ctx.params.value(0));
        const auto article = id ? KbRepository(db).article(*id) : std::nullopt;
        if (!article)
            return HttpResponse::error(404, u"not_found"_s, u"There is no article with that id."_s);
        return HttpResponse::json(200, {{u"id"_s, static_cast<double>(article->id)},
                                        {u"slug"_s, article->slug},
                                        {u"title"_s, article->title},
                                        {u"body"_s, article->body},
                                        {u"language"_s, article->language},
                                        {u"intent"_s, article->intent}});
    });
}

} // namespace tandem::server
